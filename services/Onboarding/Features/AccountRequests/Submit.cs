using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Messaging.Outbox;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>
/// "Demander une ouverture de compte" (DEFi form) and "Demander mon compte" (2i wizard): public, rate-limited at the
/// gateway. The answer is the same whether or not the e-mail already has an account.
/// </summary>
public static class Submit
{
    public sealed record Request(string? LastName, string? FirstName, string? Siret, string? Email, string? EmailConfirmation,
        string? Form = null, string? Civility = null, string? JobTitle = null, string? Phone = null, string? Role = null);

    public sealed record Response(Guid RequestId, string Message);

    public const string Acknowledgement =
        "Votre demande d'ouverture de compte a bien été enregistrée. Vous allez recevoir un email de confirmation.";

    public const string UnknownEstablishment =
        "Cet établissement n'est pas connu de l'OPCO : vérifiez le SIRET, ou demandez la création de votre établissement.";
    public const string ClosedEstablishment = "Cet établissement est fermé : il n'est plus possible d'y demander un compte.";
    public const string AlreadyPending =
        "Une demande est déjà en cours pour cet email et cet établissement : elle sera traitée prochainement.";

    public static RouteHandlerBuilder MapSubmitAccountRequest(this IEndpointRouteBuilder api) =>
        api.MapPost("/account-requests", HandleAsync)
            .AllowAnonymous()
            .WithName("SubmitAccountRequest")
            .WithSummary("Requests an account on an establishment (public; both request forms).");

    public static async Task<Results<Accepted<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = new AccountRequestForm(request.LastName, request.FirstName, request.Siret, request.Email, request.EmailConfirmation,
            request.Form, request.Civility, request.JobTitle, request.Phone, request.Role);
        var (accountRequest, errors) = AccountRequest.Submit(form, time.GetUtcNow());
        if (accountRequest is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: Problems.InvalidRequest);

        var site = await RequestSite.FindAsync(db, accountRequest.Siret, cancellationToken);
        if (site is null) return FieldProblem.Of(StatusCodes.Status422UnprocessableEntity, Problems.InvalidRequest, "siret", UnknownEstablishment);
        if (site.IsClosed) return FieldProblem.Of(StatusCodes.Status422UnprocessableEntity, Problems.InvalidRequest, "siret", ClosedEstablishment);
        if (await db.AccountRequests.AnyAsync(r => r.Email == accountRequest.Email && r.Siret == accountRequest.Siret
                                                   && AccountRequest.OpenStatuses.Contains(r.Status), cancellationToken))
            return Pending();
        if (await db.KnownAccounts.AnyAsync(a => a.Email == accountRequest.Email, cancellationToken)) accountRequest.MarkForExistingAccount();

        var (routedTo, recipients) = await Deciders.RouteAsync(db, site.Siret, site.AdvisorEmail, cancellationToken);
        db.AccountRequests.Add(accountRequest);
        var aggregate = accountRequest.Id.ToString();
        db.PublishOnCommit(new AccountRequestSubmitted(accountRequest.Id, accountRequest.LastName, accountRequest.FirstName,
            accountRequest.Email, accountRequest.Siret, accountRequest.SubmittedAt), aggregate);
        if (recipients.Count > 0)
            db.PublishOnCommit(new AccountRequestRouted(site.Summarize(accountRequest), routedTo.ToString(), RequestSite.Recipients(recipients),
                accountRequest.SubmittedAt), aggregate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.On(error, AccountRequestConfiguration.OnePendingPerEmailAndSiret))
        {
            return Pending();
        }

        return TypedResults.Accepted($"/api/onboarding/account-requests/{accountRequest.Id}", new Response(accountRequest.Id, Acknowledgement));
    }

    private static ProblemHttpResult Pending() =>
        FieldProblem.Of(StatusCodes.Status409Conflict, Problems.InvalidRequest, "email", AlreadyPending);
}
