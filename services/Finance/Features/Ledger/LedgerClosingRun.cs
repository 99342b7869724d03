using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Finance.Data;
using Opco.Finance.Domain;

namespace Opco.Finance.Features.Ledger;

/// <summary>
/// Closes the accounts' periods (<see cref="LedgerClosing"/>): at start, then every day, each account's lines recorded
/// before the boundary the date allows are carried forward as sums and its boundary moves, in one transaction with the
/// accounts locked, one closing at a time. Most days no boundary moves and nothing is done.
/// </summary>
public sealed class LedgerClosingRun(IServiceScopeFactory scopes, TimeProvider time, ILogger<LedgerClosingRun> logger) : BackgroundService
{
    public sealed record Outcome(DateTimeOffset ClosedUntil, int Sums);

    /// <summary>The advisory lock that keeps closings one at a time.</summary>
    private const long ClosingLock = 0x4C_45_44_47_45_52; // "LEDGER"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var outcome = await RunAsync(stoppingToken);
                logger.LogInformation("Ledger closed until {ClosedUntil:O} ({Sums} sums carried forward).", outcome.ClosedUntil, outcome.Sums);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Closing the ledger's periods failed; the figures still read every line since the last closing.");
            }
            await Task.Delay(TimeSpan.FromDays(1), time, stoppingToken);
        }
    }

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        var boundary = LedgerClosing.BoundaryAt(time.GetUtcNow());
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // One closing at a time, whichever instance or administrator starts it. Each statement below reads a snapshot
            // taken after the locks before it: a second closing sees the first one's boundaries, and the sums see every
            // line a writer holding an account committed before the account was locked for the closing.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ClosingLock})", cancellationToken);
            var due = await db.Database.SqlQuery<Guid>($"""
                SELECT a."Id" AS "Value" FROM funding_accounts a LEFT JOIN ledger_closings c ON c."AccountId" = a."Id"
                WHERE c."ClosedUntil" IS NULL OR c."ClosedUntil" < {boundary}
                ORDER BY a."Id" FOR UPDATE OF a
                """).ToArrayAsync(cancellationToken);
            var sums = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO ledger_closed_sums ("PeriodEnd", "AccountId", "Siren", "Kind", "Cents", "Lines")
                SELECT {boundary}, e."AccountId", e."Siren", e."Kind", sum(e."Cents"), count(*) FROM unnest({due}) d(id)
                LEFT JOIN ledger_closings c ON c."AccountId" = d.id
                JOIN ledger_entries e ON e."AccountId" = d.id AND e."RecordedAt" >= coalesce(c."ClosedUntil", '-infinity') AND e."RecordedAt" < {boundary}
                GROUP BY e."AccountId", e."Siren", e."Kind"
                """, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO ledger_closings ("AccountId", "ClosedUntil") SELECT id, {boundary} FROM unnest({due}) d(id)
                ON CONFLICT ("AccountId") DO UPDATE SET "ClosedUntil" = EXCLUDED."ClosedUntil"
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Outcome(boundary, sums);
        });
    }
}

/// <summary>An OPCO administrator closes the ledger's periods now (after an incident, or after loading history).</summary>
public static class StartLedgerClosing
{
    public static RouteHandlerBuilder MapStartLedgerClosing(this RouteGroupBuilder api) =>
        api.MapPost("/admin/ledger-closing", HandleAsync)
            .RequireAdministrator()
            .WithName("CloseLedgerPeriods")
            .WithSummary("Carries forward the lines of the periods the date allows to close as sums (OPCO administrators).");

    public static async Task<Ok<LedgerClosingRun.Outcome>> HandleAsync(LedgerClosingRun run, CancellationToken cancellationToken) =>
        TypedResults.Ok(await run.RunAsync(cancellationToken));
}
