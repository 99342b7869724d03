using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Messaging;

namespace Opco.Finance.Data;

public sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options) : MessagingDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddHabilitationCopy();
    }
}
