namespace Opco.Testing.Messaging;

/// <summary>A test event; <see cref="Scenario"/> keeps concurrently running tests from counting each other's events.</summary>
public sealed record ProbeEvent(string Scenario, string Aggregate, int Sequence, DateTimeOffset CommittedAt);
