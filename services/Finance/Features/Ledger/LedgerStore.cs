using Microsoft.EntityFrameworkCore;
using Opco.Finance.Data;
using Opco.Finance.Domain;

namespace Opco.Finance.Features.Ledger;

/// <summary>Reading accounts and their figures; an account is opened the first time it is named.</summary>
public static class LedgerStore
{
    /// <summary>
    /// The account, opened if new, locked until the transaction ends: two commitments on one account are decided one
    /// after the other, each on the figures the other left. Call inside a transaction.
    /// </summary>
    public static async Task<FundingAccount> LockedAccountAsync(FinanceDbContext db, FundingKind kind, string? siren, string source, int? year,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var opened = FundingAccount.Open(kind, siren, source, year, now);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO funding_accounts ("Id", "Key", "Kind", "Siren", "Source", "Year", "OpenedAt")
            VALUES ({opened.Id}, {opened.Key}, {opened.Kind.ToString()}, {opened.Siren}, {opened.Source}, {opened.Year}, {now})
            ON CONFLICT ("Key") DO NOTHING
            """, cancellationToken);
        return await db.Accounts.FromSql($"""SELECT * FROM funding_accounts WHERE "Key" = {opened.Key} FOR UPDATE""").SingleAsync(cancellationToken);
    }

    public static async Task<AccountFigures> FiguresAsync(FinanceDbContext db, Guid accountId, CancellationToken cancellationToken)
    {
        var sums = await db.LedgerEntries.Where(e => e.AccountId == accountId).GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Amount = g.Sum(e => e.Amount) }).ToListAsync(cancellationToken);
        return AccountFigures.Of(sums.Select(s => (s.Kind, s.Amount)));
    }
}
