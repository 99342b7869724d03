namespace Opco.Contracts.Identity;

/// <summary>
/// The whole set of habilitations a user holds on one establishment after a change; an empty set means the user
/// was detached from it. Other services keep their local copy of users' rights from these events.
/// </summary>
public sealed record UserHabilitationsChanged(
    Guid UserId, string Email, string FirstName, string LastName, string Siret, string EstablishmentName,
    IReadOnlyList<string> Habilitations, IReadOnlyList<string> PreviousHabilitations, Guid ChangedBy, DateTimeOffset ChangedAt);

/// <summary>An existing account gained access to an establishment ("Rattachement").</summary>
public sealed record UserAttachedToEstablishment(
    Guid UserId, string Email, string FirstName, string LastName, string Siret, string EstablishmentName,
    IReadOnlyList<string> Habilitations, DateTimeOffset AttachedAt);

/// <summary>A user became active or inactive; an inactive user is refused everywhere at once.</summary>
public sealed record UserActivationChanged(Guid UserId, bool IsActive, Guid ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A user was deleted: personal data erased, only the audit trail keeps the id.</summary>
public sealed record UserDeleted(Guid UserId, Guid DeletedBy, DateTimeOffset DeletedAt);

/// <summary>
/// The user's preferred establishment changed, whoever changed it (the user, a manager's change of rights, an import…);
/// null when the user has none left. It drives Plan, subrogation and the offer banner.
/// </summary>
public sealed record PreferredEstablishmentChanged(Guid UserId, string? Siret, DateTimeOffset ChangedAt);

/// <summary>A service whose copy of the preferred establishments is new asks for all of them.</summary>
public sealed record PreferredEstablishmentSnapshotRequested(string Requester, DateTimeOffset RequestedAt);

/// <summary>One page of every user's preferred establishment; newer state wins in a copy (StateAsOf as in CompanySnapshotTaken).</summary>
public sealed record PreferredEstablishmentSnapshotTaken(
    string Requester, IReadOnlyList<UserPreferredEstablishment> Users, int Page, int Pages, DateTimeOffset StateAsOf);

public sealed record UserPreferredEstablishment(Guid UserId, string? Siret);

/// <summary>A user was created by a manager ("Ajouter"), from an accepted account request, by an administrator or an import.</summary>
public sealed record UserCreated(Guid UserId, string Email, string FirstName, string LastName, Guid CreatedBy, DateTimeOffset CreatedAt);

/// <summary>Identity carried out an accepted account request: <paramref name="UserId"/> was created or attached.</summary>
public sealed record AccountRequestFulfilled(Guid AccountRequestId, Guid UserId, DateTimeOffset FulfilledAt);

/// <summary>
/// Identity could not carry out an accepted account request; nothing was changed. <paramref name="Reason"/> is one of
/// <see cref="FulfilmentFailureReasons"/>.
/// </summary>
public sealed record AccountRequestFulfilmentFailed(Guid AccountRequestId, string Reason, DateTimeOffset FailedAt);

/// <summary>Why identity could not carry out an accepted account request.</summary>
public static class FulfilmentFailureReasons
{
    /// <summary>An opening for an address that already has an account.</summary>
    public const string EmailTaken = "EmailTaken";
    /// <summary>An attachment whose account is gone.</summary>
    public const string AccountNotFound = "AccountNotFound";
    /// <summary>An establishment of the grants was closed meanwhile.</summary>
    public const string EstablishmentClosed = "EstablishmentClosed";
}

/// <summary>
/// A user's e-mail (confirmed from the new address) or name changed; services that write to users keep their
/// contact copy from this.
/// </summary>
public sealed record UserContactChanged(Guid UserId, string Email, string FirstName, string LastName, DateTimeOffset ChangedAt);

/// <summary>An administrator created an OPCO training advisor; companies name their advisor by this e-mail.</summary>
public sealed record AdvisorRegistered(Guid UserId, string Email, string FirstName, string LastName, DateTimeOffset RegisteredAt);

/// <summary>A service whose copy of users' rights is new asks for all of them.</summary>
public sealed record UserRightsSnapshotRequested(string Requester, DateTimeOffset RequestedAt);

/// <summary>
/// One page of every user's rights: whether active, and what they hold on each establishment. Newer state wins in a
/// copy (StateAsOf as in CompanySnapshotTaken); a deleted user comes inactive and without rights.
/// </summary>
public sealed record UserRightsSnapshotTaken(string Requester, IReadOnlyList<UserRightsState> Users, int Page, int Pages, DateTimeOffset StateAsOf);

public sealed record UserRightsState(Guid UserId, bool IsActive, IReadOnlyList<EstablishmentHabilitations> Establishments);

public sealed record EstablishmentHabilitations(string Siret, IReadOnlyList<string> Habilitations);
