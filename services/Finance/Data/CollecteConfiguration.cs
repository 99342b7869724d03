using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Finance.Domain.Collecte;

namespace Opco.Finance.Data;

/// <summary>The collecte's sequences: a RUM or a call for funds' number is drawn once and never given again.</summary>
internal static class CollecteSequences
{
    public const string MandateReferences = "mandate_references";
    public const string CallForFundsNumbers = "call_for_funds_numbers";

    public static ModelBuilder AddCollecteSequences(this ModelBuilder model)
    {
        model.HasSequence<long>(MandateReferences);
        model.HasSequence<long>(CallForFundsNumbers);
        return model;
    }
}

internal sealed class DirectDebitMandateConfiguration : IEntityTypeConfiguration<DirectDebitMandate>
{
    public void Configure(EntityTypeBuilder<DirectDebitMandate> mandate)
    {
        mandate.ToTable("direct_debit_mandates");
        mandate.HasKey(m => m.Id);
        mandate.Property(m => m.Reference).HasMaxLength(MandateReference.MaxLength);
        mandate.HasIndex(m => m.Reference).IsUnique();
        mandate.Property(m => m.Siren).HasMaxLength(9);
        mandate.Property(m => m.Siret).HasMaxLength(14);
        mandate.Property(m => m.Scheme).HasConversion<string>().HasMaxLength(10);
        mandate.Property(m => m.MaskedIban).HasMaxLength(30);
        mandate.Property(m => m.Bic).HasMaxLength(11);
        mandate.Property(m => m.DebtorName).HasMaxLength(DirectDebitMandate.NameMaxLength);
        mandate.Property(m => m.Signatory).HasMaxLength(DirectDebitMandate.NameMaxLength);
        // Two changes at once (a revocation while the daily run lapses it): the second save fails instead of overwriting.
        mandate.Property(m => m.Status).HasConversion<string>().HasMaxLength(10).IsConcurrencyToken();
        mandate.HasMany(m => m.History).WithOne().HasForeignKey(h => h.MandateId).OnDelete(DeleteBehavior.Cascade);
        mandate.HasIndex(m => new { m.Siren, m.Status });
        mandate.Ignore(m => m.IsEnded);
        mandate.Ignore(m => m.LapsesOn);
    }
}

internal sealed class MandateHistoryEntryConfiguration : IEntityTypeConfiguration<MandateHistoryEntry>
{
    public void Configure(EntityTypeBuilder<MandateHistoryEntry> entry)
    {
        entry.ToTable("direct_debit_mandate_history");
        entry.HasKey(h => h.Id);
        entry.Property(h => h.Status).HasConversion<string>().HasMaxLength(10);
        entry.Property(h => h.What).HasMaxLength(200);
        entry.Property(h => h.MaskedIban).HasMaxLength(30);
    }
}

internal sealed class VoluntaryContributionConfiguration : IEntityTypeConfiguration<VoluntaryContribution>
{
    public void Configure(EntityTypeBuilder<VoluntaryContribution> contribution)
    {
        contribution.ToTable("voluntary_contributions");
        contribution.HasKey(c => c.Id);
        contribution.HasIndex(c => c.Number).IsUnique();
        contribution.Property(c => c.Reference).HasMaxLength(20);
        contribution.HasIndex(c => c.Reference).IsUnique();
        contribution.Property(c => c.Siren).HasMaxLength(9);
        contribution.Property(c => c.Siret).HasMaxLength(14);
        contribution.Property(c => c.AccountCode).HasMaxLength(40);
        contribution.Property(c => c.Amount).HasPrecision(14, 2);
        contribution.Property(c => c.Method).HasConversion<string>().HasMaxLength(20);
        contribution.Property(c => c.MandateReference).HasMaxLength(MandateReference.MaxLength);
        contribution.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        contribution.HasMany(c => c.Instalments).WithOne().HasForeignKey(i => i.ContributionId).OnDelete(DeleteBehavior.Cascade);
        contribution.HasIndex(c => new { c.Siren, c.CreatedAt });
        contribution.HasIndex(c => c.Status);
    }
}

internal sealed class InstalmentConfiguration : IEntityTypeConfiguration<Instalment>
{
    public void Configure(EntityTypeBuilder<Instalment> instalment)
    {
        instalment.ToTable("voluntary_contribution_instalments");
        instalment.HasKey(i => i.Id);
        instalment.Property(i => i.Amount).HasPrecision(14, 2);
        // Recording cash twice at once: the second save fails instead of crediting the account again.
        instalment.Property(i => i.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        instalment.HasIndex(i => new { i.ContributionId, i.Rank }).IsUnique();
    }
}

internal sealed class ContributionDeclarationConfiguration : IEntityTypeConfiguration<ContributionDeclaration>
{
    public const string OnePerCompanyAndYear = "ix_contribution_declarations_siren_year";

    public void Configure(EntityTypeBuilder<ContributionDeclaration> declaration)
    {
        declaration.ToTable("contribution_declarations");
        declaration.HasKey(d => d.Id);
        declaration.Property(d => d.Siren).HasMaxLength(9);
        declaration.Property(d => d.Siret).HasMaxLength(14);
        declaration.HasIndex(d => new { d.Siren, d.Year }, OnePerCompanyAndYear).IsUnique();
        declaration.Property(d => d.AverageHeadcount).HasPrecision(10, 2);
        declaration.Property(d => d.Payroll).HasPrecision(14, 2);
        declaration.Property(d => d.BandCode).HasMaxLength(20);
        declaration.Property(d => d.BandLabel).HasMaxLength(100);
        declaration.Property(d => d.Rate).HasPrecision(8, 6);
        declaration.Property(d => d.Minimum).HasPrecision(14, 2);
        declaration.Property(d => d.Amount).HasPrecision(14, 2);
        declaration.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        declaration.HasIndex(d => new { d.Status, d.DueOn });
        declaration.Ignore(d => d.MinimumApplied);
    }
}

internal sealed class ContributionCampaignConfiguration : IEntityTypeConfiguration<ContributionCampaign>
{
    public void Configure(EntityTypeBuilder<ContributionCampaign> campaign)
    {
        campaign.ToTable("contribution_campaigns");
        campaign.HasKey(c => c.Year);
        campaign.Property(c => c.Year).ValueGeneratedNever();
    }
}

/// <summary>
/// The branch's rate table, as data: THE place its figures are written (seeded by the migration; a new table is a new
/// migration, never a code change). Bands of average headcount, from included, to excluded.
/// </summary>
internal sealed class ContributionRateConfiguration : IEntityTypeConfiguration<ContributionRate>
{
    public void Configure(EntityTypeBuilder<ContributionRate> rate)
    {
        rate.ToTable("contribution_rates");
        rate.HasKey(r => r.BandCode);
        rate.Property(r => r.BandCode).HasMaxLength(20);
        rate.Property(r => r.Label).HasMaxLength(100);
        rate.Property(r => r.FromHeadcount).HasPrecision(10, 2);
        rate.Property(r => r.ToHeadcount).HasPrecision(10, 2);
        rate.Property(r => r.Rate).HasPrecision(8, 6);
        rate.Property(r => r.Minimum).HasPrecision(14, 2);
        rate.HasData(
            new ContributionRate("moins-11", "Moins de 11 salariés", 0m, 11m, 0.0010m, 50m),
            new ContributionRate("11-49", "De 11 à 49 salariés", 11m, 50m, 0.0020m, 150m),
            new ContributionRate("50-299", "De 50 à 299 salariés", 50m, 300m, 0.0030m, 500m),
            new ContributionRate("300-plus", "300 salariés et plus", 300m, null, 0.0040m, 1500m));
    }
}
