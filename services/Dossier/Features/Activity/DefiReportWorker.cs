using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Activity;
using Opco.SharedKernel;
using Opco.SharedKernel.Documents;

namespace Opco.Dossier.Features.Activity;

public sealed class DefiReportOptions
{
    public const string Section = "Dossier:DefiReports";

    /// <summary>How often the queue table is read when nobody signalled a request (a request of another instance, a job left running).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Wakes the worker when a reporting is asked for on this instance; the table stays the queue.</summary>
public sealed class DefiReportQueue
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Signal() => _signals.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _signals.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a signal: read the table anyway.
        }
    }
}

/// <summary>
/// Builds the reportings DEFi Performance asked for, one at a time, oldest first: claims a job (FOR UPDATE SKIP LOCKED, with a
/// lease, so several instances share the queue and a job left « En cours » by a stopped instance is taken again), builds each
/// establishment's year with its progress saved step by step, then stores the CSV and PDF.
/// </summary>
public sealed class DefiReportWorker(IServiceScopeFactory scopes, DefiReportQueue queue, IOptions<DefiReportOptions> options, TimeProvider time,
    ILogger<DefiReportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessNextAsync(stoppingToken)) { }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "The reportings queue could not be read; trying again at the next poll.");
            }
            await queue.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Takes and builds the oldest waiting job; false when none is waiting.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDbContext>();
        var job = await ClaimAsync(db, cancellationToken);
        if (job is null) return false;
        if (job.Status != DefiReportStatus.InProgress) return true;
        try
        {
            await BuildAsync(db, job, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Reporting {JobId} failed (attempt {Attempt}).", job.Id, job.Attempts);
            db.ChangeTracker.Clear();
            var again = await db.DefiReportJobs.FirstAsync(j => j.Id == job.Id, cancellationToken);
            again.Retry("Le reporting n'a pas pu être produit. Demandez-le à nouveau ; si l'échec se répète, contactez votre conseiller.", time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    private async Task<DefiReportJob?> ClaimAsync(DossierDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM defi_report_jobs
                WHERE "Status" IN ('Requested', 'InProgress') AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                ORDER BY "RequestedAt" LIMIT 1 FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (ids.Count == 0) return null;
            var job = await db.DefiReportJobs.FirstAsync(j => j.Id == ids[0], cancellationToken);
            job.Claim(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return job;
        });
    }

    private async Task BuildAsync(DossierDbContext db, DefiReportJob job, CancellationToken cancellationToken)
    {
        var company = await db.MemberCompanies.AsNoTracking().Where(c => c.Siren == job.Siren).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        job.Advance(5, "Lecture des dossiers et des paiements", time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var movements = await ActivityData.LoadAsync(db, job.Sirets, job.Year, cancellationToken);
        var reports = new List<(string Siret, ActivityFollowUp.Response Report)>();
        for (var i = 0; i < job.Sirets.Count; i++)
        {
            var siret = job.Sirets[i];
            // A file travels: employees are « Salarié 1 », « Salarié 2 »… whoever downloads it.
            reports.Add((siret, await ActivityFollowUp.ViewAsync(db, siret, movements.ReportOf(job.Year, siret), named: false, cancellationToken)));
            job.Advance(10 + 80 * (i + 1) / job.Sirets.Count, $"Établissement {i + 1} sur {job.Sirets.Count} ({siret})", time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        var whole = await ActivityFollowUp.ViewAsync(db, CoveredTotal, movements.ReportOf(job.Year), named: false, cancellationToken);
        job.Advance(95, "Mise en forme des fichiers CSV et PDF", time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var csv = ActivityFollowUp.Csv([.. reports, (CoveredTotal, whole)]);
        var pdf = Pdf(company ?? job.Siren, job, reports, whole);
        job.Complete(csv, pdf, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The total of the establishments the job covers (its requester's), not of the whole company.</summary>
    public const string CoveredTotal = "Établissements couverts";

    private byte[] Pdf(string company, DefiReportJob job, IReadOnlyList<(string Siret, ActivityFollowUp.Response Report)> reports,
        ActivityFollowUp.Response whole)
    {
        var pdf = new SimplePdf()
            .Title($"Reporting DEFi Performance {job.Year}")
            .Text($"{company} — SIREN {job.Siren}")
            .Text($"Établissements : {string.Join(", ", job.Sirets)}")
            .Text($"Produit le {FrenchFormat.Date(ParisCalendar.Today(time))}. Montants en euros : engagé à l'acceptation des dossiers, libéré à leur annulation, payé à la date du règlement.");
        Tables(pdf, CoveredTotal, whole);
        foreach (var (siret, report) in reports) Tables(pdf, $"Établissement SIRET {siret}", report);
        return pdf.Build();
    }

    private static void Tables(SimplePdf pdf, string title, ActivityFollowUp.Response report)
    {
        pdf.Heading(title);
        Table(pdf, "Mois", report.Months, report.Totals);
        Table(pdf, "Dispositif", report.Schemes, report.Totals);
        Table(pdf, "Salarié", report.Employees, report.Totals);
    }

    private static void Table(SimplePdf pdf, string first, IReadOnlyList<ActivityFollowUp.Line> lines, ActivityFollowUp.Line totals)
    {
        pdf.Space().Columns([first, "Engagé", "Libéré", "Engagé net", "Payé"], bold: true);
        foreach (var line in lines) pdf.Columns(Cells(line));
        pdf.Columns(Cells(totals), bold: true);
    }

    private static string[] Cells(ActivityFollowUp.Line line) =>
        [line.Label, FrenchFormat.Euros(line.Committed), FrenchFormat.Euros(line.Released), FrenchFormat.Euros(line.NetCommitted), FrenchFormat.Euros(line.Paid)];
}
