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

    /// <summary>An existing account, locked until the transaction ends (a payment decided on what its commitment holds then).</summary>
    public static Task LockAsync(FinanceDbContext db, Guid accountId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""SELECT 1 FROM funding_accounts WHERE "Id" = {accountId} FOR UPDATE""", cancellationToken);

    public static async Task<AccountFigures> FiguresAsync(FinanceDbContext db, Guid accountId, CancellationToken cancellationToken) =>
        AccountFigures.Of((await SumsAsync(db, [accountId], cancellationToken)).Select(s => (s.Kind, s.Amount)));

    /// <summary>
    /// The lines' amounts and numbers by account and kind, exact to the cent: the sums carried forward from each account's
    /// closed periods and its lines recorded since, in one statement so that a closing committing meanwhile is seen whole
    /// or not at all.
    /// </summary>
    public static async Task<IReadOnlyList<Sum>> SumsAsync(FinanceDbContext db, IReadOnlyList<Guid> accountIds, CancellationToken cancellationToken)
    {
        var ids = accountIds.Distinct().ToArray();
        var rows = await db.Database.SqlQuery<SumRow>($"""
            SELECT x."AccountId", NULL::varchar AS "Siren", x."Kind", sum(x."Cents")::bigint AS "Cents", sum(x."Lines")::int AS "Lines" FROM (
                SELECT "AccountId", "Kind", "Cents", "Lines" FROM ledger_closed_sums WHERE "AccountId" = ANY({ids})
                UNION ALL
                SELECT a.id, e."Kind", e."Cents", 1 FROM unnest({ids}) a(id)
                LEFT JOIN ledger_closings c ON c."AccountId" = a.id
                CROSS JOIN LATERAL (SELECT "Kind", "Cents" FROM ledger_entries
                                    WHERE "AccountId" = a.id AND "RecordedAt" >= coalesce(c."ClosedUntil", '-infinity')) e
            ) x GROUP BY x."AccountId", x."Kind"
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToSum())];
    }

    /// <summary>As <see cref="SumsAsync"/>, by company too: a pooled source's lines are many companies'.</summary>
    public static async Task<IReadOnlyList<Sum>> CompanySumsAsync(FinanceDbContext db, IReadOnlyList<string> sirens, IReadOnlyList<Guid> accountIds,
        CancellationToken cancellationToken)
    {
        var (companies, ids) = (sirens.Distinct().ToArray(), accountIds.Distinct().ToArray());
        var rows = await db.Database.SqlQuery<SumRow>($"""
            SELECT x."AccountId", x."Siren", x."Kind", sum(x."Cents")::bigint AS "Cents", sum(x."Lines")::int AS "Lines" FROM (
                SELECT "AccountId", "Siren", "Kind", "Cents", "Lines" FROM ledger_closed_sums WHERE "Siren" = ANY({companies}) AND "AccountId" = ANY({ids})
                UNION ALL
                SELECT a.id, e."Siren", e."Kind", e."Cents", 1 FROM unnest({ids}) a(id)
                LEFT JOIN ledger_closings c ON c."AccountId" = a.id
                CROSS JOIN LATERAL (SELECT "Siren", "Kind", "Cents" FROM ledger_entries
                                    WHERE "Siren" = ANY({companies}) AND "AccountId" = a.id
                                      AND "RecordedAt" >= coalesce(c."ClosedUntil", '-infinity')) e
            ) x GROUP BY x."AccountId", x."Siren", x."Kind"
            """).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToSum())];
    }

    private sealed class SumRow
    {
        public Guid AccountId { get; init; }
        public string? Siren { get; init; }
        public string Kind { get; init; } = "";
        public long Cents { get; init; }
        public int Lines { get; init; }

        public Sum ToSum() => new(AccountId, Siren, Enum.Parse<LedgerEntryKind>(Kind), Cents / 100m, Lines);
    }

    public sealed record Sum(Guid AccountId, string? Siren, LedgerEntryKind Kind, decimal Amount, int Lines);
}
