using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Contracts;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel.Habilitations;

namespace Opco.Dossier.Features.Home;

/// <summary>
/// The home page's dossier side for one establishment, in one call: the dossiers needing action (drafts, documents asked,
/// decisions of the last 30 days) with « Suivre les dossiers », the contrats de pro with a deadline (drafts, decisions
/// awaited) with « Suivre les contrats de pro »; a block the caller may not follow is null.
/// </summary>
public static class HomeSummary
{
    public const int RecentDecisionDays = 30;
    public const int Lines = 5;

    public sealed record Response(DossierBlock? Dossiers, ContractBlock? Contracts);

    public sealed record DossierBlock(int Drafts, int AwaitingDocuments, int RecentDecisions, IReadOnlyList<DossierLine> Lines);

    public sealed record DossierLine(Guid Id, long Number, string Status, string StatusLabel, string? Title, DateOnly? DocumentsDueOn,
        DateTimeOffset? DecidedAt, decimal? RequestedAmount, decimal? GrantedAmount);

    public sealed record ContractBlock(int Drafts, int AwaitingDecision, IReadOnlyList<ContractLine> Lines);

    public sealed record ContractLine(Guid Id, long Number, string Status, string StatusLabel, string? TraineeName, DateOnly? DecisionDueOn,
        string? DecisionDueText);

    public static RouteGroupBuilder MapHomeSummary(this RouteGroupBuilder establishment)
    {
        establishment.MapGet("/home", HandleAsync)
            .RequireAnyHabilitation()
            .WithName("DossierHomeSummary")
            .WithSummary("The establishment's dossiers needing action and contrats de pro with a deadline, each only with its habilitation.");
        return establishment;
    }

    public static async Task<Ok<Response>> HandleAsync(string siret, HttpContext http, DossierDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var held = http.Features.GetRequiredFeature<EstablishmentAccess>().Held;
        var since = time.GetUtcNow().AddDays(-RecentDecisionDays);
        var dossiers = HabilitationMatrix.Allows(held, Functionality.SuivreDossiers) ? await DossiersAsync(db, siret, since, cancellationToken) : null;
        var contracts = HabilitationMatrix.Allows(held, Functionality.SuivreContratsPro) ? await ContractsAsync(db, siret, cancellationToken) : null;
        return TypedResults.Ok(new Response(dossiers, contracts));
    }

    private static async Task<DossierBlock> DossiersAsync(DossierDbContext db, string siret, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // Drafts and documents asked are the establishment's counters; recent decisions are few and read by their date.
        var counts = await db.DossierCounts.Where(c => c.Siret == siret
                && (c.Status == DossierStatus.Draft || c.Status == DossierStatus.AwaitingDocuments))
            .Select(c => new { c.Status, c.Dossiers }).ToListAsync(cancellationToken);
        var needingAction = db.Dossiers.AsNoTracking().Where(d => d.Siret == siret && (d.Status == DossierStatus.Draft
            || d.Status == DossierStatus.AwaitingDocuments || (d.DecidedAt >= since && d.Status != DossierStatus.AcceptancePending)));
        var decided = await db.Dossiers.CountAsync(d => d.Siret == siret && d.DecidedAt >= since && d.Status != DossierStatus.AcceptancePending,
            cancellationToken);
        var lines = await needingAction
            .OrderByDescending(d => d.Status == DossierStatus.AwaitingDocuments).ThenByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Number)
            .Take(Lines)
            .Select(d => new { d.Id, d.Number, d.Status, d.Title, d.DocumentsDueOn, d.DecidedAt, d.RequestedAmount, d.GrantedAmount })
            .ToListAsync(cancellationToken);
        return new DossierBlock(
            (int)counts.Where(c => c.Status == DossierStatus.Draft).Sum(c => c.Dossiers),
            (int)counts.Where(c => c.Status == DossierStatus.AwaitingDocuments).Sum(c => c.Dossiers),
            decided,
            [.. lines.Select(d => new DossierLine(d.Id, d.Number, d.Status.ToString(), DossierStatuses.Label(d.Status), d.Title,
                d.Status == DossierStatus.AwaitingDocuments ? d.DocumentsDueOn : null, d.DecidedAt, d.RequestedAmount, d.GrantedAmount))]);
    }

    private static async Task<ContractBlock> ContractsAsync(DossierDbContext db, string siret, CancellationToken cancellationToken)
    {
        var withDeadline = db.Contracts.AsNoTracking().Where(c => c.Siret == siret
            && (c.Status == ContractStatus.Draft || c.Status == ContractStatus.Transmitted || c.Status == ContractStatus.UnderReview));
        var counts = await withDeadline.GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        // The nearest decision deadline first, then the drafts most recently worked on.
        var lines = await withDeadline
            .OrderBy(c => c.Status == ContractStatus.Draft).ThenBy(c => c.DecisionDueOn).ThenByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Number)
            .Take(Lines)
            .Select(c => new { c.Id, c.Number, c.Status, c.TraineeName, c.DecisionDueOn })
            .ToListAsync(cancellationToken);
        return new ContractBlock(
            counts.Where(c => c.Status == ContractStatus.Draft).Sum(c => c.Count),
            counts.Where(c => ContractStatuses.AwaitsDecision(c.Status)).Sum(c => c.Count),
            [.. lines.Select(c =>
            {
                var due = ContractStatuses.AwaitsDecision(c.Status) ? c.DecisionDueOn : null;
                return new ContractLine(c.Id, c.Number, c.Status.ToString(), ContractStatuses.Label(c.Status), c.TraineeName, due,
                    due is { } day ? ContractLaw.DecisionDueText(day) : null);
            })]);
    }
}
