using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Domain;
using Opco.Dossier.Domain.Activity;
using Opco.Dossier.Domain.Catalogue;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Domain.Dossiers;
using Opco.Contracts.Dossier;
using Opco.Messaging;
using Opco.Messaging.Outbox;

namespace Opco.Dossier.Data;

/// <summary>Funding dossiers with their pieces, history and comments; contrats de professionnalisation with theirs and the branch's figures; employees and their wages (with the audit of who saw them), training providers, the schemes, and copies of the member companies, the preferred establishments and the copy of identity's rights; finance's payments, the reportings DEFi Performance asked for, and the catalogue Sélection DEFi Formations.</summary>
public sealed class DossierDbContext(DbContextOptions<DossierDbContext> options) : MessagingDbContext(options)
{
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<HourlyWage> HourlyWages => Set<HourlyWage>();
    public DbSet<WageAccess> WageAccesses => Set<WageAccess>();
    public DbSet<TrainingProvider> TrainingProviders => Set<TrainingProvider>();
    public DbSet<Scheme> Schemes => Set<Scheme>();
    public DbSet<MemberCompany> MemberCompanies => Set<MemberCompany>();
    public DbSet<PreferredEstablishment> PreferredEstablishments => Set<PreferredEstablishment>();
    public DbSet<FundingDossier> Dossiers => Set<FundingDossier>();
    public DbSet<DossierCount> DossierCounts => Set<DossierCount>();
    public DbSet<DossierDocumentContent> DocumentContents => Set<DossierDocumentContent>();
    public DbSet<ProfessionalisationContract> Contracts => Set<ProfessionalisationContract>();
    public DbSet<ContractDocumentContent> ContractDocumentContents => Set<ContractDocumentContent>();
    public DbSet<ContractFundingRules> ContractFundingRules => Set<ContractFundingRules>();
    public DbSet<DossierPayment> Payments => Set<DossierPayment>();
    public DbSet<DefiReportJob> DefiReportJobs => Set<DefiReportJob>();
    public DbSet<CatalogueOffer> CatalogueOffers => Set<CatalogueOffer>();
    public DbSet<CatalogueSession> CatalogueSessions => Set<CatalogueSession>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PublishStatusChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PublishStatusChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every move of a dossier or a contract adds a history entry; each new one is published with it, whichever use case moved the
    /// dossier (the company, the advisor, the nightly run, finance's answer), so none can forget to.
    /// </summary>
    private void PublishStatusChanges()
    {
        ChangeTracker.DetectChanges();
        var moves = ChangeTracker.Entries<DossierHistoryEntry>().Where(e => e.State == EntityState.Added && e.Entity.From is not null)
            .Select(e => e.Entity).ToList();
        foreach (var move in moves)
        {
            var dossier = ChangeTracker.Entries<FundingDossier>().Single(d => d.Entity.Id == move.DossierId).Entity;
            this.PublishOnCommit(new DossierStatusChanged(dossier.Id, dossier.Number, dossier.Siret, dossier.Title, move.From!.Value.ToString(),
                move.To.ToString(), move.Reason, move.At), dossier.Id.ToString());
        }
        var contractMoves = ChangeTracker.Entries<ContractHistoryEntry>().Where(e => e.State == EntityState.Added && e.Entity.From is not null)
            .Select(e => e.Entity).ToList();
        foreach (var move in contractMoves)
        {
            var contract = ChangeTracker.Entries<ProfessionalisationContract>().Single(c => c.Entity.Id == move.ContractId).Entity;
            this.PublishOnCommit(new ContractStatusChanged(contract.Id, contract.Number, contract.Siret, contract.ContractType, move.From!.Value.ToString(),
                move.To.ToString(), move.Reason, move.At), contract.Id.ToString());
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Trigram index of the training providers' search.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.AddHabilitationCopy();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DossierDbContext).Assembly);
    }
}
