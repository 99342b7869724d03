namespace Opco.Messaging.Outbox;

internal sealed record PendingOutboxMessage(
    long Id, Guid MessageId, string MessageType, string Body, string? AggregateId,
    DateTimeOffset OccurredAt, string? TraceParent, string? TraceState)
{
    /// <summary>Events without an aggregate have no order to keep with any other.</summary>
    public string OrderingKey => AggregateId ?? $"#{Id}";
}
