using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Onboarding.Domain;

/// <summary>"Demande d'ouverture de compte": a visitor asks for an account on an establishment.</summary>
public sealed class AccountRequest
{
    public const int NameMaxLength = 100;
    public const int ReasonMaxLength = 1000;
    public static readonly IReadOnlyList<string> Civilities = ["Monsieur", "Madame"];
    /// <summary>Who a history entry names when the platform itself changed the request.</summary>
    public const string PlatformName = "Mon compte OPCO";

    public Guid Id { get; private set; }
    public RequestForm Form { get; private set; }
    public AccountRequestKind Kind { get; private set; }
    public string? Civility { get; private set; }
    public string LastName { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string Email { get; private set; } = "";
    /// <summary>E.164 ("+33…").</summary>
    public string? Phone { get; private set; }
    public string? JobTitle { get; private set; }
    /// <summary>The code of the desired <see cref="SharedKernel.Habilitations.Role"/> (wizard only).</summary>
    public string? RoleCode { get; private set; }
    public string Siret { get; private set; } = "";
    public AccountRequestStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public string? DecidedByName { get; private set; }
    public string? RefusalReason { get; private set; }
    /// <summary>Identity's reason code when it could not carry ✓ out (<see cref="AccountRequestStatus.Failed"/>).</summary>
    public string? FailureReason { get; private set; }
    public DateTimeOffset? LastRemindedAt { get; private set; }
    public List<AccountRequestHistoryEntry> History { get; private set; } = [];

    public Role? Role => RoleCode is null ? null : SharedKernel.Habilitations.Role.Find(RoleCode);

    /// <summary>What ✓ ticks by default: the desired role's habilitations.</summary>
    public IReadOnlyList<Habilitation> SuggestedHabilitations => Role?.Habilitations ?? [];

    public string RequesterName => $"{LastName.ToUpperInvariant()} {FirstName}";

    private AccountRequest() { }

    /// <summary>Every field of the chosen form validated, each with its French message; nothing is created otherwise.</summary>
    public static (AccountRequest? Request, FieldErrors Errors) Submit(AccountRequestForm form, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var kindOfForm = ParseForm(form.Form, errors);
        var lastName = RequiredText(form.LastName, "lastName", "Le nom", errors);
        var firstName = RequiredText(form.FirstName, "firstName", "Le prénom", errors);

        switch (SharedKernel.Siret.Check(form.Siret))
        {
            case SiretCheck.Missing: errors.Add("siret", "Le SIRET de votre établissement est obligatoire."); break;
            case SiretCheck.WrongFormat: errors.Add("siret", "Le SIRET doit comporter 14 chiffres."); break;
            case SiretCheck.InvalidKey: errors.Add("siret", "Ce numéro SIRET n'existe pas : vérifiez sa saisie."); break;
        }

        EmailAddress? email = null;
        if (string.IsNullOrWhiteSpace(form.Email)) errors.Add("email", "L'email est obligatoire.");
        else if (!EmailAddress.TryParse(form.Email, out email)) errors.Add("email", "L'email n'est pas une adresse valide.");

        // The DEFi form asks for the address twice; the wizard does not, but a confirmation it sends must still match.
        if (string.IsNullOrWhiteSpace(form.EmailConfirmation))
        {
            if (kindOfForm == RequestForm.Defi) errors.Add("emailConfirmation", "La confirmation de l'email est obligatoire.");
        }
        else if (email is not null && !string.Equals(form.EmailConfirmation.Trim(), email.Value, StringComparison.OrdinalIgnoreCase))
            errors.Add("emailConfirmation", "La confirmation de l'email ne correspond pas à l'email saisi.");

        var wizard = kindOfForm == RequestForm.Wizard ? WizardFields(form, errors) : null;
        if (!errors.IsEmpty) return (null, errors);

        SharedKernel.Siret.TryParse(form.Siret, out var siret);
        var request = new AccountRequest
        {
            Id = Guid.CreateVersion7(now),
            Form = kindOfForm!.Value,
            Kind = AccountRequestKind.Opening,
            Civility = wizard?.Civility,
            LastName = lastName!,
            FirstName = firstName!,
            Email = email!.Value,
            Phone = wizard?.Phone,
            JobTitle = wizard?.JobTitle,
            RoleCode = wizard?.Role,
            Siret = siret!.Value,
            Status = AccountRequestStatus.Pending,
            SubmittedAt = now,
        };
        request.History.Add(AccountRequestHistoryEntry.Of(request.Id, now, AccountRequestStatus.Pending, null, request.RequesterName));
        return (request, errors);
    }

    /// <summary>The e-mail already has an account: ✓ will attach it rather than create one.</summary>
    public void MarkForExistingAccount() => Kind = AccountRequestKind.Attachment;

    /// <summary>Not settled yet: awaiting a decision, or a ✓ being carried out. One per e-mail and establishment.</summary>
    public static readonly IReadOnlyList<AccountRequestStatus> OpenStatuses =
        [AccountRequestStatus.Pending, AccountRequestStatus.Approving, AccountRequestStatus.Failed];

    /// <summary>Awaiting ✓ or ✖: new, or back after identity could not carry a ✓ out.</summary>
    public bool AwaitsDecision => Status is AccountRequestStatus.Pending or AccountRequestStatus.Failed;

    /// <summary>✓: identity now creates or attaches the account. False when the request does not await a decision.</summary>
    public bool Accept(Guid by, string byName, DateTimeOffset now)
    {
        if (!AwaitsDecision) return false;
        (Status, DecidedAt, DecidedBy, DecidedByName, FailureReason) = (AccountRequestStatus.Approving, now, by, byName, null);
        History.Add(AccountRequestHistoryEntry.Of(Id, now, Status, by, byName));
        return true;
    }

    /// <summary>Identity created or attached the account. False when already done (a redelivered answer).</summary>
    public bool Fulfil(DateTimeOffset now)
    {
        if (Status != AccountRequestStatus.Approving) return false;
        Status = AccountRequestStatus.Approved;
        History.Add(AccountRequestHistoryEntry.Of(Id, now, Status, DecidedBy, DecidedByName ?? ""));
        return true;
    }

    /// <summary>Identity could not carry ✓ out: the decider sees why and decides again. False when not awaiting identity.</summary>
    public bool FailFulfilment(string reason, DateTimeOffset now)
    {
        if (Status != AccountRequestStatus.Approving) return false;
        (Status, FailureReason) = (AccountRequestStatus.Failed, reason);
        History.Add(AccountRequestHistoryEntry.Of(Id, now, Status, null, PlatformName, FulfilmentFailure.Message(reason)));
        return true;
    }

    /// <summary>✖ with its mandatory reason, which is e-mailed to the requester.</summary>
    public FieldErrors Refuse(string? reason, Guid by, string byName, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add("reason", "Le motif du refus est obligatoire : il est envoyé au demandeur.");
        else if (trimmed.Length > ReasonMaxLength) errors.Add("reason", $"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.");
        if (!errors.IsEmpty || !AwaitsDecision) return errors;
        (Status, DecidedAt, DecidedBy, DecidedByName, RefusalReason) = (AccountRequestStatus.Refused, now, by, byName, trimmed);
        History.Add(AccountRequestHistoryEntry.Of(Id, now, Status, by, byName, trimmed));
        return errors;
    }

    /// <summary>Pending for <paramref name="delay"/> since submission or since the last reminder: remind once per delay.</summary>
    public bool IsReminderDue(DateTimeOffset now, TimeSpan delay) =>
        Status == AccountRequestStatus.Pending && (LastRemindedAt ?? SubmittedAt) <= now - delay;

    public void MarkReminded(DateTimeOffset now) => LastRemindedAt = now;

    private static RequestForm? ParseForm(string? form, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(form)) return RequestForm.Defi;
        if (EnumCodes.TryParse<RequestForm>(form, out var parsed)) return parsed;
        errors.Add("form", "Le formulaire doit être « Defi » ou « Wizard ».");
        return null;
    }

    private static (string Civility, string JobTitle, string Phone, string Role)? WizardFields(AccountRequestForm form, FieldErrors errors)
    {
        var civility = Civilities.FirstOrDefault(c => string.Equals(c, form.Civility?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (civility is null) errors.Add("civility", "La civilité est obligatoire (Monsieur ou Madame).");
        var jobTitle = RequiredText(form.JobTitle, "jobTitle", "La fonction", errors);
        PhoneNumber? phone = null;
        if (string.IsNullOrWhiteSpace(form.Phone)) errors.Add("phone", "Le téléphone est obligatoire.");
        else if (!PhoneNumber.TryParse(form.Phone, out phone))
            errors.Add("phone", "Le téléphone doit être un numéro français : 0 suivi de 9 chiffres, ou +33 suivi de 9 chiffres.");
        var role = SharedKernel.Habilitations.Role.All.FirstOrDefault(r =>
            string.Equals(r.Label, form.Role?.Trim(), StringComparison.OrdinalIgnoreCase) || r.Code == form.Role?.Trim());
        if (role is null)
            errors.Add("role", string.IsNullOrWhiteSpace(form.Role) ? "Le rôle souhaité est obligatoire." : "Choisissez un rôle dans la liste.");
        return civility is null || jobTitle is null || phone is null || role is null ? null : (civility, jobTitle, phone.Value, role.Code);
    }

    private static string? RequiredText(string? value, string field, string label, FieldErrors errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add(field, $"{label} est obligatoire.");
        else if (trimmed.Length > NameMaxLength) errors.Add(field, $"{label} ne doit pas dépasser {NameMaxLength} caractères.");
        else return trimmed;
        return null;
    }
}
