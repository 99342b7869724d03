namespace Opco.Messaging.Outbox;

/// <summary>An event written in the same transaction as the state change that caused it, waiting to be relayed.</summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public Guid MessageId { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>Events of one aggregate are relayed one after another, in commit order.</summary>
    public string? AggregateId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? TraceParent { get; private set; }
    public string? TraceState { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    private OutboxMessage() { }

    internal OutboxMessage(Guid messageId, string messageType, string body, string? aggregateId,
        DateTimeOffset occurredAt, string? traceParent, string? traceState)
    {
        MessageId = messageId;
        MessageType = messageType;
        Body = body;
        AggregateId = aggregateId;
        OccurredAt = occurredAt;
        TraceParent = traceParent;
        TraceState = traceState;
    }
}
