using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Features.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Contracts;

public sealed class ContractDailyRunOptions
{
    public const string Section = "Dossier:ContractDailyRun";

    /// <summary>The hour, in Paris, of the daily run.</summary>
    public TimeOnly At { get; set; } = new(1, 0);

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// The contracts' daily run: a contract still undecided on the day its decision was due is accepted (silence means
/// acceptance; its commitment is binding), an accepted contract is « En cours » from its start, and « Terminé » after
/// its end; the avenant taken in charge replaces the version it amends. Rows are claimed with FOR UPDATE SKIP LOCKED, batch
/// by batch, so no contract moves twice.
/// </summary>
public sealed class ContractDailyRun(IServiceScopeFactory scopes, IOptions<ContractDailyRunOptions> options, TimeProvider time,
    ILogger<ContractDailyRun> logger) : BackgroundService
{
    private const int Batch = 200;

    public sealed record Outcome(int AcceptedBySilence, int Followed);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        // Once at start, then daily: a run missed while the service was down is caught up (every rule reads "due by today").
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!first)
            {
                var wait = NightlyRun.NextRun(time.GetUtcNow(), options.Value.At) - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken);
            }
            first = false;
            try
            {
                var outcome = await RunAsync(stoppingToken);
                logger.LogInformation("Contracts' daily run: {Accepted} accepted by silence, {Followed} moved on their dates.",
                    outcome.AcceptedBySilence, outcome.Followed);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "The contracts' daily run failed; the next one is tomorrow, or an administrator can start it.");
            }
        }
    }

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var today = ParisCalendar.Today(time);
        int accepted = 0, followed = 0;
        (int Claimed, int Changed) claimed;
        do
        {
            claimed = await BatchAsync($"""
                SELECT "Id" AS "Value" FROM contracts
                WHERE "Status" IN ('Transmitted', 'UnderReview') AND "DecisionDueOn" <= {today}
                ORDER BY "Number" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                """, async (db, rules, contract, now) =>
            {
                if (!contract.AcceptSilently(contract.CommitmentToRequest(rules), today, now)) return false;
                ContractStore.RequestCommitment(db, contract, now);
                await ContractStore.SupersedeAmendedAsync(db, contract, now, cancellationToken);
                return true;
            }, cancellationToken);
            accepted += claimed.Changed;
        } while (claimed.Claimed == Batch && claimed.Changed > 0);
        do
        {
            claimed = await BatchAsync($"""
                SELECT "Id" AS "Value" FROM contracts
                WHERE ("Status" = 'Accepted' AND "StartDate" <= {today}) OR ("Status" = 'InProgress' AND "EndDate" < {today})
                ORDER BY "Number" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                """, (_, _, contract, now) => Task.FromResult(contract.FollowDates(today, now)), cancellationToken);
            followed += claimed.Changed;
        } while (claimed.Claimed == Batch && claimed.Changed > 0);
        return new Outcome(accepted, followed);
    }

    /// <summary>Claims up to one batch with <paramref name="claim"/>, applies, commits; how many were claimed and how many changed.</summary>
    private async Task<(int Claimed, int Changed)> BatchAsync(FormattableString claim,
        Func<DossierDbContext, ContractFundingRules, ProfessionalisationContract, DateTimeOffset, Task<bool>> apply, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDbContext>();
        var now = time.GetUtcNow();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Database.SqlQuery<Guid>(claim).ToListAsync(cancellationToken);
            var rules = await ContractStore.RulesAsync(db, cancellationToken);
            var contracts = await ContractStore.Whole(db).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
            var changed = 0;
            foreach (var contract in contracts)
                if (await apply(db, rules, contract, now)) changed++;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (ids.Count, changed);
        });
    }
}

/// <summary>An OPCO administrator starts the contracts' daily run now (after an incident, or to check it).</summary>
public static class StartContractDailyRun
{
    public static RouteHandlerBuilder MapStartContractDailyRun(this RouteGroupBuilder api) =>
        api.MapPost("/admin/contracts-daily-run", HandleAsync)
            .RequireAdministrator()
            .WithName("StartContractDailyRun")
            .WithSummary("Runs the contracts' daily run now: acceptance by silence after 20 days, En cours and Terminé on their dates (OPCO administrators).");

    public static async Task<Ok<ContractDailyRun.Outcome>> HandleAsync(ContractDailyRun run, CancellationToken cancellationToken) =>
        TypedResults.Ok(await run.RunAsync(cancellationToken));
}
