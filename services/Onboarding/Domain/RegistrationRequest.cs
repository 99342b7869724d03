using Opco.SharedKernel;

namespace Opco.Onboarding.Domain;

/// <summary>A visitor's request to add a company or an establishment to the registry; an advisor validates it.</summary>
public sealed class RegistrationRequest
{
    public const int NameMaxLength = 100;

    public Guid Id { get; private set; }
    public RegistrationRequestKind Kind { get; private set; }
    public string Siren { get; private set; } = "";
    public string Siret { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string PostalCode { get; private set; } = "";
    public string City { get; private set; } = "";
    public string RequesterEmail { get; private set; } = "";
    public string RequesterLastName { get; private set; } = "";
    public string RequesterFirstName { get; private set; } = "";
    public RegistrationRequestStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public string? Reason { get; private set; }

    public bool IsPending => Status == RegistrationRequestStatus.Pending;

    /// <summary>The site the request would create: the company's head office for a new company.</summary>
    public EstablishmentDetails Establishment =>
        new(Siret, Name, Address, PostalCode, City, IsHeadOffice: Kind == RegistrationRequestKind.Company);

    private RegistrationRequest() { }

    public static (RegistrationRequest? Request, FieldErrors Errors) Submit(RegistrationRequestForm form, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        RegistrationRequestKind? kind = null;
        if (EnumCodes.TryParse<RegistrationRequestKind>(form.Kind, out var parsed)) kind = parsed;
        else errors.Add("kind", "Le type de demande doit être « Company » (entreprise) ou « Establishment » (établissement).");
        var siren = OrganisationFields.Siren(form.Siren, "siren", errors);
        var site = new EstablishmentDetails(form.Siret, form.Name, form.Address, form.PostalCode, form.City).Validate(errors);
        if (siren is not null && SharedKernel.Siret.TryParse(form.Siret, out var siret) && siret!.Siren != siren)
            errors.Add("siret", $"Le SIRET doit commencer par le SIREN de l'entreprise ({siren}).");
        EmailAddress? email = null;
        if (string.IsNullOrWhiteSpace(form.RequesterEmail)) errors.Add("requesterEmail", "L'email est obligatoire.");
        else if (!EmailAddress.TryParse(form.RequesterEmail, out email)) errors.Add("requesterEmail", "L'email n'est pas une adresse valide.");
        var lastName = OrganisationFields.Required(form.RequesterLastName, "requesterLastName", "Le nom", NameMaxLength, errors);
        var firstName = OrganisationFields.Required(form.RequesterFirstName, "requesterFirstName", "Le prénom", NameMaxLength, errors);
        if (!errors.IsEmpty) return (null, errors);

        return (new RegistrationRequest
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind!.Value,
            Siren = siren!,
            Siret = site!.Siret,
            Name = site.Name,
            Address = site.Address,
            PostalCode = site.PostalCode,
            City = site.City,
            RequesterEmail = email!.Value,
            RequesterLastName = lastName!,
            RequesterFirstName = firstName!,
            Status = RegistrationRequestStatus.Pending,
            SubmittedAt = now,
        }, errors);
    }

    public bool Approve(Guid by, DateTimeOffset now)
    {
        if (!IsPending) return false;
        (Status, DecidedAt, DecidedBy) = (RegistrationRequestStatus.Approved, now, by);
        return true;
    }

    public FieldErrors Refuse(string? reason, Guid by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var trimmed = OrganisationFields.Required(reason, "reason", "Le motif du refus", AccountRequest.ReasonMaxLength, errors);
        if (trimmed is null || !IsPending) return errors;
        (Status, DecidedAt, DecidedBy, Reason) = (RegistrationRequestStatus.Refused, now, by, trimmed);
        return errors;
    }
}
