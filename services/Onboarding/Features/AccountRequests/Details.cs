using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;
using Opco.SharedKernel.Habilitations;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>
/// ✓'s pre-fill ("pré-remplit les informations personnelles et le premier établissement") and the request's history,
/// for someone who may decide on it; anyone else gets 404, as for a request that does not exist.
/// </summary>
public static class Details
{
    public sealed record HistoryEntry(DateTimeOffset At, string Status, string By, string? Reason);

    public sealed record Response(Guid Id, string Kind, string Status, string? Civility, string LastName, string FirstName, string Email,
        string? Phone, string? JobTitle, string Siret, string EstablishmentName, string Siren, string CompanyName, string? Role,
        IReadOnlyList<string> SuggestedHabilitations, DateTimeOffset RequestedAt, IReadOnlyList<HistoryEntry> History,
        IReadOnlyList<string> SuggestedHabilitationLabels, string? RefusalReason, string? Failure);

    public const string NotFound = "Demande introuvable.";

    public static RouteHandlerBuilder MapAccountRequestDetails(this IEndpointRouteBuilder api) =>
        api.MapGet("/account-requests/{id:guid}", HandleAsync).WithName("AccountRequestDetails")
            .WithSummary("An account request to decide, with the pre-filled user and its history.");

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(
        Guid id, HttpContext context, OnboardingDbContext db, CancellationToken cancellationToken)
    {
        var caller = await Deciders.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return Problems.NotFound(NotFound);
        var request = await db.AccountRequests.AsNoTracking().Include(r => r.History)
            .Where(r => r.Id == id).VisibleTo(db, caller).SingleOrDefaultAsync(cancellationToken);
        if (request is null) return Problems.NotFound(NotFound);
        var site = await RequestSite.FindAsync(db, request.Siret, cancellationToken);
        if (site is null) return Problems.NotFound(NotFound);

        return TypedResults.Ok(new Response(request.Id, AccountRequestKinds.Label(request.Kind), request.Status.ToString(), request.Civility,
            request.LastName, request.FirstName, request.Email, request.Phone, request.JobTitle, request.Siret, site.Name, site.Siren,
            site.CompanyName, request.Role?.Label, [.. request.SuggestedHabilitations.Select(h => h.ToString())],
            request.SubmittedAt,
            [.. request.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new HistoryEntry(h.At, h.Status.ToString(), h.ByName, h.Reason))],
            [.. request.SuggestedHabilitations.Select(HabilitationLabels.Of)], request.RefusalReason,
            request.Status == AccountRequestStatus.Failed ? FulfilmentFailure.Message(request.FailureReason) : null));
    }
}
