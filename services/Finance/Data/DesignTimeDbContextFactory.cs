using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Opco.Finance.Data;

/// <summary>Lets dotnet-ef build the model without the service's runtime configuration; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FinanceDbContext>
{
    public FinanceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FinanceDbContext>().UseNpgsql("Host=localhost;Database=financedb").Options);
}
