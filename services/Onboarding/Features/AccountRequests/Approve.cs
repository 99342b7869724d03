using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Onboarding;
using Opco.Messaging.Outbox;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;
using Opco.SharedKernel.Habilitations;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>
/// ✓ on a "Rattachement": the existing account is attached to the establishment with the ticked habilitations (identity
/// does it on <see cref="AccountAttachmentApproved"/>, then e-mails "account attached"). An "Ouverture" is approved by
/// saving the pre-filled new user in identity instead.
/// </summary>
public static class Approve
{
    public sealed record Request(string[]? Habilitations);

    public const string OpeningNeedsUserForm =
        "Pour une demande d'ouverture, validez en enregistrant le nouvel utilisateur : le formulaire est pré-rempli avec la demande.";

    public static RouteHandlerBuilder MapApproveAccountRequest(this IEndpointRouteBuilder api) =>
        api.MapPost("/account-requests/{id:guid}/approve", HandleAsync).WithName("ApproveAccountRequest")
            .WithSummary("Approves an account request.");

    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, HttpContext context, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await Deciders.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return Problems.NotFound(Details.NotFound);
        var accountRequest = await db.AccountRequests.Where(r => r.Id == id).VisibleTo(db, caller).SingleOrDefaultAsync(cancellationToken);
        if (accountRequest is null) return Problems.NotFound(Details.NotFound);
        if (!accountRequest.IsPending) return Problems.AlreadyDecided();
        if (accountRequest.Kind == AccountRequestKind.Opening)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: OpeningNeedsUserForm);

        var habilitations = new List<Habilitation>();
        var errors = new Dictionary<string, string[]>();
        foreach (var name in request.Habilitations ?? [])
            if (Enum.TryParse<Habilitation>(name, ignoreCase: true, out var habilitation) && Enum.IsDefined(habilitation)) habilitations.Add(habilitation);
            else errors["habilitations"] = [.. errors.GetValueOrDefault("habilitations") ?? [], $"L'accès « {name} » n'existe pas."];
        if (errors.Count == 0 && habilitations.Count == 0) errors["habilitations"] = ["Cochez au moins un accès pour cet établissement."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Les accès saisis contiennent des erreurs.");
        if (!caller.MayGrant(accountRequest.Siret, habilitations))
            return Problems.Forbidden("Seul un gestionnaire de l'établissement peut donner l'accès Gestionnaire.");

        var site = await RequestSite.FindAsync(db, accountRequest.Siret, cancellationToken);
        var now = time.GetUtcNow();
        accountRequest.Approve(caller.UserId, caller.DisplayName, now);
        var requester = await db.KnownAccounts.Where(a => a.Email == accountRequest.Email).Select(a => (Guid?)a.UserId).FirstOrDefaultAsync(cancellationToken);
        var aggregate = accountRequest.Id.ToString();
        db.PublishOnCommit(new AccountAttachmentApproved(accountRequest.Id, accountRequest.Email, accountRequest.Siret,
            [.. habilitations.Distinct().Order().Select(h => h.ToString())], caller.UserId, now), aggregate);
        db.PublishOnCommit(new AccountRequestApproved(site!.Summarize(accountRequest), accountRequest.Email, requester, caller.UserId, now), aggregate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.AlreadyDecided();
        }
        return TypedResults.Accepted((string?)null);
    }
}
