using Microsoft.EntityFrameworkCore;
using Opco.Messaging;

namespace Opco.Authorization.HabilitationCopy;

public static class HabilitationCopyModelBuilderExtensions
{
    /// <summary>
    /// Maps the copy of users' rights, and the record of its fill from identity's snapshot; the consumers upsert with
    /// plain SQL, hence fixed snake_case names.
    /// </summary>
    public static ModelBuilder AddHabilitationCopy(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserEstablishmentHabilitations>(rights =>
        {
            rights.ToTable("user_habilitations");
            // The primary key is the index of the per-request check: one user, one establishment.
            rights.HasKey(r => new { r.UserId, r.Siret });
            rights.Property(r => r.UserId).HasColumnName("user_id");
            rights.Property(r => r.Siret).HasColumnName("siret").HasMaxLength(14);
            rights.Property(r => r.Habilitations).HasColumnName("habilitations");
            rights.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        });

        modelBuilder.Entity<UserStatus>(status =>
        {
            status.ToTable("user_status");
            status.HasKey(s => s.UserId);
            status.Property(s => s.UserId).HasColumnName("user_id");
            status.Property(s => s.IsActive).HasColumnName("is_active");
            status.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        });
        return modelBuilder.AddCopyFills();
    }
}
