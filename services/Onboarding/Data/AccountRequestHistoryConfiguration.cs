using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Data;

internal sealed class AccountRequestHistoryConfiguration : IEntityTypeConfiguration<AccountRequestHistoryEntry>
{
    public void Configure(EntityTypeBuilder<AccountRequestHistoryEntry> entry)
    {
        entry.ToTable("account_request_history");
        entry.HasKey(h => h.Id);
        entry.Property(h => h.Id).UseIdentityAlwaysColumn();
        entry.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        entry.Property(h => h.ByName).HasMaxLength(AccountRequest.NameMaxLength * 2 + 1);
        entry.Property(h => h.Reason).HasMaxLength(AccountRequest.ReasonMaxLength);
        entry.HasIndex(h => h.AccountRequestId);
    }
}
