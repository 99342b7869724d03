using Microsoft.EntityFrameworkCore;
using Opco.Messaging.Inbox;
using Opco.Messaging.Outbox;

namespace Opco.Messaging;

/// <summary>
/// Convenient base of a service's DbContext: maps the outbox and inbox. A context that must derive from another
/// base (Identity's) calls <see cref="MessagingModelBuilderExtensions.AddOutboxAndInbox"/> itself instead.
/// </summary>
public abstract class MessagingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }
}
