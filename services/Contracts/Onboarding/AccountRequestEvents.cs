namespace Opco.Contracts.Onboarding;

/// <summary>Someone who must decide on an account request: a manager of the establishment, or the company's advisor.</summary>
public sealed record RequestRecipient(Guid UserId, string Email, string FirstName, string LastName);

/// <summary>Who asked, as the deciders see it in "Demandes de création de compte".</summary>
/// <param name="Kind">The French label shown to users: "Ouverture" or "Rattachement".</param>
public sealed record RequestSummary(
    Guid AccountRequestId, string Kind, string LastName, string FirstName, string? JobTitle, string Siret, string EstablishmentName,
    string CompanyName, DateTimeOffset SubmittedAt);

/// <summary>
/// A new request reached the people who may decide on it: the establishment's managers, or the company's advisor when
/// it has none (<paramref name="RoutedTo"/> is "Managers" or "Advisor").
/// </summary>
public sealed record AccountRequestRouted(RequestSummary Request, string RoutedTo, IReadOnlyList<RequestRecipient> Recipients, DateTimeOffset RoutedAt);

/// <summary>A request still pending after the reminder delay: its current deciders are reminded.</summary>
public sealed record AccountRequestReminderDue(
    RequestSummary Request, string RoutedTo, IReadOnlyList<RequestRecipient> Recipients, DateTimeOffset RemindedAt);

/// <summary>
/// ✓: the request is approved, by the creation of the account ("Ouverture") or the attachment of the existing one
/// ("Rattachement"). <paramref name="RequesterUserId"/> is the requester's account.
/// </summary>
public sealed record AccountRequestApproved(
    RequestSummary Request, string Email, Guid? RequesterUserId, Guid ApprovedBy, DateTimeOffset ApprovedAt);

/// <summary>✖: the request is refused; the reason is e-mailed to the requester.</summary>
/// <param name="RequesterUserId">The requester's account when they already have one ("Rattachement").</param>
public sealed record AccountRequestRefused(
    RequestSummary Request, string Email, Guid? RequesterUserId, string Reason, Guid RefusedBy, DateTimeOffset RefusedAt);

/// <summary>
/// ✓ on a "Rattachement": identity attaches the existing account with this e-mail to the establishment, with these
/// habilitations (codes), on behalf of the approver, then publishes its usual attachment events.
/// </summary>
public sealed record AccountAttachmentApproved(
    Guid AccountRequestId, string Email, string Siret, IReadOnlyList<string> Habilitations, Guid ApprovedBy, DateTimeOffset ApprovedAt);
