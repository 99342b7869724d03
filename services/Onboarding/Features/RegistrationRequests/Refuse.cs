using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Onboarding;
using Opco.Messaging.Outbox;
using Opco.Onboarding.Data;

namespace Opco.Onboarding.Features.RegistrationRequests;

/// <summary>An advisor refuses a request to add a company or an establishment; the reason is e-mailed to the requester.</summary>
public static class Refuse
{
    public sealed record Request(string? Reason);

    public static RouteHandlerBuilder MapRefuseRegistrationRequest(this IEndpointRouteBuilder api) =>
        api.MapPost("/registration-requests/{id:guid}/refuse", HandleAsync).WithName("RefuseRegistrationRequest")
            .WithSummary("Refuses a registration request, with its reason.");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Request request, HttpContext context, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var staff = await Staff.LoadAsync(context.User, db, cancellationToken);
        if (staff is null) return Staff.Required();
        var registration = await db.RegistrationRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (registration is null) return Problems.NotFound("Demande introuvable.");
        if (!registration.IsPending) return Problems.AlreadyDecided();

        var now = time.GetUtcNow();
        var errors = registration.Refuse(request.Reason, staff.UserId, now);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Le refus n'a pas été enregistré.");
        db.PublishOnCommit(new RegistrationRequestDecided(registration.Id, registration.Kind.ToString(), false, registration.RequesterEmail,
            registration.RequesterFirstName, registration.RequesterLastName, registration.Name, registration.Siret, registration.Reason, now),
            registration.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
