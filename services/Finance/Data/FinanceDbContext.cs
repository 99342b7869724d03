using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Contracts.Finance;
using Opco.Finance.Domain;
using Opco.Finance.Domain.Invoices;
using Opco.Finance.Domain.Collecte;
using Opco.Messaging;
using Opco.Messaging.Outbox;

namespace Opco.Finance.Data;

/// <summary>
/// The funding accounts and their immutable ledger (each line published as it enters), the funded dossiers' invoices and payments,
/// and the copy of identity's rights.
/// </summary>
public sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options) : MessagingDbContext(options)
{
    public DbSet<FundingAccount> Accounts => Set<FundingAccount>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LedgerClosing> LedgerClosings => Set<LedgerClosing>();
    public DbSet<ClosedLedgerSum> ClosedLedgerSums => Set<ClosedLedgerSum>();
    public DbSet<FundedDossier> FundedDossiers => Set<FundedDossier>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceFile> InvoiceFiles => Set<InvoiceFile>();
    public DbSet<EarlyDossierCompletion> EarlyDossierCompletions => Set<EarlyDossierCompletion>();
    public DbSet<TrainingProviderIban> TrainingProviderIbans => Set<TrainingProviderIban>();
    public DbSet<DirectDebitMandate> Mandates => Set<DirectDebitMandate>();
    public DbSet<VoluntaryContribution> VoluntaryContributions => Set<VoluntaryContribution>();
    public DbSet<ContributionDeclaration> ContributionDeclarations => Set<ContributionDeclaration>();
    public DbSet<ContributionRate> ContributionRates => Set<ContributionRate>();
    public DbSet<ContributionCampaign> ContributionCampaigns => Set<ContributionCampaign>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PublishLedgerEntries();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PublishLedgerEntries();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Every line entering a ledger is published with it, whichever use case wrote it, so none can forget to.</summary>
    private void PublishLedgerEntries()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<LedgerEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList())
            this.PublishOnCommit(new LedgerEntryRecorded(entry.AccountId, entry.Siren, entry.Kind.ToString(), entry.Amount, entry.Cause.ToString(),
                entry.CauseId, entry.RecordedAt), entry.AccountId.ToString());
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddHabilitationCopy();
        modelBuilder.AddCollecteSequences();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FinanceDbContext).Assembly);
    }
}
