using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Onboarding;
using Opco.Messaging.Outbox;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;
using Opco.SharedKernel.People;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>
/// ✓: the one place an account request is decided. The decider confirms the new user's personal data (for an
/// "Ouverture") and ticks the accesses on the request's establishment, and on others they manage; onboarding checks they
/// may, marks the request Approving and asks identity to carry it out (<see cref="AccountRequestAccepted"/>). Identity's
/// answer makes it Approved, or Failed with the reason, shown to the decider, who may decide again.
/// </summary>
public static class Approve
{
    public sealed record Request(string? Civility, string? LastName, string? FirstName, string? Phone, string? Function,
        EstablishmentGrant[]? Establishments);

    public const string RequestEstablishmentMissing = "Cochez au moins un accès sur l'établissement de la demande.";

    public static RouteHandlerBuilder MapApproveAccountRequest(this IEndpointRouteBuilder api) =>
        api.MapPost("/account-requests/{id:guid}/approve", HandleAsync).WithName("ApproveAccountRequest")
            .WithSummary("Approves an account request: identity then creates the account, or attaches the existing one, with the ticked accesses.");

    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, HttpContext context, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Deciders.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return Problems.NotFound(Details.NotFound);
        var accountRequest = await db.AccountRequests.Where(r => r.Id == id).VisibleTo(db, caller).SingleOrDefaultAsync(cancellationToken);
        if (accountRequest is null) return Problems.NotFound(Details.NotFound);
        if (!accountRequest.AwaitsDecision) return Problems.AlreadyDecided();

        var errors = new FieldErrors();
        // An attachment keeps the existing account's personal data.
        var person = accountRequest.Kind == AccountRequestKind.Opening
            ? PersonalData.Validate(request.Civility, request.LastName, request.FirstName, request.Phone, request.Function, errors)
            : null;
        if (request.Establishments is not { Length: > 0 }) errors.Add("establishments", RequestEstablishmentMissing);
        var grants = (request.Establishments ?? []).Select((grant, i) => (grant ?? new EstablishmentGrant(null, null))
            .Validate($"establishments[{i}]", errors, allowEmpty: false)).ToList();
        if (errors.IsEmpty && grants.All(g => g.Siret != accountRequest.Siret)) errors.Add("establishments", RequestEstablishmentMissing);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: Problems.InvalidRequest);
        // The request's establishment is the caller's to decide (it is visible to them); any other, only if they manage it.
        if (grants.Any(g => g.Siret != accountRequest.Siret && !caller.ManagedSirets.Contains(g.Siret!)))
            return Problems.Forbidden("Vous ne pouvez donner des accès que sur les établissements dont vous gérez les utilisateurs.");
        if (grants.Any(g => !caller.MayGrant(g.Siret!, g.Habilitations)))
            return Problems.Forbidden("Seul un gestionnaire de l'établissement peut donner l'accès Gestionnaire.");

        var now = time.GetUtcNow();
        accountRequest.Accept(caller.UserId, caller.DisplayName, now);
        db.PublishOnCommit(new AccountRequestAccepted(accountRequest.Id,
                accountRequest.Kind == AccountRequestKind.Opening ? AcceptedKinds.Opening : AcceptedKinds.Attachment, accountRequest.Email,
                person is null ? null : new AcceptedPerson(person.Civility.ToString(), person.LastName, person.FirstName, person.Phone, person.Function),
                [.. grants.DistinctBy(g => g.Siret).Select(g => new AcceptedGrant(g.Siret!, [.. g.Habilitations.Select(h => h.ToString())]))],
                caller.UserId, now),
            accountRequest.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.AlreadyDecided();
        }
        return TypedResults.Accepted($"/api/onboarding/account-requests/{accountRequest.Id}");
    }
}
