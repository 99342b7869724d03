using System.Diagnostics;
using System.Text.Json;
using MassTransit;

namespace Opco.Messaging.Outbox;

/// <summary>Publishes one stored event with its original message id, continuing the trace of the request that caused it.</summary>
internal sealed class OutboxPublisher(IBus bus, MessagingMetrics metrics, TimeProvider time)
{
    public async Task PublishAsync(PendingOutboxMessage pending, CancellationToken cancellationToken)
    {
        var type = MessageTypeName.Resolve(pending.MessageType);
        var message = JsonSerializer.Deserialize(pending.Body, type, OutboxDbContextExtensions.SerializerOptions)
            ?? throw new InvalidOperationException($"Outbox message {pending.Id} has an empty body.");

        ActivityContext.TryParse(pending.TraceParent, pending.TraceState, out var parent);
        using var activity = MessagingMetrics.ActivitySource.StartActivity(
            $"outbox relay {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", pending.MessageId);

        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = pending.MessageId),
            cancellationToken);
        metrics.PublishedAfter(time.GetUtcNow() - pending.OccurredAt);
    }
}
