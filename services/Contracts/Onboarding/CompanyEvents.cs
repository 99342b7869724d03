namespace Opco.Contracts.Onboarding;

/// <summary>
/// A member company of the registry, whole current state. Dossier reads the headcount and the service offer ("Plan"
/// only with "DEFi Performance" or fewer than 11 employees); the advisor is identified by their e-mail.
/// </summary>
public sealed record CompanyRegistered(
    string Siren, string Name, int? Headcount, string? ServiceOffer, string? AdvisorEmail, DateTimeOffset OccurredAt);

public sealed record CompanyUpdated(
    string Siren, string Name, int? Headcount, string? ServiceOffer, string? AdvisorEmail, DateTimeOffset OccurredAt);
