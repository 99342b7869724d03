using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Identity.Domain;

namespace Opco.Identity.Data;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> user)
    {
        user.Property(u => u.Civility).HasConversion<string>().HasMaxLength(10);
        user.Property(u => u.StaffRole).HasConversion<string>().HasMaxLength(20);
        user.Property(u => u.FirstName).HasMaxLength(100);
        user.Property(u => u.LastName).HasMaxLength(100);
        user.Property(u => u.Function).HasMaxLength(100);
        user.Property(u => u.PreferredSiret).HasMaxLength(14);
        user.Property(u => u.PendingEmail).HasMaxLength(254);
        user.HasMany(u => u.Accesses).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        user.Ignore(u => u.DisplayName);
    }
}
