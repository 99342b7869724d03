using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Onboarding.Domain;
using Opco.SharedKernel;

namespace Opco.Onboarding.Data;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> company)
    {
        company.ToTable("companies");
        company.HasKey(c => c.Siren);
        company.Property(c => c.Siren).HasMaxLength(9);
        company.Property(c => c.Name).HasMaxLength(OrganisationFields.NameMaxLength);
        company.Property(c => c.SearchName).HasMaxLength(OrganisationFields.NameMaxLength * 2);
        company.Property(c => c.ServiceOffer).HasMaxLength(50);
        company.Property(c => c.AdvisorEmail).HasMaxLength(EmailAddress.MaxLength);
        company.HasMany(c => c.Establishments).WithOne().HasForeignKey(e => e.Siren);
        company.HasIndex(c => c.AdvisorEmail);
        // Typo-tolerant and infix matches on the name use the trigram index; name and SIREN prefixes use the
        // pattern indexes (the database collation is not C, so a plain b-tree cannot serve LIKE 'abc%').
        company.HasIndex(c => c.SearchName, "ix_companies_search_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        company.HasIndex(c => c.SearchName, "ix_companies_search_name_prefix").HasOperators("text_pattern_ops");
        company.HasIndex(c => c.Siren, "ix_companies_siren_prefix").HasOperators("text_pattern_ops");
    }
}
