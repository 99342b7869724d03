using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.Registry;

/// <summary>OPCO staff correct an establishment's name or address.</summary>
public static class UpdateEstablishment
{
    public sealed record Request(string? Name, string? Address, string? PostalCode, string? City);

    public static RouteHandlerBuilder MapUpdateEstablishment(this IEndpointRouteBuilder api) =>
        api.MapPut("/registry/establishments/{siret}", HandleAsync).WithName("UpdateEstablishment")
            .WithSummary("Updates an establishment of the registry (OPCO staff).");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string siret, Request request, HttpContext context, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await Staff.LoadAsync(context.User, db, cancellationToken) is null) return Staff.Required();
        var establishment = await db.Establishments.SingleOrDefaultAsync(e => e.Siret == siret, cancellationToken);
        if (establishment is null) return Problems.NotFound("Établissement introuvable.");
        var errors = establishment.Update(new EstablishmentDetails(siret, request.Name, request.Address, request.PostalCode, request.City,
            establishment.IsHeadOffice));
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Les informations saisies contiennent des erreurs.");

        var company = await db.Companies.SingleAsync(c => c.Siren == establishment.Siren, cancellationToken);
        RegistryEvents.EstablishmentUpdated(db, company, establishment, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
