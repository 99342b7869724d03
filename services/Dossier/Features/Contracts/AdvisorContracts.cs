using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Features.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Contracts;

/// <summary>
/// "Contrats à instruire": an OPCO advisor's contracts (those of the companies they advise), opened whole, instructed,
/// accepted (finance records the commitment on « Professionnalisation » first) or refused with a reason before the 20
/// days are over. Each decision is checked here, by the contract, never trusted from the screen.
/// </summary>
public static class AdvisorContracts
{
    public sealed record RefuseRequest(string? Reason);

    /// <summary>What an advisor's list shows by default: what waits for their decision.</summary>
    public static readonly IReadOnlyList<ContractStatus> ToInstruct =
        [ContractStatus.Transmitted, ContractStatus.UnderReview, ContractStatus.AcceptancePending];

    private static readonly ListSorts<ProfessionalisationContract> Sorts =
        new ListSorts<ProfessionalisationContract>("decisionDueOn", ListSorts<ProfessionalisationContract>.Ascending,
                (rows, descending) => descending ? rows.ThenByDescending(c => c.Number) : rows.ThenBy(c => c.Number))
            .Column("number", c => c.Number)
            .Column("decisionDueOn", c => c.DecisionDueOn)
            .Column("startDate", c => c.StartDate)
            .Column("status", c => c.Status)
            .Column("siret", c => c.Siret);

    public static RouteGroupBuilder MapAdvisorContracts(this RouteGroupBuilder advisor)
    {
        advisor.MapGet("/", ListAsync).WithName("AdvisorContracts")
            .WithSummary("Contrats à instruire: the advisor's companies' contracts, by default those waiting for a decision, nearest deadline first.");
        advisor.MapGet("/{id:guid}", DetailsAsync).WithName("AdvisorContractDetails").WithSummary("A contract to instruct, whole.");
        advisor.MapPost("/{id:guid}/review", ReviewAsync).WithName("ReviewContract").WithSummary("Instruire: Transmis → En instruction.");
        advisor.MapPost("/{id:guid}/acceptance", AcceptAsync).WithName("AcceptContract")
            .WithSummary("Accepts: the contract waits for finance to record the commitment on « Professionnalisation ».");
        advisor.MapPost("/{id:guid}/refusal", RefuseAsync).WithName("RefuseContract").WithSummary("Refuses with a reason, within the 20 days.");
        advisor.MapGet("/{id:guid}/documents/{documentId:guid}", DownloadAsync).WithName("DownloadContractDocumentByAdvisor")
            .WithSummary("Downloads a piece of the contract.");
        return advisor;
    }

    public static async Task<Results<Ok<ListPage<ListContracts.Row>>, ValidationProblem>> ListAsync([AsParameters] ListQuery list, HttpContext http,
        DossierDbContext db, CancellationToken cancellationToken, string? status = null, string? search = null)
    {
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        if (!ListContracts.TryFilter(search, status, null, out var filter, out var invalid)) return invalid;
        var rows = ListContracts.Filtered(Visible(db, http.User), filter);
        if (filter.Status is null) rows = rows.Where(c => ToInstruct.Contains(c.Status));
        var rules = await ContractStore.RulesAsync(db, cancellationToken);
        var page = await request.ToPageAsync(rows, ListContracts.Projection, null, cancellationToken);
        return TypedResults.Ok(page.Map(line => line.ToRow(rules)));
    }

    public static async Task<Results<Ok<ContractView>, ProblemHttpResult>> DetailsAsync(Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var contract = await LoadAsync(db, http.User, id, cancellationToken);
        return contract is null ? ContractStore.NotFound() : TypedResults.Ok(await ContractView.BuildAsync(db, contract, ParisCalendar.Today(time), cancellationToken));
    }

    public static Task<Results<Ok<ContractView>, ProblemHttpResult>> ReviewAsync(Guid id, HttpContext http, DossierDbContext db, TimeProvider time,
        CancellationToken cancellationToken) =>
        DecideAsync(id, http, db, time, cancellationToken, contract =>
        {
            var errors = new FieldErrors();
            return Task.FromResult(contract.Review(DossierStore.ActorOf(http.User), time.GetUtcNow()) is { } refusal ? errors.Add("status", refusal) : errors);
        });

    public static Task<Results<Ok<ContractView>, ProblemHttpResult>> AcceptAsync(Guid id, HttpContext http, DossierDbContext db, TimeProvider time,
        CancellationToken cancellationToken) =>
        DecideAsync(id, http, db, time, cancellationToken, async contract =>
        {
            var errors = new FieldErrors();
            var rules = await ContractStore.RulesAsync(db, cancellationToken);
            if (contract.Accept(contract.CommitmentToRequest(rules), DossierStore.ActorOf(http.User), time.GetUtcNow()) is { } refusal)
                return errors.Add("status", refusal);
            // In the transaction of the decision: finance is asked exactly once, whatever crashes.
            ContractStore.RequestCommitment(db, contract, time.GetUtcNow());
            await ContractStore.SupersedeAmendedAsync(db, contract, time.GetUtcNow(), cancellationToken);
            return errors;
        });

    public static Task<Results<Ok<ContractView>, ProblemHttpResult>> RefuseAsync(Guid id, RefuseRequest request, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        DecideAsync(id, http, db, time, cancellationToken, contract =>
            Task.FromResult(contract.Refuse(request.Reason, DossierStore.ActorOf(http.User), ParisCalendar.Today(time), time.GetUtcNow())));

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid documentId, HttpContext http,
        DossierDbContext db, CancellationToken cancellationToken) =>
        ContractDocuments.FileAsync(db, documentId, Visible(db, http.User).Where(c => c.Id == id), cancellationToken);

    /// <summary>The contracts of the companies the caller advises (their advisor's e-mail in the registry), once transmitted.</summary>
    private static IQueryable<ProfessionalisationContract> Visible(DossierDbContext db, ClaimsPrincipal advisor)
    {
        var email = advisor.FindFirst("email")?.Value ?? "";
        return db.Contracts.AsNoTracking().Where(c => c.TransmittedAt != null
                                       && db.MemberCompanies.Any(m => m.Siren == c.Siret.Substring(0, 9) && m.AdvisorEmail != null
                                                                      && m.AdvisorEmail.ToLower() == email.ToLower()));
    }

    private static async Task<ProfessionalisationContract?> LoadAsync(DossierDbContext db, ClaimsPrincipal advisor, Guid id,
        CancellationToken cancellationToken)
    {
        var visible = await Visible(db, advisor).AnyAsync(c => c.Id == id, cancellationToken);
        return visible ? await ContractStore.Whole(db).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
    }

    private static async Task<Results<Ok<ContractView>, ProblemHttpResult>> DecideAsync(Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken, Func<ProfessionalisationContract, Task<FieldErrors>> decide)
    {
        var contract = await LoadAsync(db, http.User, id, cancellationToken);
        if (contract is null) return ContractStore.NotFound();
        var errors = await decide(contract);
        if (!errors.IsEmpty) return ContractStore.Invalid(errors);
        if (!await DossierStore.TrySaveAsync(db, cancellationToken)) return ContractStore.ChangedMeanwhile();
        return TypedResults.Ok(await ContractView.BuildAsync(db, contract, ParisCalendar.Today(time), cancellationToken));
    }
}
