using Opco.Api.Security;
using Opco.SharedKernel;
using Opco.SharedKernel.Search;

namespace Opco.Dossier.Domain;

/// <summary>What "Ajouter un organisme" gives; every field is checked by <see cref="TrainingProvider"/>.</summary>
public sealed record TrainingProviderForm(string? Siret, string? Nda, string? Name, string? Address, string? PostalCode, string? City,
    bool? IsQualiopiCertified, string? Iban);

/// <summary>
/// "Organisme de formation" (domain.md): one site of a training provider, known by its SIRET. The NDA (numéro de
/// déclaration d'activité) belongs to the provider, so every site of one provider carries the same. Shared by every
/// company: the first to file a dossier with a provider adds it. The IBAN, for subrogation payments, is kept encrypted
/// (<see cref="IIbanProtector"/>) with its masked form beside it, so that no screen ever needs it in clear.
/// </summary>
public sealed class TrainingProvider
{
    public const int NdaLength = 11;

    public Guid Id { get; private set; }
    public string Siret { get; private set; } = "";
    public string Nda { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary><see cref="Name"/> as search compares it (<see cref="SearchText"/>).</summary>
    public string SearchName { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string PostalCode { get; private set; } = "";
    public string City { get; private set; } = "";
    public bool IsQualiopiCertified { get; private set; }
    public byte[]? EncryptedIban { get; private set; }
    /// <summary>« FR76 •••• •••• 1234 »: what is shown of the IBAN.</summary>
    public string? MaskedIban { get; private set; }
    /// <summary>Who last recorded the IBAN after the provider was added (an OPCO administrator), and when.</summary>
    public Guid? IbanChangedBy { get; private set; }
    public DateTimeOffset? IbanChangedAt { get; private set; }
    /// <summary>PostgreSQL's row version: two IBAN changes at once, one is refused rather than both applied in any order.</summary>
    public uint Version { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private TrainingProvider() { }

    /// <summary>A new provider, or every field's French message and nothing created.</summary>
    public static (TrainingProvider? Provider, FieldErrors Errors) Create(TrainingProviderForm form, IIbanProtector protector, Guid by,
        DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var siret = OrganisationFields.Siret(form.Siret, "siret", errors);
        var nda = CheckNda(form.Nda, errors);
        var name = OrganisationFields.Required(form.Name, "name", "La raison sociale", OrganisationFields.NameMaxLength, errors);
        var address = OrganisationFields.Required(form.Address, "address", "L'adresse", OrganisationFields.AddressMaxLength, errors);
        var postalCode = OrganisationFields.PostalCode(form.PostalCode, "postalCode", errors);
        var city = OrganisationFields.Required(form.City, "city", "La ville", OrganisationFields.CityMaxLength, errors);
        if (form.IsQualiopiCertified is null) errors.Add("isQualiopiCertified", "Indiquez si l'organisme est certifié Qualiopi.");
        // Optional here: it is needed only when the OPCO pays the provider directly (subrogation).
        var iban = SharedKernel.Iban.Read(form.Iban, "iban", errors);
        if (!errors.IsEmpty) return (null, errors);

        var provider = new TrainingProvider
        {
            Id = Guid.CreateVersion7(now),
            Siret = siret!,
            Nda = nda!,
            Name = name!,
            SearchName = SearchText.Normalize(name),
            Address = address!,
            PostalCode = postalCode!,
            City = city!,
            IsQualiopiCertified = form.IsQualiopiCertified!.Value,
            EncryptedIban = iban is null ? null : protector.Protect(iban),
            MaskedIban = iban?.Masked,
            CreatedBy = by,
            CreatedAt = now,
        };
        return (provider, errors);
    }

    /// <summary>
    /// Records the account subrogation payments go to (an OPCO administrator's act: the provider is shared by every company,
    /// so no company may redirect its payments). Required here: a provider's IBAN is replaced, never removed.
    /// </summary>
    public FieldErrors ChangeIban(string? input, IIbanProtector protector, Guid by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (SharedKernel.Iban.Read(input, "iban", errors, required: true) is not { } iban) return errors;
        EncryptedIban = protector.Protect(iban);
        MaskedIban = iban.Masked;
        IbanChangedBy = by;
        IbanChangedAt = now;
        return errors;
    }

    /// <summary>The NDA's 11 digits from what a user typed (spaces allowed), or null when it is not one.</summary>
    public static string? NdaDigits(string? input)
    {
        var digits = SearchText.Digits(input);
        return digits is { Length: NdaLength } ? digits : null;
    }

    private static string? CheckNda(string? input, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input)) errors.Add("nda", "Le numéro de déclaration d'activité (NDA) est obligatoire.");
        else if (NdaDigits(input) is { } nda) return nda;
        else errors.Add("nda", "Le numéro de déclaration d'activité (NDA) doit comporter 11 chiffres.");
        return null;
    }
}
