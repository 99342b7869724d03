using Opco.SharedKernel;

namespace Opco.Onboarding.Domain;

/// <summary>A site of a member company (SIRET): accounts, rights and dossiers hang off it. Closed ones take no new requests.</summary>
public sealed class Establishment
{
    public string Siret { get; private set; } = "";
    public string Siren { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string PostalCode { get; private set; } = "";
    public string City { get; private set; } = "";
    public bool IsHeadOffice { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    public bool IsClosed => ClosedOn is not null;

    /// <summary>One line, as the wizard shows it: "25, rue des ancres 75116 PARIS".</summary>
    public string PostalAddress => $"{Address}, {PostalCode} {City}";

    private Establishment() { }

    internal static (Establishment? Establishment, FieldErrors Errors) Create(string siren, EstablishmentDetails details)
    {
        var errors = new FieldErrors();
        var valid = details.Validate(errors);
        if (SharedKernel.Siret.TryParse(details.Siret, out var siret) && siret!.Siren != siren)
            errors.Add("siret", $"Le SIRET doit commencer par le SIREN de l'entreprise ({siren}).");
        if (!errors.IsEmpty) return (null, errors);
        var establishment = new Establishment { Siret = valid!.Siret, Siren = siren };
        establishment.Apply(valid);
        return (establishment, errors);
    }

    public FieldErrors Update(EstablishmentDetails details)
    {
        var errors = new FieldErrors();
        var valid = (details with { Siret = Siret }).Validate(errors);
        if (valid is not null) Apply(valid);
        return errors;
    }

    /// <summary>Closing twice keeps the first date.</summary>
    public bool Close(DateOnly on)
    {
        if (IsClosed) return false;
        ClosedOn = on;
        return true;
    }

    internal void MarkHeadOffice(bool isHeadOffice) => IsHeadOffice = isHeadOffice;

    private void Apply(ValidEstablishmentDetails valid) =>
        (Name, Address, PostalCode, City, IsHeadOffice) = (valid.Name, valid.Address, valid.PostalCode, valid.City, valid.IsHeadOffice);
}

/// <summary>What identifies and locates an establishment, as typed.</summary>
public sealed record EstablishmentDetails(string? Siret, string? Name, string? Address, string? PostalCode, string? City, bool IsHeadOffice = false)
{
    /// <summary>The same details trimmed and normalised, or null with the errors added.</summary>
    public ValidEstablishmentDetails? Validate(FieldErrors errors)
    {
        var siret = OrganisationFields.Siret(Siret, "siret", errors);
        var name = OrganisationFields.Required(Name, "name", "Le nom", OrganisationFields.NameMaxLength, errors);
        var address = OrganisationFields.Required(Address, "address", "L'adresse", OrganisationFields.AddressMaxLength, errors);
        var postalCode = OrganisationFields.PostalCode(PostalCode, "postalCode", errors);
        var city = OrganisationFields.Required(City, "city", "La ville", OrganisationFields.CityMaxLength, errors);
        return errors.IsEmpty ? new ValidEstablishmentDetails(siret!, name!, address!, postalCode!, city!, IsHeadOffice) : null;
    }
}

public sealed record ValidEstablishmentDetails(string Siret, string Name, string Address, string PostalCode, string City, bool IsHeadOffice);
