using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Contracts.Onboarding;
using Opco.Onboarding.Data;
using Opco.Messaging.Outbox;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>"Demander une ouverture de compte": public, rate-limited at the gateway.</summary>
public static class Submit
{
    public sealed record Request(string? LastName, string? FirstName, string? Siret, string? Email, string? EmailConfirmation);

    public sealed record Response(Guid RequestId, string Message);

    public const string Acknowledgement =
        "Votre demande d'ouverture de compte a bien été enregistrée. Vous allez recevoir un email de confirmation.";

    public static RouteHandlerBuilder MapSubmitAccountRequest(this IEndpointRouteBuilder api) =>
        api.MapPost("/account-requests", HandleAsync)
            .AllowAnonymous()
            .WithName("SubmitAccountRequest");

    public static async Task<Results<Accepted<Response>, ValidationProblem>> HandleAsync(
        Request request, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = new AccountRequestForm(request.LastName, request.FirstName, request.Siret, request.Email, request.EmailConfirmation);
        var (accountRequest, errors) = AccountRequest.Submit(form, time.GetUtcNow());
        if (accountRequest is null)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Votre demande contient des erreurs.");

        db.AccountRequests.Add(accountRequest);
        db.PublishOnCommit(new AccountRequestSubmitted(accountRequest.Id, accountRequest.LastName, accountRequest.FirstName,
            accountRequest.Email, accountRequest.Siret, accountRequest.SubmittedAt), accountRequest.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Accepted($"/api/onboarding/account-requests/{accountRequest.Id}",
            new Response(accountRequest.Id, Acknowledgement));
    }
}
