using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Dossier.Data;

namespace Opco.Dossier.Features.TrainingProviders;

/// <summary>Step "Organisme" of a dossier: find the training provider by SIRET, NDA or name.</summary>
public static class SearchTrainingProviders
{
    public static RouteHandlerBuilder MapSearchTrainingProviders(this RouteGroupBuilder providers) =>
        providers.MapGet("/", HandleAsync)
            .WithName("SearchTrainingProviders")
            .WithSummary("Training providers by SIRET, NDA (every site) or name, best first.");

    public static async Task<Ok<List<TrainingProviderSearch.Hit>>> HandleAsync(string? q, int? limit, DossierDbContext db,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await TrainingProviderSearch.FindAsync(db, q, Math.Clamp(limit ?? 10, 1, TrainingProviderSearch.MaxLimit), cancellationToken));
}
