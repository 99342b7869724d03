using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Notification.Domain;

namespace Opco.Notification.Data;

internal sealed class PortalNotificationConfiguration : IEntityTypeConfiguration<PortalNotification>
{
    public void Configure(EntityTypeBuilder<PortalNotification> notification)
    {
        notification.ToTable("notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        notification.Property(n => n.Title).HasMaxLength(200);
        notification.Property(n => n.Body).HasMaxLength(2000);
        notification.Property(n => n.Link).HasMaxLength(500);
        notification.Property(n => n.RelatedEntity).HasMaxLength(200);
        // The list is a user's newest first; the unread count only looks at unread rows.
        notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        notification.HasIndex(n => n.UserId).HasFilter("\"ReadAt\" IS NULL");
        // The alert job only looks at unread notifications no alert has listed yet.
        notification.HasIndex(n => n.CreatedAt).HasDatabaseName("ix_notifications_alert_pending")
            .HasFilter("\"ReadAt\" IS NULL AND \"AlertedAt\" IS NULL");
    }
}
