using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Opco.Dossier.Data;

/// <summary>Lets dotnet-ef build the model without the service's runtime configuration; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DossierDbContext>
{
    public DossierDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DossierDbContext>().UseNpgsql("Host=localhost;Database=dossierdb").Options);
}
