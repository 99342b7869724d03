using Opco.SharedKernel.Search;
using Opco.SharedKernel;

namespace Opco.Onboarding.Domain;

/// <summary>A member company (SIREN) of the registry, with its establishments and its assigned training advisor.</summary>
public sealed class Company
{
    public string Siren { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary><see cref="SearchText.Normalize"/> of the name, indexed for "Recherchez votre entreprise".</summary>
    public string SearchName { get; private set; } = "";
    public int? Headcount { get; private set; }
    public string? ServiceOffer { get; private set; }
    /// <summary>The assigned "conseiller formation", by the e-mail of their account; null when none is assigned yet.</summary>
    public string? AdvisorEmail { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public List<Establishment> Establishments { get; private set; } = [];

    private Company() { }

    public static (Company? Company, FieldErrors Errors) Register(CompanyDetails details, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var siren = OrganisationFields.Siren(details.Siren, "siren", errors);
        var valid = details.Validate(errors);
        if (!errors.IsEmpty) return (null, errors);
        var company = new Company { Siren = siren!, RegisteredAt = now };
        company.Apply(valid!);
        return (company, errors);
    }

    public FieldErrors Update(CompanyDetails details)
    {
        var errors = new FieldErrors();
        var valid = details.Validate(errors);
        if (valid is not null) Apply(valid);
        return errors;
    }

    /// <summary>A new site; the first one, or one flagged so, becomes the head office (there is only ever one).</summary>
    public (Establishment? Establishment, FieldErrors Errors) AddEstablishment(EstablishmentDetails details)
    {
        var (establishment, errors) = Establishment.Create(Siren, details);
        if (establishment is null) return (null, errors);
        if (Establishments.Any(e => e.Siret == establishment.Siret))
            return (null, errors.Add("siret", "Cet établissement existe déjà."));
        if (Establishments.Count == 0 || establishment.IsHeadOffice)
        {
            foreach (var other in Establishments) other.MarkHeadOffice(false);
            establishment.MarkHeadOffice(true);
        }
        Establishments.Add(establishment);
        return (establishment, errors);
    }

    private void Apply(ValidCompanyDetails valid)
    {
        (Name, Headcount, ServiceOffer, AdvisorEmail) = (valid.Name, valid.Headcount, valid.ServiceOffer, valid.AdvisorEmail);
        SearchName = SearchText.Normalize(valid.Name);
    }
}

/// <summary>"Raison sociale", headcount, service offer and advisor, as typed.</summary>
public sealed record CompanyDetails(string? Siren, string? Name, int? Headcount, string? ServiceOffer, string? AdvisorEmail)
{
    public const int MaxHeadcount = 1_000_000;

    public ValidCompanyDetails? Validate(FieldErrors errors)
    {
        var name = OrganisationFields.Required(Name, "name", "La raison sociale", OrganisationFields.NameMaxLength, errors);
        if (Headcount is < 0 or > MaxHeadcount) errors.Add("headcount", "L'effectif doit être un nombre de salariés positif.");
        if (!ServiceOffers.TryParse(ServiceOffer, out var offer))
            errors.Add("serviceOffer", $"L'offre de service doit être l'une de : {string.Join(", ", ServiceOffers.All)}.");
        EmailAddress? advisor = null;
        if (!string.IsNullOrWhiteSpace(AdvisorEmail) && !EmailAddress.TryParse(AdvisorEmail, out advisor))
            errors.Add("advisorEmail", "L'email du conseiller n'est pas une adresse valide.");
        return errors.IsEmpty ? new ValidCompanyDetails(name!, Headcount, offer, advisor?.Value) : null;
    }
}

public sealed record ValidCompanyDetails(string Name, int? Headcount, string? ServiceOffer, string? AdvisorEmail);
