using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Messaging;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Data;

public sealed class OnboardingDbContext(DbContextOptions<OnboardingDbContext> options) : MessagingDbContext(options)
{
    public DbSet<AccountRequest> AccountRequests => Set<AccountRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddHabilitationCopy();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OnboardingDbContext).Assembly);
    }
}
