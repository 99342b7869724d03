using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Onboarding;
using Opco.Messaging.Outbox;
using Opco.Onboarding.Data;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>✖ "Refuse la demande en envoyant un motif": the reason is mandatory and e-mailed to the requester.</summary>
public static class Refuse
{
    public sealed record Request(string? Reason);

    public static RouteHandlerBuilder MapRefuseAccountRequest(this IEndpointRouteBuilder api) =>
        api.MapPost("/account-requests/{id:guid}/refuse", HandleAsync).WithName("RefuseAccountRequest")
            .WithSummary("Refuses an account request, with its reason (e-mailed to the requester).");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, HttpContext context, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Deciders.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return Problems.NotFound(Details.NotFound);
        var accountRequest = await db.AccountRequests.Where(r => r.Id == id).VisibleTo(db, caller).SingleOrDefaultAsync(cancellationToken);
        if (accountRequest is null) return Problems.NotFound(Details.NotFound);
        if (!accountRequest.AwaitsDecision) return Problems.AlreadyDecided();

        var now = time.GetUtcNow();
        var errors = accountRequest.Refuse(request.Reason, caller.UserId, caller.DisplayName, now);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Le refus n'a pas été enregistré.");

        var site = await RequestSite.FindAsync(db, accountRequest.Siret, cancellationToken);
        var requester = await db.KnownAccounts.Where(a => a.Email == accountRequest.Email).Select(a => (Guid?)a.UserId).FirstOrDefaultAsync(cancellationToken);
        db.PublishOnCommit(new AccountRequestRefused(site!.Summarize(accountRequest), accountRequest.Email, requester,
            accountRequest.RefusalReason!, caller.UserId, now), accountRequest.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.AlreadyDecided();
        }
        return TypedResults.NoContent();
    }
}
