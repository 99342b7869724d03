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
/// The request is approved: identity created the account ("Ouverture") or attached the existing one ("Rattachement").
/// <paramref name="RequesterUserId"/> is the requester's account.
/// </summary>
public sealed record AccountRequestApproved(
    RequestSummary Request, string Email, Guid? RequesterUserId, Guid ApprovedBy, DateTimeOffset ApprovedAt);

/// <summary>✖: the request is refused; the reason is e-mailed to the requester.</summary>
/// <param name="RequesterUserId">The requester's account when they already have one ("Rattachement").</param>
public sealed record AccountRequestRefused(
    RequestSummary Request, string Email, Guid? RequesterUserId, string Reason, Guid RefusedBy, DateTimeOffset RefusedAt);

/// <summary>
/// ✓ decided by someone onboarding allowed to: identity carries it out, creating the account with
/// <paramref name="Person"/> (<see cref="AcceptedKinds.Opening"/>) or attaching the existing one with this e-mail
/// (<see cref="AcceptedKinds.Attachment"/>), with
/// <paramref name="Grants"/>, then answers <c>AccountRequestFulfilled</c> or <c>AccountRequestFulfilmentFailed</c>.
/// </summary>
/// <param name="Kind">One of <see cref="AcceptedKinds"/>.</param>
public sealed record AccountRequestAccepted(
    Guid AccountRequestId, string Kind, string Email, AcceptedPerson? Person, IReadOnlyList<AcceptedGrant> Grants,
    Guid AcceptedBy, DateTimeOffset AcceptedAt);

/// <summary>The new user's personal data as the decider confirmed them (<c>Civility</c>: "Monsieur" or "Madame").</summary>
public sealed record AcceptedPerson(string Civility, string LastName, string FirstName, string Phone, string? Function);

/// <summary>The habilitations (codes) given on one establishment.</summary>
public sealed record AcceptedGrant(string Siret, IReadOnlyList<string> Habilitations);

/// <summary>What an accepted account request asks identity to do.</summary>
public static class AcceptedKinds
{
    /// <summary>"Ouverture": create the account.</summary>
    public const string Opening = "Opening";
    /// <summary>"Rattachement": give the existing account the accesses.</summary>
    public const string Attachment = "Attachment";
}
