using Opco.SharedKernel;

namespace Opco.Onboarding.Domain;

/// <summary>"Demande d'ouverture de compte": a visitor asks for an account on an establishment.</summary>
public sealed class AccountRequest
{
    public const int NameMaxLength = 100;

    public Guid Id { get; private set; }
    public string LastName { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Siret { get; private set; } = "";
    public AccountRequestStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    private AccountRequest() { }

    /// <summary>The "Mon compte DEFi" form: every field required, both e-mails identical, a valid SIRET.</summary>
    public static (AccountRequest? Request, FieldErrors Errors) Submit(AccountRequestForm form, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var lastName = RequiredName(form.LastName, "lastName", "Le nom", errors);
        var firstName = RequiredName(form.FirstName, "firstName", "Le prénom", errors);

        switch (SharedKernel.Siret.Check(form.Siret))
        {
            case SiretCheck.Missing: errors.Add("siret", "Le SIRET de votre établissement est obligatoire."); break;
            case SiretCheck.WrongFormat: errors.Add("siret", "Le SIRET doit comporter 14 chiffres."); break;
            case SiretCheck.InvalidKey: errors.Add("siret", "Ce numéro SIRET n'existe pas : vérifiez sa saisie."); break;
        }

        EmailAddress? email = null;
        if (string.IsNullOrWhiteSpace(form.Email)) errors.Add("email", "L'email est obligatoire.");
        else if (!EmailAddress.TryParse(form.Email, out email)) errors.Add("email", "L'email n'est pas une adresse valide.");

        if (string.IsNullOrWhiteSpace(form.EmailConfirmation))
            errors.Add("emailConfirmation", "La confirmation de l'email est obligatoire.");
        else if (email is not null && !string.Equals(form.EmailConfirmation.Trim(), email.Value, StringComparison.OrdinalIgnoreCase))
            errors.Add("emailConfirmation", "La confirmation de l'email ne correspond pas à l'email saisi.");

        if (!errors.IsEmpty) return (null, errors);

        SharedKernel.Siret.TryParse(form.Siret, out var siret);
        return (new AccountRequest
        {
            Id = Guid.CreateVersion7(now),
            LastName = lastName!,
            FirstName = firstName!,
            Email = email!.Value,
            Siret = siret!.Value,
            Status = AccountRequestStatus.Pending,
            SubmittedAt = now,
        }, errors);
    }

    private static string? RequiredName(string? value, string field, string label, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add(field, $"{label} est obligatoire.");
        else if (trimmed.Length > NameMaxLength) errors.Add(field, $"{label} ne doit pas dépasser {NameMaxLength} caractères.");
        else return trimmed;
        return null;
    }
}

public sealed record AccountRequestForm(string? LastName, string? FirstName, string? Siret, string? Email, string? EmailConfirmation);
