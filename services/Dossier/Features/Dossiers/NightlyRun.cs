using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Opco.Contracts.Dossier;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Dossiers;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Dossiers;

public sealed class NightlyRunOptions
{
    public const string Section = "Dossier:NightlyRun";

    /// <summary>The hour, in Paris, of the nightly transmission (seed 001: "transmis la nuit").</summary>
    public TimeOnly At { get; set; } = new(2, 0);

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// The nightly run: every "Transmission demandée" dossier goes to "En cours de validation" (each with its history entry
/// and event), and dossiers whose pieces are awaited for 15 days remind the company. Rows are claimed with FOR UPDATE
/// SKIP LOCKED, batch by batch, so several instances share the work and no dossier moves twice.
/// </summary>
public sealed class NightlyRun(IServiceScopeFactory scopes, IOptions<NightlyRunOptions> options, TimeProvider time, ILogger<NightlyRun> logger)
    : BackgroundService
{
    private const int Batch = 200;

    public sealed record Outcome(int Transmitted, int Reminded);

    /// <summary>The next run after <paramref name="now"/>: today at the hour in Paris if still ahead, else tomorrow.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var local = TimeZoneInfo.ConvertTime(now, paris);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var candidate = day; ; candidate = candidate.AddDays(1))
        {
            var wall = candidate.ToDateTime(at);
            var next = new DateTimeOffset(wall, paris.GetUtcOffset(wall));
            if (next > now) return next;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = NextRun(time.GetUtcNow(), options.Value.At) - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken);
            try
            {
                var outcome = await RunAsync(stoppingToken);
                logger.LogInformation("Nightly run: {Transmitted} dossiers transmitted, {Reminded} reminded.", outcome.Transmitted, outcome.Reminded);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "The nightly run failed; the next one is tomorrow, or an administrator can start it.");
            }
        }
    }

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var transmitted = 0;
        int claimed;
        do
        {
            claimed = await BatchAsync(null, (db, dossier, now) => dossier.Transmit(now) is null, cancellationToken);
            transmitted += claimed;
        } while (claimed == Batch);

        var reminded = 0;
        var today = ParisCalendar.Today(time);
        do
        {
            claimed = await BatchAsync(today.AddDays(FundingDossier.DocumentsDeadlineDays - FundingDossier.DocumentsReminderDays), (db, dossier, now) =>
            {
                if (!dossier.IsDocumentsReminderDue(today)) return false;
                dossier.MarkDocumentsReminded(now);
                db.PublishOnCommit(new DossierDocumentsReminderDue(dossier.Id, dossier.Number, dossier.Siret, dossier.Title, dossier.DocumentsDueOn!.Value, now),
                    dossier.Id.ToString());
                return true;
            }, cancellationToken);
            reminded += claimed;
        } while (claimed == Batch);
        return new Outcome(transmitted, reminded);
    }

    /// <summary>
    /// Claims up to one batch, applies, commits; how many changed. Without <paramref name="remindDueBy"/>, the dossiers
    /// waiting for transmission; with it, those awaiting pieces due by then and not reminded yet.
    /// </summary>
    private async Task<int> BatchAsync(DateOnly? remindDueBy, Func<DossierDbContext, FundingDossier, DateTimeOffset, bool> apply,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDbContext>();
        var now = time.GetUtcNow();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = remindDueBy is { } day
                ? await db.Database.SqlQuery<Guid>($"""
                    SELECT "Id" AS "Value" FROM dossiers
                    WHERE "Status" = 'AwaitingDocuments' AND "DocumentsReminderSentAt" IS NULL AND "DocumentsDueOn" <= {day}
                    ORDER BY "Number" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                    """).ToListAsync(cancellationToken)
                : await db.Database.SqlQuery<Guid>($"""
                    SELECT "Id" AS "Value" FROM dossiers WHERE "Status" = 'TransmissionRequested'
                    ORDER BY "Number" LIMIT {Batch} FOR UPDATE SKIP LOCKED
                    """).ToListAsync(cancellationToken);
            var dossiers = await DossierStore.Whole(db).Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
            if (remindDueBy is null)
            {
                // Each transmission moves its establishment's dossier counters (a trigger, migration DossierCounts) in the
                // order the rows are written; two runs at once could then deadlock. Both take the counters in one order first.
                var sirets = dossiers.Select(d => d.Siret).Distinct().ToList();
                await db.Database.ExecuteSqlAsync(
                    $"""SELECT 1 FROM dossier_counts WHERE "Siret" = ANY({sirets}) ORDER BY "Siret", "Status" FOR UPDATE""", cancellationToken);
            }
            var changed = dossiers.Count(d => apply(db, d, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return changed;
        });
    }
}

/// <summary>An OPCO administrator starts the nightly run now (after an incident, or to check it), as tests do.</summary>
public static class StartNightlyRun
{
    public static RouteHandlerBuilder MapStartNightlyRun(this RouteGroupBuilder api) =>
        api.MapPost("/admin/nightly-run", HandleAsync)
            .RequireAdministrator()
            .WithName("StartNightlyRun")
            .WithSummary("Runs the nightly transmission and the documents reminders now (OPCO administrators).");

    public static async Task<Ok<NightlyRun.Outcome>> HandleAsync(NightlyRun run, CancellationToken cancellationToken) =>
        TypedResults.Ok(await run.RunAsync(cancellationToken));
}
