using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Domain;
using Opco.Messaging;

namespace Opco.Dossier.Data;

/// <summary>Employees and their wages (with the audit of who saw them), training providers, the schemes, and copies of the member companies, the preferred establishments and the copy of identity's rights.</summary>
public sealed class DossierDbContext(DbContextOptions<DossierDbContext> options) : MessagingDbContext(options)
{
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<HourlyWage> HourlyWages => Set<HourlyWage>();
    public DbSet<WageAccess> WageAccesses => Set<WageAccess>();
    public DbSet<TrainingProvider> TrainingProviders => Set<TrainingProvider>();
    public DbSet<Scheme> Schemes => Set<Scheme>();
    public DbSet<MemberCompany> MemberCompanies => Set<MemberCompany>();
    public DbSet<PreferredEstablishment> PreferredEstablishments => Set<PreferredEstablishment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Trigram index of the training providers' search.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.AddHabilitationCopy();
        modelBuilder.AddCopyFills();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DossierDbContext).Assembly);
    }
}
