using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Onboarding.Domain;
using Opco.SharedKernel;

namespace Opco.Onboarding.Data;

/// <summary>The consumers upsert with plain SQL, hence fixed snake_case names.</summary>
internal sealed class KnownAccountConfiguration : IEntityTypeConfiguration<KnownAccount>
{
    public void Configure(EntityTypeBuilder<KnownAccount> account)
    {
        account.ToTable("known_accounts");
        account.HasKey(a => a.UserId);
        account.Property(a => a.UserId).HasColumnName("user_id");
        account.Property(a => a.Email).HasColumnName("email").HasMaxLength(EmailAddress.MaxLength);
        account.Property(a => a.FirstName).HasColumnName("first_name").HasMaxLength(AccountRequest.NameMaxLength);
        account.Property(a => a.LastName).HasColumnName("last_name").HasMaxLength(AccountRequest.NameMaxLength);
        account.Property(a => a.IsAdvisor).HasColumnName("is_advisor");
        account.Property(a => a.UpdatedAt).HasColumnName("updated_at");
        // Not unique: the copy may briefly hold an address on two ids while an e-mail change travels.
        account.HasIndex(a => a.Email).HasDatabaseName("ix_known_accounts_email");
        account.Ignore(a => a.DisplayName);
    }
}
