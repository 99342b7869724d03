using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Opco.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The only way to emit an event: it is saved with the state change, in the same transaction, and relayed after
    /// commit. The current trace continues in the consumers. Typed by what the message is, not by how the caller holds it.
    /// </summary>
    public static void PublishOnCommit<T>(this DbContext db, T message, string? aggregateId = null) where T : class
    {
        var activity = Activity.Current;
        db.Set<OutboxMessage>().Add(new OutboxMessage(
            Guid.CreateVersion7(),
            MessageTypeName.Of(message.GetType()),
            JsonSerializer.Serialize(message, message.GetType(), SerializerOptions),
            aggregateId,
            DateTimeOffset.UtcNow,
            activity?.Id,
            activity?.TraceStateString));
    }
}
