using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Messaging;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Data;

/// <summary>The member registry, account and registration requests, and the copies of identity's accounts and rights.</summary>
public sealed class OnboardingDbContext(DbContextOptions<OnboardingDbContext> options) : MessagingDbContext(options)
{
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Establishment> Establishments => Set<Establishment>();
    public DbSet<AccountRequest> AccountRequests => Set<AccountRequest>();
    public DbSet<RegistrationRequest> RegistrationRequests => Set<RegistrationRequest>();
    public DbSet<KnownAccount> KnownAccounts => Set<KnownAccount>();
    public DbSet<UserEstablishmentHabilitations> UserHabilitations => Set<UserEstablishmentHabilitations>();
    public DbSet<UserStatus> UserStatuses => Set<UserStatus>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Trigram indexes of "Recherchez votre entreprise".
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.AddHabilitationCopy();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OnboardingDbContext).Assembly);
    }
}
