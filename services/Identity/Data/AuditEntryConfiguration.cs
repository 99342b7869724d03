using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Identity.Domain;

namespace Opco.Identity.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.ToTable("audit_entries");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.ActorName).HasMaxLength(200);
        audit.Property(a => a.Action).HasMaxLength(60);
        audit.Property(a => a.Siret).HasMaxLength(14);
        audit.Property(a => a.Before).HasColumnType("jsonb");
        audit.Property(a => a.After).HasColumnType("jsonb");
        audit.HasIndex(a => new { a.TargetUserId, a.At });
    }
}
