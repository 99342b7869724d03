using Microsoft.EntityFrameworkCore;
using Opco.Messaging.Copies;
using Opco.Messaging.Inbox;
using Opco.Messaging.Outbox;

namespace Opco.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>Maps the outbox and inbox tables; the relay reads them with plain SQL, hence fixed snake_case names.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            outbox.Property(m => m.MessageId).HasColumnName("message_id");
            outbox.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(500);
            outbox.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb");
            outbox.Property(m => m.AggregateId).HasColumnName("aggregate_id").HasMaxLength(200);
            outbox.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            outbox.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            outbox.Property(m => m.TraceState).HasColumnName("trace_state").HasMaxLength(512);
            outbox.Property(m => m.SentAt).HasColumnName("sent_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.LastError).HasColumnName("last_error");
            outbox.HasIndex(m => m.MessageId).IsUnique();
            // The relay's hot path: pending rows in id order.
            outbox.HasIndex(m => m.Id).HasDatabaseName("ix_outbox_messages_pending").HasFilter("sent_at IS NULL");
            outbox.HasIndex(m => m.SentAt).HasDatabaseName("ix_outbox_messages_sent_at");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.MessageId).HasColumnName("message_id");
            inbox.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(300);
            inbox.Property(m => m.ReceivedAt).HasColumnName("received_at");
            inbox.HasIndex(m => m.ReceivedAt);
        });
        return modelBuilder;
    }

    /// <summary>Maps the record of the copies that asked their source for a snapshot (see CopyFillRequests), for a service with copies.</summary>
    public static ModelBuilder AddCopyFills(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CopyFill>(fill =>
        {
            fill.ToTable("copy_fills");
            fill.HasKey(f => f.CopyName);
            fill.Property(f => f.CopyName).HasColumnName("copy_name").HasMaxLength(100);
            fill.Property(f => f.RequestedAt).HasColumnName("requested_at");
        });
        return modelBuilder;
    }
}
