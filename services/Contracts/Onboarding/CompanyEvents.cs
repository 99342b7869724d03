namespace Opco.Contracts.Onboarding;

/// <summary>
/// A member company of the registry, whole current state. Dossier reads the headcount and the service offer ("Plan"
/// only with "DEFi Performance" or fewer than 11 employees); the advisor is identified by their e-mail.
/// </summary>
public sealed record CompanyRegistered(
    string Siren, string Name, int? Headcount, string? ServiceOffer, string? AdvisorEmail, DateTimeOffset OccurredAt);

public sealed record CompanyUpdated(
    string Siren, string Name, int? Headcount, string? ServiceOffer, string? AdvisorEmail, DateTimeOffset OccurredAt);

/// <summary>A service whose copy of the companies is new asks for all of them (answered by <see cref="CompanySnapshotTaken"/>).</summary>
public sealed record CompanySnapshotRequested(string Requester, DateTimeOffset RequestedAt);

/// <summary>
/// One page of the companies, for every copy: applied like <see cref="CompanyUpdated"/> (newer state wins), so a page
/// arriving twice or after a later change is harmless. <paramref name="StateAsOf"/> is a little before the read, so that
/// a change still being committed while it ran, which the page may miss, is newer and wins when its event arrives.
/// </summary>
public sealed record CompanySnapshotTaken(string Requester, IReadOnlyList<CompanyState> Companies, int Page, int Pages, DateTimeOffset StateAsOf);

public sealed record CompanyState(string Siren, string Name, int? Headcount, string? ServiceOffer, string? AdvisorEmail);
