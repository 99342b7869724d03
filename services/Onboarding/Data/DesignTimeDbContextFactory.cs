using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Opco.Onboarding.Data;

/// <summary>Lets dotnet-ef build the model without the service's runtime configuration; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OnboardingDbContext>
{
    public OnboardingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OnboardingDbContext>().UseNpgsql("Host=localhost;Database=onboardingdb").Options);
}
