using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Finance.Domain;
using Opco.Messaging;

namespace Opco.Finance.Data;

/// <summary>The funding accounts and their immutable ledger, and the copy of identity's rights.</summary>
public sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options) : MessagingDbContext(options)
{
    public DbSet<FundingAccount> Accounts => Set<FundingAccount>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.AddHabilitationCopy();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FinanceDbContext).Assembly);
    }
}
