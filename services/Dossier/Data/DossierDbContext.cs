using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Messaging;

namespace Opco.Dossier.Data;

public sealed class DossierDbContext(DbContextOptions<DossierDbContext> options) : MessagingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddHabilitationCopy();
    }
}
