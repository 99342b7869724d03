namespace Opco.Contracts.Onboarding;

/// <summary>
/// The member registry belongs to onboarding; identity, dossier and finance keep local copies from these events.
/// Each carries the establishment's whole current state, so a copy is an upsert and order only needs the date.
/// </summary>
public sealed record EstablishmentRegistered(
    string Siret, string Siren, string Name, string CompanyName, string? Address, bool IsHeadOffice, DateOnly? ClosedOn,
    DateTimeOffset OccurredAt);

public sealed record EstablishmentUpdated(
    string Siret, string Siren, string Name, string CompanyName, string? Address, bool IsHeadOffice, DateOnly? ClosedOn,
    DateTimeOffset OccurredAt);

public sealed record EstablishmentClosed(string Siret, DateOnly ClosedOn, DateTimeOffset OccurredAt);
