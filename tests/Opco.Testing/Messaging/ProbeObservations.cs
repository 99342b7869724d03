using System.Collections.Concurrent;
using System.Diagnostics;

namespace Opco.Testing.Messaging;

/// <summary>What a probe host's consumers saw, in arrival order, and how they should behave.</summary>
public sealed class ProbeObservations
{
    public ConcurrentQueue<Receipt> Receipts { get; } = new();
    /// <summary>Effects committed by the inbox consumer, with the moment of their commit.</summary>
    public ConcurrentQueue<Application> Applied { get; } = new();
    public volatile bool Failing;
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);
    public void Attempted() => Interlocked.Increment(ref _attempts);

    public IReadOnlyList<Receipt> For(string scenario) => Receipts.Where(r => r.Event.Scenario == scenario).ToList();

    public sealed record Application(int Sequence, long Timestamp);

    public sealed record Receipt(Guid MessageId, ProbeEvent Event, ActivityTraceId TraceId, DateTimeOffset ReceivedAt);
}
