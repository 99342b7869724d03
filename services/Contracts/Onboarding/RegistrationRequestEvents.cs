namespace Opco.Contracts.Onboarding;

/// <summary>
/// An advisor decided on "demander la création de mon entreprise" / "vous pouvez le créer"; the requester is told.
/// </summary>
/// <param name="Kind">"Company" or "Establishment".</param>
/// <param name="Reason">Only when refused.</param>
public sealed record RegistrationRequestDecided(
    Guid RegistrationRequestId, string Kind, bool Approved, string RequesterEmail, string RequesterFirstName, string RequesterLastName,
    string Name, string Siret, string? Reason, DateTimeOffset DecidedAt);
