using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Opco.Authorization.HabilitationCopy;
using Opco.Contracts.Finance;
using Opco.Finance.Data;
using Opco.Finance.Domain.Collecte;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;

namespace Opco.Finance.Features.Collecte;

public sealed class CollecteDailyRunOptions
{
    public const string Section = "Finance:CollecteDailyRun";

    /// <summary>The hour, in Paris, of the daily run.</summary>
    public TimeOnly At { get; set; } = new(1, 30);

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// The collecte's daily run: mandates unused for 36 months become « Caduc »; declared contributions still unpaid after
/// their due date become « En retard »; the contribution year opens (every company is called to declare, from 1 January
/// until the due date) and, 15 days before the due date, companies that have not declared are reminded. Rows are claimed
/// with FOR UPDATE SKIP LOCKED and a year's calls are recorded once, so running twice changes nothing more.
/// </summary>
public sealed class CollecteDailyRun(IServiceScopeFactory scopes, IOptions<CollecteDailyRunOptions> options, TimeProvider time,
    ILogger<CollecteDailyRun> logger) : BackgroundService
{
    public sealed record Outcome(int Lapsed, int Late, int Called, int Reminded);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        // Once at start, then daily: a run missed while the service was down is caught up (every rule reads "due by today").
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!first)
            {
                var wait = NextRun(time.GetUtcNow(), options.Value.At) - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, stoppingToken);
            }
            first = false;
            try
            {
                var outcome = await RunAsync(stoppingToken);
                logger.LogInformation("Collecte's daily run: {Lapsed} mandates lapsed, {Late} declarations late, {Called} companies called, {Reminded} reminded.",
                    outcome.Lapsed, outcome.Late, outcome.Called, outcome.Reminded);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "The collecte's daily run failed; the next one is tomorrow, or an administrator can start it.");
            }
        }
    }

    /// <summary>The next run after <paramref name="now"/>: today at the hour in Paris if still ahead, else tomorrow.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var day = ParisCalendar.DateOf(now);
        for (var candidate = day; ; candidate = candidate.AddDays(1))
        {
            var next = ParisCalendar.StartOf(candidate).Add(at.ToTimeSpan());
            if (next > now) return next;
        }
    }

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var today = ParisCalendar.Today(time);
        var lapsed = await InTransactionAsync(async (db, now) =>
        {
            // A margin of a few days for month ends (29 February…): the mandate itself decides.
            var before = today.AddMonths(-DirectDebitMandate.LapseMonths).AddDays(3);
            var mandates = await db.Mandates.FromSql($"""
                SELECT * FROM direct_debit_mandates WHERE "Status" IN ('Signed', 'Active')
                AND coalesce("LastUsedOn", "SignedOn", "ActivatedOn") <= {before} FOR UPDATE SKIP LOCKED
                """).Include(m => m.History).ToListAsync(cancellationToken);
            return mandates.Count(m => m.LapseIfUnused(today, now));
        }, cancellationToken);
        var late = await InTransactionAsync(async (db, _) =>
        {
            var declarations = await db.ContributionDeclarations.FromSql($"""
                SELECT * FROM contribution_declarations WHERE "Status" = 'Declared' AND "DueOn" < {today} FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            return declarations.Count(d => d.MarkLateIfUnpaid(today));
        }, cancellationToken);
        var called = today <= ContributionDeclaration.DueDateOf(today.Year) ? await OpenYearAsync(today.Year, cancellationToken) : 0;
        var reminded = await InTransactionAsync(async (db, now) =>
        {
            var campaign = await db.ContributionCampaigns.FromSql($"SELECT * FROM contribution_campaigns WHERE \"Year\" = {today.Year} FOR UPDATE SKIP LOCKED")
                .SingleOrDefaultAsync(cancellationToken);
            if (campaign is null || !campaign.IsReminderDue(today)) return 0;
            var declared = await db.ContributionDeclarations.Where(d => d.Year == campaign.Year && d.Status != DeclarationStatus.Draft)
                .Select(d => d.Siren).ToListAsync(cancellationToken);
            var sirens = (await CompaniesAsync(db, cancellationToken)).Except(declared).ToList();
            foreach (var siren in sirens) Call(db, siren, campaign.Year, ContributionCallReasons.DeadlineApproaching, now);
            campaign.MarkReminded(now);
            return sirens.Count;
        }, cancellationToken);
        return new Outcome(lapsed, late, called, reminded);
    }

    /// <summary>Opens the contribution year: every company known to finance is called to declare, once; 0 when already open.</summary>
    public Task<int> OpenYearAsync(int year, CancellationToken cancellationToken) => InTransactionAsync(async (db, now) =>
    {
        var opened = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO contribution_campaigns ("Year", "OpenedAt") VALUES ({year}, {now}) ON CONFLICT ("Year") DO NOTHING
            """, cancellationToken);
        if (opened == 0) return 0;
        var sirens = await CompaniesAsync(db, cancellationToken);
        foreach (var siren in sirens) Call(db, siren, year, ContributionCallReasons.YearOpened, now);
        return sirens.Count;
    }, cancellationToken);

    private static void Call(FinanceDbContext db, string siren, int year, string reason, DateTimeOffset now) =>
        db.PublishOnCommit(new ContributionCalled(siren, year, ContributionDeclaration.DueDateOf(year), reason, now), $"contribution:{siren}:{year}");

    /// <summary>The companies with users, from the copy of identity's rights: who could declare.</summary>
    private static async Task<IReadOnlyList<string>> CompaniesAsync(FinanceDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.Set<UserEstablishmentHabilitations>().Where(h => h.Habilitations.Length > 0).Select(h => h.Siret).Distinct().ToListAsync(cancellationToken))
            .Where(siret => siret.Length == 14).Select(siret => siret[..9]).Distinct().Order()];

    private async Task<int> InTransactionAsync(Func<FinanceDbContext, DateTimeOffset, Task<int>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinanceDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await work(db, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return changed;
        });
    }
}

/// <summary>OPCO administrators start the collecte's daily run now, or open a contribution year before 1 January.</summary>
public static class CollecteAdministration
{
    public sealed record YearOpened(int Year, int CompaniesCalled);

    public static RouteGroupBuilder MapCollecteAdministration(this RouteGroupBuilder admin)
    {
        admin.MapPost("/collecte-daily-run", RunAsync).WithName("StartCollecteDailyRun")
            .WithSummary("Runs the collecte's daily run now: lapsed mandates, late declarations, the year's calls and reminders (OPCO administrators).");
        admin.MapPost("/contributions/years/{year:int}/open", OpenYearAsync).WithName("OpenContributionYear")
            .WithSummary("Opens a contribution year: every company is called to declare, once (OPCO administrators).");
        return admin;
    }

    public static async Task<Ok<CollecteDailyRun.Outcome>> RunAsync(CollecteDailyRun run, CancellationToken cancellationToken) =>
        TypedResults.Ok(await run.RunAsync(cancellationToken));

    public static async Task<Results<Ok<YearOpened>, ProblemHttpResult>> OpenYearAsync(int year, CollecteDailyRun run, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var today = ParisCalendar.Today(time);
        if (year < today.Year - 1 || year > today.Year + 1)
            return CollecteProblems.BadRequest("year", $"Seules les années {today.Year - 1} à {today.Year + 1} peuvent être ouvertes.", "L'année n'a pas été ouverte.");
        return TypedResults.Ok(new YearOpened(year, await run.OpenYearAsync(year, cancellationToken)));
    }
}
