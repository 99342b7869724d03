using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Notification.Domain;

namespace Opco.Notification.Data;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> email)
    {
        email.ToTable("outgoing_emails");
        email.HasKey(e => e.Id);
        email.Property(e => e.Template).HasMaxLength(100);
        email.Property(e => e.Recipient).HasMaxLength(254);
        email.Property(e => e.Subject).HasMaxLength(300);
        email.Property(e => e.RelatedEntity).HasMaxLength(200);
        email.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        email.HasIndex(e => new { e.CausationId, e.Template, e.Recipient }).IsUnique();
        email.HasIndex(e => e.NextAttemptAt).HasFilter("\"Status\" = 'Pending'");
    }
}
