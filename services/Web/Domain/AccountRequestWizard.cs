using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Web.Domain;

/// <summary>
/// "Demande de création de compte" (2i wizard): four zones, each with a gauge that turns green once its required
/// fields are filled and valid. "Demander mon compte" is enabled only when all four are green.
/// </summary>
public sealed class AccountRequestWizard
{
    public string? Email { get; set; }
    public string? CompanyQuery { get; set; }
    public string? Siren { get; set; }
    public string? CompanyDisplay { get; set; }
    public string? Civility { get; set; }
    public string? JobTitle { get; set; }
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public string? Phone { get; set; }
    public string? Siret { get; set; }
    public string? EstablishmentDisplay { get; set; }
    public string? RoleCode { get; set; }

    public WizardZone Current { get; set; } = WizardZone.Email;

    public static readonly IReadOnlyList<WizardZone> Zones = [WizardZone.Email, WizardZone.Company, WizardZone.Information, WizardZone.Habilitations];

    public static string Title(WizardZone zone) => zone switch
    {
        WizardZone.Email => "Mon adresse email",
        WizardZone.Company => "Mon entreprise",
        WizardZone.Information => "Mes informations",
        WizardZone.Habilitations => "Habilitations souhaitées",
        _ => throw new ArgumentOutOfRangeException(nameof(zone)),
    };

    public bool IsComplete(WizardZone zone) => zone switch
    {
        WizardZone.Email => EmailAddress.TryParse(Email, out _),
        WizardZone.Company => !string.IsNullOrEmpty(Siren),
        WizardZone.Information => Civility is "Monsieur" or "Madame" && Filled(JobTitle) && Filled(LastName) && Filled(FirstName)
                                  && PhoneNumber.TryParse(Phone, out _) && SiretOfCompany,
        WizardZone.Habilitations => Role is not null && SiretOfCompany,
        _ => false,
    };

    public bool CanSubmit => Zones.All(IsComplete);

    public Role? Role => RoleCode is null ? null : Role.Find(RoleCode);

    /// <summary>Choosing another company forgets the site chosen in the previous one.</summary>
    public void ChooseCompany(string siren, string display)
    {
        if (Siren != siren) (Siret, EstablishmentDisplay) = (null, null);
        (Siren, CompanyDisplay, CompanyQuery) = (siren, display, display);
    }

    public void ClearCompany() => (Siren, CompanyDisplay, Siret, EstablishmentDisplay) = (null, null, null, null);

    public WizardZone? Next => Current == WizardZone.Habilitations ? null : Current + 1;
    public WizardZone? Previous => Current == WizardZone.Email ? null : Current - 1;

    /// <summary>The fields of one zone, to show a field-level error from the API in the zone that holds it.</summary>
    public static WizardZone ZoneOf(string field) => field.ToLowerInvariant() switch
    {
        "email" or "emailconfirmation" => WizardZone.Email,
        "siren" => WizardZone.Company,
        "role" => WizardZone.Habilitations,
        _ => WizardZone.Information,
    };

    public Api.AccountRequestSubmission ToSubmission() => new("Wizard", Email?.Trim(), Email?.Trim(), LastName?.Trim(), FirstName?.Trim(),
        Siret, Civility, JobTitle?.Trim(), Phone?.Trim(), Role?.Label);

    private bool SiretOfCompany => Siret is { Length: 14 } && Siren is not null && Siret.StartsWith(Siren, StringComparison.Ordinal);

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);
}

public enum WizardZone
{
    Email,
    Company,
    Information,
    Habilitations,
}
