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

    public static async Task<AccountFigures> FiguresAsync(FinanceDbContext db, Guid accountId, CancellationToken cancellationToken) =>
        AccountFigures.Of((await SumsAsync(db.LedgerEntries.Where(e => e.AccountId == accountId), cancellationToken)).Select(s => (s.Kind, s.Amount)));

    /// <summary>The lines' amounts and numbers by account and kind, exact to the cent, read from the (account, kind) index alone.</summary>
    public static async Task<IReadOnlyList<Sum>> SumsAsync(IQueryable<LedgerEntry> lines, CancellationToken cancellationToken) =>
        [.. (await lines.GroupBy(e => new { e.AccountId, e.Kind })
                .Select(g => new { g.Key.AccountId, g.Key.Kind, Cents = g.Sum(e => EF.Property<long>(e, LedgerEntryConfiguration.Cents)), Lines = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(s => new Sum(s.AccountId, null, s.Kind, s.Cents / 100m, s.Lines))];

    /// <summary>As <see cref="SumsAsync"/>, by company too: a pooled source's lines are many companies' (the (company, account) index).</summary>
    public static async Task<IReadOnlyList<Sum>> CompanySumsAsync(IQueryable<LedgerEntry> lines, CancellationToken cancellationToken) =>
        [.. (await lines.GroupBy(e => new { e.Siren, e.AccountId, e.Kind })
                .Select(g => new { g.Key.Siren, g.Key.AccountId, g.Key.Kind, Cents = g.Sum(e => EF.Property<long>(e, LedgerEntryConfiguration.Cents)), Lines = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(s => new Sum(s.AccountId, s.Siren, s.Kind, s.Cents / 100m, s.Lines))];

    public sealed record Sum(Guid AccountId, string? Siren, LedgerEntryKind Kind, decimal Amount, int Lines);
}
