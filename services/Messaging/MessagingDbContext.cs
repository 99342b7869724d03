using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Opco.Messaging.Inbox;
using Opco.Messaging.Outbox;

namespace Opco.Messaging;

/// <summary>
/// Base of every service's DbContext. The only way to emit an event is <see cref="PublishOnCommit{T}"/>:
/// the event is saved with the state change, in the same transaction, and relayed after commit.
/// </summary>
public abstract class MessagingDbContext(DbContextOptions options) : DbContext(options)
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public void PublishOnCommit<T>(T message, string? aggregateId = null) where T : class
    {
        var activity = Activity.Current;
        OutboxMessages.Add(new OutboxMessage(
            Guid.CreateVersion7(),
            MessageTypeName.Of(typeof(T)),
            JsonSerializer.Serialize(message, SerializerOptions),
            aggregateId,
            DateTimeOffset.UtcNow,
            activity?.Id,
            activity?.TraceStateString));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }
}
