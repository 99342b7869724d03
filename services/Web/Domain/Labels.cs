using System.Globalization;

namespace Opco.Web.Domain;

/// <summary>French wording of values that travel as codes, and the portal's date format (Paris time).</summary>
public static class Labels
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string NotificationKind(string kind) => kind switch
    {
        "AccountRequestToValidate" => "Demandes de création de compte à valider",
        "AccountRequestDecided" => "Décision sur une demande de compte",
        "DossierStatusChanged" => "Changement de statut d'un dossier",
        "ContractStatusChanged" => "Changement de statut d'un contrat de pro",
        "Payment" => "Règlements",
        "ContributionCall" => "Appels de contributions",
        "HabilitationsChanged" => "Modification de mes habilitations",
        _ => kind,
    };

    public static string Frequency(string frequency) => frequency switch
    {
        "Immediate" => "Immédiate",
        "Daily" => "Quotidienne",
        "Weekly" => "Hebdomadaire",
        _ => frequency,
    };

    public static readonly IReadOnlyList<string> Frequencies = ["Immediate", "Daily", "Weekly"];

    public static string Civility(string? civility) => civility switch
    {
        "Monsieur" => "M.",
        "Madame" => "Mme",
        _ => "",
    };

    /// <summary>"16-02-2018 11:12:32", as in the seed's user list.</summary>
    public static string DateTime(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, Paris).ToString("dd-MM-yyyy HH:mm:ss", French) : "";

    /// <summary>"02/05/2018 18:22:54", as in the seed's request list.</summary>
    public static string RequestDate(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Paris).ToString("dd/MM/yyyy HH:mm:ss", French);

    public static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", French) ?? "";

    /// <summary>The day of a moment in Paris, whatever the server's time zone.</summary>
    public static string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Paris).DateTime));

    public static string Euros(decimal amount) => amount.ToString("#,##0.00 €", French);

    public static string YesNo(bool value) => value ? "Oui" : "Non";
}
