using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Onboarding.Data;

namespace Opco.Onboarding.Features.Directory;

/// <summary>The wizard's "Recherchez votre entreprise": public, rate-limited at the gateway; shown as "NAME - SIREN".</summary>
public static class SearchCompanies
{
    public sealed record Item(string Siren, string Name, string? City, string? ServiceOffer);

    public static RouteHandlerBuilder MapSearchCompanies(this IEndpointRouteBuilder api) =>
        api.MapGet("/directory/companies", HandleAsync)
            .AllowAnonymous()
            .WithName("SearchCompanies")
            .WithSummary("Recherchez votre entreprise: companies by name, SIREN or SIRET (public).");

    public static async Task<Ok<List<Item>>> HandleAsync(string? q, int? limit, OnboardingDbContext db, CancellationToken cancellationToken)
    {
        var hits = await CompanySearch.FindAsync(db, q, Math.Clamp(limit ?? 10, 1, CompanySearch.MaxLimit), cancellationToken);
        return TypedResults.Ok(hits.Select(h => new Item(h.Siren, h.Name, h.City, h.ServiceOffer)).ToList());
    }
}
