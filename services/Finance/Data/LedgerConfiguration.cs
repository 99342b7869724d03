using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Opco.Finance.Domain;

namespace Opco.Finance.Data;

internal sealed class FundingAccountConfiguration : IEntityTypeConfiguration<FundingAccount>
{
    public void Configure(EntityTypeBuilder<FundingAccount> account)
    {
        account.ToTable("funding_accounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Key).HasMaxLength(120);
        account.HasIndex(a => a.Key).IsUnique();
        account.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        account.Property(a => a.Siren).HasMaxLength(9);
        account.Property(a => a.Source).HasMaxLength(FundingAccount.SourceMaxLength);
        account.HasIndex(a => a.Siren);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public const string OneCommitmentPerCause = "ix_ledger_entries_commitment_cause";
    public const string OneCashReceiptPerCause = "ix_ledger_entries_credit_cause";
    /// <summary>A shadow column: not the domain's business, only how sums are read fast.</summary>
    public const string Cents = "Cents";

    public void Configure(EntityTypeBuilder<LedgerEntry> entry)
    {
        entry.ToTable("ledger_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Amount).HasPrecision(14, 2);
        entry.Property(e => e.Reference).HasMaxLength(LedgerEntry.ReferenceMaxLength);
        entry.Property(e => e.Cause).HasConversion<string>().HasMaxLength(40);
        entry.Property(e => e.Siren).HasMaxLength(9);
        entry.HasOne<FundingAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
        // The amount in cents, kept by the database with the line: sums of whole numbers are exact and several times faster
        // than sums of numerics (the figures of an account of 100,000 lines are summed at each reading).
        entry.Property<long>(Cents).HasComputedColumnSql("(\"Amount\" * 100)::bigint", stored: true);
        // An account's figures are sums by kind, read from the index alone; its lines are read newest first, a page at a time.
        entry.HasIndex(nameof(LedgerEntry.AccountId), nameof(LedgerEntry.Kind)).IncludeProperties(Cents);
        // …and, past the last closed period, their sums too (index only).
        entry.HasIndex(e => new { e.AccountId, e.RecordedAt, e.Id }).IncludeProperties(nameof(LedgerEntry.Kind), Cents);
        // "Mes financements": a company's lines on the pooled sources.
        entry.HasIndex(nameof(LedgerEntry.Siren), nameof(LedgerEntry.AccountId), nameof(LedgerEntry.RecordedAt))
            .IncludeProperties(nameof(LedgerEntry.Kind), Cents);
        // However often finance is asked, a dossier or a contract is committed once.
        entry.HasIndex(e => e.CauseId, OneCommitmentPerCause).IsUnique().HasFilter("\"Kind\" = 'Commitment'");
        // However often OPCO staff record it, an instalment's money is credited once.
        entry.HasIndex(e => e.CauseId, OneCashReceiptPerCause).IsUnique().HasFilter("\"Kind\" = 'Credit' AND \"CauseId\" IS NOT NULL");
    }
}

internal sealed class LedgerClosingConfiguration : IEntityTypeConfiguration<LedgerClosing>
{
    public void Configure(EntityTypeBuilder<LedgerClosing> closing)
    {
        closing.ToTable("ledger_closings");
        closing.HasKey(c => c.AccountId);
        closing.HasOne<FundingAccount>().WithOne().HasForeignKey<LedgerClosing>(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClosedLedgerSumConfiguration : IEntityTypeConfiguration<ClosedLedgerSum>
{
    public void Configure(EntityTypeBuilder<ClosedLedgerSum> sum)
    {
        sum.ToTable("ledger_closed_sums");
        sum.HasKey(s => s.Id);
        sum.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        sum.Property(s => s.Siren).HasMaxLength(9);
        sum.HasIndex(s => new { s.AccountId, s.Kind }).IncludeProperties(s => new { s.Cents, s.Lines });
        // However a closing is run, a period of an account is carried forward once.
        sum.HasIndex(s => new { s.AccountId, s.PeriodEnd, s.Kind, s.Siren }).IsUnique().AreNullsDistinct(false);
        sum.HasIndex(s => new { s.Siren, s.AccountId }).IncludeProperties(s => new { s.Kind, s.Cents, s.Lines });
    }
}
