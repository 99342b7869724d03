using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Contracts.Finance;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Dossiers;
using Opco.Dossier.Features.Dossiers;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Advisors;

/// <summary>
/// "Dossiers à instruire": an OPCO advisor's dossiers (those of the companies they advise), opened whole, and decided:
/// accepted with a granted amount (finance must record the commitment first), refused with a reason, or sent back for
/// pieces. Each decision is checked here, by the dossier, never trusted from the screen.
/// </summary>
public static class AdvisorDossiers
{
    public sealed record Row(Guid Id, long Number, string Siret, string? CompanyName, string Status, string StatusLabel, string? SchemeCode,
        string? Title, DateOnly? StartDate, decimal? RequestedAmount, DateTimeOffset? TransmittedAt, DateOnly? DocumentsDueOn);

    public sealed record AcceptRequest(decimal? GrantedAmount);

    public sealed record RefuseRequest(string? Reason);

    public sealed record DocumentsRequest(string? Documents);

    public sealed record CommentRequest(string? Text);

    /// <summary>What an advisor's list shows by default: what waits for them.</summary>
    public static readonly IReadOnlyList<DossierStatus> ToInstruct =
        [DossierStatus.UnderReview, DossierStatus.AcceptancePending, DossierStatus.AwaitingDocuments];

    private static readonly ListSorts<FundingDossier> Sorts =
        new ListSorts<FundingDossier>("transmittedAt", ListSorts<FundingDossier>.Ascending, rows => rows.ThenBy(d => d.Id))
            .Column("number", d => d.Number)
            .Column("transmittedAt", d => d.TransmittedAt)
            .Column("startDate", d => d.StartDate)
            .Column("status", d => d.Status)
            .Column("requestedAmount", d => d.RequestedAmount)
            .Column("siret", d => d.Siret);

    public static RouteGroupBuilder MapAdvisorDossiers(this RouteGroupBuilder advisor)
    {
        advisor.MapGet("/", ListAsync).WithName("AdvisorDossiers")
            .WithSummary("Dossiers à instruire: the advisor's companies' dossiers, by default those waiting for a decision.");
        advisor.MapGet("/{id:guid}", DetailsAsync).WithName("AdvisorDossierDetails").WithSummary("A dossier to instruct, whole.");
        advisor.MapPost("/{id:guid}/acceptance", AcceptAsync).WithName("AcceptDossier")
            .WithSummary("Accepts with a granted amount: the dossier waits for finance to record the commitment.");
        advisor.MapPost("/{id:guid}/refusal", RefuseAsync).WithName("RefuseDossier").WithSummary("Refuses with a reason.");
        advisor.MapPost("/{id:guid}/documents-request", AskForDocumentsAsync).WithName("AskDossierDocuments")
            .WithSummary("Asks for pieces: En attente de compléments, 30 days, a reminder after 15.");
        advisor.MapPost("/{id:guid}/cancellation", CancelAsync).WithName("CancelDossierByAdvisor").WithSummary("Cancels an accepted dossier.");
        advisor.MapPost("/{id:guid}/comments", CommentAsync).WithName("CommentDossierByAdvisor").WithSummary("Comments on the dossier.");
        advisor.MapGet("/{id:guid}/documents/{documentId:guid}", DownloadAsync).WithName("DownloadDossierDocumentByAdvisor")
            .WithSummary("Downloads a piece of the dossier.");
        advisor.MapGet("/{id:guid}/agreement", AgreementAsync).WithName("DownloadFundingAgreementByAdvisor")
            .WithSummary("The accord de prise en charge of an accepted dossier, as a PDF.");
        return advisor;
    }

    public static async Task<Results<Ok<ListPage<Row>>, ValidationProblem>> ListAsync([AsParameters] ListQuery list, HttpContext http,
        DossierDbContext db, CancellationToken cancellationToken, string? status = null)
    {
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        IReadOnlyList<DossierStatus> statuses = ToInstruct;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!EnumCodes.TryParse<DossierStatus>(status, out var one))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"Le statut doit être l'un de : {string.Join(", ", Enum.GetNames<DossierStatus>())}."],
                }, title: "Le filtre demandé n'est pas valide.");
            statuses = [one];
        }
        var rows = Visible(db, http.User).Where(d => statuses.Contains(d.Status));
        var page = await request.ToPageAsync(rows, d => new Row(d.Id, d.Number, d.Siret,
            db.MemberCompanies.Where(c => c.Siren == d.Siret.Substring(0, 9)).Select(c => c.Name).FirstOrDefault(), d.Status.ToString(), "",
            d.SchemeCode, d.Title, d.StartDate, d.RequestedAmount, d.TransmittedAt, d.DocumentsDueOn), cancellationToken);
        return TypedResults.Ok(page.Map(r => r with { StatusLabel = DossierStatuses.Label(Enum.Parse<DossierStatus>(r.Status)) }));
    }

    public static async Task<Results<Ok<DossierView>, ProblemHttpResult>> DetailsAsync(Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var dossier = await LoadAsync(db, http.User, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        return TypedResults.Ok(await DossierView.BuildAsync(db, dossier, sensitive: true, ParisCalendar.Today(time), cancellationToken));
    }

    public static Task<Results<Ok<DossierView>, ProblemHttpResult>> AcceptAsync(Guid id, AcceptRequest request, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        DecideAsync(id, http, db, time, cancellationToken, async dossier =>
        {
            var today = ParisCalendar.Today(time);
            var costs = await DossierStore.CostsAsync(db, dossier, today, cancellationToken);
            var errors = dossier.Accept(request.GrantedAmount, costs, DossierStore.ActorOf(http.User), time.GetUtcNow());
            if (!errors.IsEmpty) return errors;
            var scheme = await db.Schemes.AsNoTracking().FirstAsync(s => s.Code == dossier.SchemeCode, cancellationToken);
            // In the transaction of the decision: finance is asked exactly once, whatever crashes.
            db.PublishOnCommit(new CommitmentRequested(dossier.Id, dossier.Number, CommitmentCauses.Dossier, dossier.Siret[..9],
                scheme.FundingKind.ToString(), scheme.FundingSource, (dossier.StartDate ?? today).Year, dossier.GrantedAmount!.Value, false,
                time.GetUtcNow()), dossier.Id.ToString());
            return errors;
        });

    public static Task<Results<Ok<DossierView>, ProblemHttpResult>> RefuseAsync(Guid id, RefuseRequest request, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        DecideAsync(id, http, db, time, cancellationToken, dossier =>
            Task.FromResult(dossier.Refuse(request.Reason, DossierStore.ActorOf(http.User), ParisCalendar.Today(time), time.GetUtcNow())));

    public static Task<Results<Ok<DossierView>, ProblemHttpResult>> AskForDocumentsAsync(Guid id, DocumentsRequest request, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        DecideAsync(id, http, db, time, cancellationToken, dossier =>
            Task.FromResult(dossier.AskForDocuments(request.Documents, DossierStore.ActorOf(http.User), ParisCalendar.Today(time), time.GetUtcNow())));

    public static Task<Results<Ok<DossierView>, ProblemHttpResult>> CancelAsync(Guid id, RefuseRequest request, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        DecideAsync(id, http, db, time, cancellationToken, dossier =>
            Task.FromResult(dossier.Cancel(request.Reason, DossierStore.ActorOf(http.User), DossierActor.Advisor, ParisCalendar.Today(time), time.GetUtcNow())));

    public static Task<Results<Ok<DossierView>, ProblemHttpResult>> CommentAsync(Guid id, CommentRequest request, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        DecideAsync(id, http, db, time, cancellationToken, dossier =>
            Task.FromResult(dossier.Comment(request.Text, DossierStore.ActorOf(http.User), byAdvisor: true, time.GetUtcNow())));

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid documentId, HttpContext http,
        DossierDbContext db, CancellationToken cancellationToken) =>
        DossierDocuments.FileAsync(db, documentId, Visible(db, http.User).Where(d => d.Id == id), cancellationToken);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AgreementAsync(Guid id, HttpContext http, DossierDbContext db,
        CancellationToken cancellationToken)
    {
        var dossier = await LoadAsync(db, http.User, id, cancellationToken);
        return dossier is null ? DossierStore.NotFound() : await FundingAgreement.PdfAsync(db, dossier, cancellationToken);
    }

    /// <summary>The dossiers of the companies the caller advises (their advisor's e-mail in the registry), once transmitted.</summary>
    private static IQueryable<FundingDossier> Visible(DossierDbContext db, ClaimsPrincipal advisor)
    {
        var email = advisor.FindFirst("email")?.Value ?? "";
        return db.Dossiers.Where(d => d.TransmittedAt != null
                                      && db.MemberCompanies.Any(c => c.Siren == d.Siret.Substring(0, 9) && c.AdvisorEmail != null
                                                                     && c.AdvisorEmail.ToLower() == email.ToLower()));
    }

    private static async Task<FundingDossier?> LoadAsync(DossierDbContext db, ClaimsPrincipal advisor, Guid id, CancellationToken cancellationToken)
    {
        var visible = await Visible(db, advisor).AnyAsync(d => d.Id == id, cancellationToken);
        return visible ? await DossierStore.Whole(db).FirstOrDefaultAsync(d => d.Id == id, cancellationToken) : null;
    }

    private static async Task<Results<Ok<DossierView>, ProblemHttpResult>> DecideAsync(Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken, Func<FundingDossier, Task<FieldErrors>> decide)
    {
        var dossier = await LoadAsync(db, http.User, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        var errors = await decide(dossier);
        if (!errors.IsEmpty) return DossierStore.Invalid(errors);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return DossierStore.ChangedMeanwhile();
        return TypedResults.Ok(await DossierView.BuildAsync(db, dossier, sensitive: true, ParisCalendar.Today(time), cancellationToken));
    }
}
