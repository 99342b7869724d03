using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Onboarding.Domain;
using Opco.SharedKernel;

namespace Opco.Onboarding.Data;

internal sealed class AccountRequestConfiguration : IEntityTypeConfiguration<AccountRequest>
{
    public void Configure(EntityTypeBuilder<AccountRequest> request)
    {
        request.ToTable("account_requests");
        request.HasKey(r => r.Id);
        request.Property(r => r.LastName).HasMaxLength(AccountRequest.NameMaxLength);
        request.Property(r => r.FirstName).HasMaxLength(AccountRequest.NameMaxLength);
        request.Property(r => r.Email).HasMaxLength(EmailAddress.MaxLength);
        request.Property(r => r.Siret).HasMaxLength(14).IsFixedLength();
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.HasIndex(r => new { r.Siret, r.Status });
        request.HasIndex(r => r.Email);
    }
}
