using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Identity.Domain;

namespace Opco.Identity.Data;

internal sealed class FulfilledAccountRequestConfiguration : IEntityTypeConfiguration<FulfilledAccountRequest>
{
    public void Configure(EntityTypeBuilder<FulfilledAccountRequest> fulfilled)
    {
        fulfilled.ToTable("fulfilled_account_requests");
        fulfilled.HasKey(f => f.AccountRequestId);
        fulfilled.Property(f => f.AccountRequestId).ValueGeneratedNever();
    }
}
