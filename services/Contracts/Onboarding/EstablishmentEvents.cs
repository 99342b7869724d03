namespace Opco.Contracts.Onboarding;

/// <summary>
/// The member registry belongs to onboarding; identity, dossier and finance keep local copies from these events.
/// Each carries the establishment's whole current state, so a copy is an upsert and order only needs the date.
/// <see cref="EstablishmentRegistered.Address"/> is the one-line postal address ("12 rue X, 69003 LYON"); the postal
/// code and city also travel apart for copies that need them.
/// </summary>
public sealed record EstablishmentRegistered(
    string Siret, string Siren, string Name, string CompanyName, string? Address, bool IsHeadOffice, DateOnly? ClosedOn,
    DateTimeOffset OccurredAt, string? PostalCode = null, string? City = null);

public sealed record EstablishmentUpdated(
    string Siret, string Siren, string Name, string CompanyName, string? Address, bool IsHeadOffice, DateOnly? ClosedOn,
    DateTimeOffset OccurredAt, string? PostalCode = null, string? City = null);

public sealed record EstablishmentClosed(string Siret, DateOnly ClosedOn, DateTimeOffset OccurredAt);
