using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Onboarding.Data;

namespace Opco.Onboarding.Features.Registry;

/// <summary>OPCO staff record that an establishment closed: it is shown struck through and takes no new request or dossier.</summary>
public static class CloseEstablishment
{
    /// <param name="ClosedOn">Today when omitted.</param>
    public sealed record Request(DateOnly? ClosedOn = null);

    public static RouteHandlerBuilder MapCloseEstablishment(this IEndpointRouteBuilder api) =>
        api.MapPost("/registry/establishments/{siret}/close", HandleAsync).WithName("CloseEstablishment")
            .WithSummary("Closes an establishment of the registry (OPCO staff).");

    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string siret, Request? request, HttpContext context, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await Staff.LoadAsync(context.User, db, cancellationToken) is null) return Staff.Required();
        var establishment = await db.Establishments.SingleOrDefaultAsync(e => e.Siret == siret, cancellationToken);
        if (establishment is null) return Problems.NotFound("Établissement introuvable.");
        var now = time.GetUtcNow();
        if (establishment.Close(request?.ClosedOn ?? DateOnly.FromDateTime(now.UtcDateTime)))
        {
            RegistryEvents.EstablishmentClosed(db, establishment, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.NoContent();
    }
}
