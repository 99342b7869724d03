using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Dossier.Domain;

namespace Opco.Dossier.Data;

/// <summary>Copies of other services' data, written with plain SQL upserts (hence snake_case, like the rights copy).</summary>
internal sealed class MemberCompanyConfiguration : IEntityTypeConfiguration<MemberCompany>
{
    public void Configure(EntityTypeBuilder<MemberCompany> company)
    {
        company.ToTable("member_companies");
        company.HasKey(c => c.Siren);
        company.Property(c => c.Siren).HasColumnName("siren").HasMaxLength(9);
        company.Property(c => c.Name).HasColumnName("name").HasMaxLength(200);
        company.Property(c => c.Headcount).HasColumnName("headcount");
        company.Property(c => c.ServiceOffer).HasColumnName("service_offer").HasMaxLength(100);
        company.Property(c => c.AdvisorEmail).HasColumnName("advisor_email").HasMaxLength(254);
        company.HasIndex(c => c.AdvisorEmail).HasDatabaseName("ix_member_companies_advisor_email");
        company.Property(c => c.UpdatedAt).HasColumnName("updated_at");
    }
}

internal sealed class PreferredEstablishmentConfiguration : IEntityTypeConfiguration<PreferredEstablishment>
{
    public void Configure(EntityTypeBuilder<PreferredEstablishment> preferred)
    {
        preferred.ToTable("preferred_establishments");
        preferred.HasKey(p => p.UserId);
        preferred.Property(p => p.UserId).HasColumnName("user_id");
        preferred.Property(p => p.Siret).HasColumnName("siret").HasMaxLength(14);
        preferred.Property(p => p.UpdatedAt).HasColumnName("updated_at");
    }
}
