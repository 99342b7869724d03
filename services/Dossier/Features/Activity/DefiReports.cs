using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Activity;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Dossier.Features.Activity;

/// <summary>
/// « Télécharger les reportings DEFi Performance »: a company's year over the establishments where the caller holds the
/// right, asked for here and built in the background (<see cref="DefiReportWorker"/>); its progress, then its CSV and PDF.
/// The route names a company, not an establishment: each handler checks the right on the company's establishments.
/// </summary>
public static class DefiReports
{
    public const string NotFoundTitle = "Entreprise introuvable.";

    public sealed record Request(int? Year);

    public sealed record JobView(Guid Id, int Year, string Status, string StatusLabel, int Progress, string Step, DateTimeOffset RequestedAt,
        DateTimeOffset? CompletedAt, string? Failure, IReadOnlyList<string> Sirets);

    public sealed record Response(string Siren, string? CompanyName, bool OfferAllowsReports, IReadOnlyList<string> Sirets, IReadOnlyList<JobView> Jobs);

    public static RouteGroupBuilder MapDefiReports(this RouteGroupBuilder reports)
    {
        reports.MapGet("", ListAsync).WithName("ListDefiReports")
            .WithSummary("The reportings DEFi Performance of the company the caller may download, with their progress.");
        reports.MapPost("", RequestAsync).WithName("RequestDefiReport")
            .WithSummary("Asks for the year's reporting of the company, over the establishments where the caller holds the right; built in the background.");
        reports.MapGet("/{id:guid}/{format}", DownloadAsync).WithName("DownloadDefiReport")
            .WithSummary("A ready reporting as CSV or PDF.");
        return reports;
    }

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> ListAsync(string siren, ClaimsPrincipal user, DossierDbContext db,
        IEstablishmentRights rights, CancellationToken cancellationToken)
    {
        var sirets = await AllowedAsync(user, siren, rights, cancellationToken);
        if (sirets.Count == 0) return NotFound();
        var company = await db.MemberCompanies.AsNoTracking().FirstOrDefaultAsync(c => c.Siren == siren, cancellationToken);
        var jobs = await db.DefiReportJobs.AsNoTracking().Where(j => j.Siren == siren).OrderByDescending(j => j.RequestedAt).Take(50)
            .Select(j => new { j.Id, j.Year, j.Status, j.Progress, j.Step, j.RequestedAt, j.CompletedAt, j.Failure, j.Sirets })
            .ToListAsync(cancellationToken);
        var visible = jobs.Where(j => j.Sirets.All(sirets.Contains))
            .Select(j => new JobView(j.Id, j.Year, j.Status.ToString(), DefiReportJob.Label(j.Status), j.Progress, j.Step, j.RequestedAt, j.CompletedAt,
                j.Failure, j.Sirets));
        return TypedResults.Ok(new Response(siren, company?.Name, DefiReportJob.Offers(company), sirets, [.. visible]));
    }

    public static async Task<Results<Accepted<JobView>, ProblemHttpResult>> RequestAsync(string siren, Request request, ClaimsPrincipal user,
        DossierDbContext db, IEstablishmentRights rights, DefiReportQueue queue, TimeProvider time, CancellationToken cancellationToken)
    {
        var sirets = await AllowedAsync(user, siren, rights, cancellationToken);
        if (sirets.Count == 0) return NotFound();
        var company = await db.MemberCompanies.AsNoTracking().FirstOrDefaultAsync(c => c.Siren == siren, cancellationToken);
        var (job, errors) = DefiReportJob.Request(company, request.Year, sirets, user.UserId()!.Value, time.GetUtcNow());
        if (job is null)
        {
            var fields = errors.ToDictionary();
            return fields.TryGetValue("siren", out var offer)
                ? FieldProblem.Of(StatusCodes.Status403Forbidden, offer[0], "siren", offer[0])
                : TypedResults.Problem(new HttpValidationProblemDetails(fields)
                    { Status = StatusCodes.Status400BadRequest, Title = "Le reporting n'a pas été demandé : vérifiez les champs signalés." });
        }
        db.DefiReportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        queue.Signal();
        return TypedResults.Accepted($"/api/dossier/companies/{siren}/defi-reports", new JobView(job.Id, job.Year, job.Status.ToString(),
            DefiReportJob.Label(job.Status), job.Progress, job.Step, job.RequestedAt, job.CompletedAt, job.Failure, job.Sirets));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(string siren, Guid id, string format, ClaimsPrincipal user,
        DossierDbContext db, IEstablishmentRights rights, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "pdf"))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Format inconnu : csv ou pdf.");
        var sirets = await AllowedAsync(user, siren, rights, cancellationToken);
        if (sirets.Count == 0) return NotFound();
        var job = await db.DefiReportJobs.AsNoTracking().Where(j => j.Id == id && j.Siren == siren)
            .Select(j => new { j.Sirets, j.Status, j.Year, j.CompletedAt, File = format == "csv" ? j.Csv : j.Pdf }).FirstOrDefaultAsync(cancellationToken);
        if (job is null || !job.Sirets.All(sirets.Contains))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Reporting introuvable.");
        if (job.Status != DefiReportStatus.Ready || job.File is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Le reporting n'est pas encore prêt.",
                detail: $"Il est « {DefiReportJob.Label(job.Status)} ».");
        var day = ParisCalendar.DateOf(job.CompletedAt!.Value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(job.File, format == "csv" ? "text/csv; charset=utf-8" : "application/pdf",
            $"reporting-defi-performance-{siren}-{job.Year}-{day}.{format}");
    }

    /// <summary>The company's establishments where the caller may download the reportings; none for another company's user.</summary>
    private static async Task<List<string>> AllowedAsync(ClaimsPrincipal user, string siren, IEstablishmentRights rights, CancellationToken cancellationToken) =>
        user.UserId() is { } userId && Siren.TryParse(siren, out _)
            ? [.. (await rights.EstablishmentsAllowingAsync(userId, Functionality.TelechargerReportingsDefiPerformance, cancellationToken))
                .Where(s => s.StartsWith(siren, StringComparison.Ordinal))]
            : [];

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: NotFoundTitle);
}
