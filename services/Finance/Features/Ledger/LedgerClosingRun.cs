using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Finance.Data;
using Opco.Finance.Domain;

namespace Opco.Finance.Features.Ledger;

/// <summary>
/// Closes the accounts' periods (<see cref="LedgerClosing"/>): at start, then every day, each account's lines recorded
/// before the boundary the date allows are carried forward as sums and its boundary moves, in one statement with the
/// accounts locked: two instances never close twice. Most days no boundary moves and nothing is done.
/// </summary>
public sealed class LedgerClosingRun(IServiceScopeFactory scopes, TimeProvider time, ILogger<LedgerClosingRun> logger) : BackgroundService
{
    public sealed record Outcome(DateTimeOffset ClosedUntil, int Sums);

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
            // Every account not closed up to the boundary, locked (a writer inserting into it meanwhile waits: its line,
            // recorded now, falls after the boundary anyway); lines before the boundary and after its last closing are
            // carried forward, and its boundary moves.
            var sums = await db.Database.ExecuteSqlAsync($"""
                WITH due AS (
                    SELECT a."Id", coalesce(c."ClosedUntil", '-infinity') AS since FROM funding_accounts a
                    LEFT JOIN ledger_closings c ON c."AccountId" = a."Id"
                    WHERE c."ClosedUntil" IS NULL OR c."ClosedUntil" < {boundary}
                    ORDER BY a."Id" FOR UPDATE OF a
                ), moved AS (
                    -- Run though not read, as every data-modifying part of a WITH; all parts see the boundaries from before.
                    INSERT INTO ledger_closings ("AccountId", "ClosedUntil") SELECT "Id", {boundary} FROM due
                    ON CONFLICT ("AccountId") DO UPDATE SET "ClosedUntil" = EXCLUDED."ClosedUntil"
                )
                INSERT INTO ledger_closed_sums ("PeriodEnd", "AccountId", "Siren", "Kind", "Cents", "Lines")
                SELECT {boundary}, e."AccountId", e."Siren", e."Kind", sum(e."Cents"), count(*) FROM due
                JOIN ledger_entries e ON e."AccountId" = due."Id" AND e."RecordedAt" >= due.since AND e."RecordedAt" < {boundary}
                GROUP BY e."AccountId", e."Siren", e."Kind"
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
