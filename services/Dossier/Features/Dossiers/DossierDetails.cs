using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Dossier.Data;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Dossiers;

/// <summary>A dossier's page: steps, data, costs, pieces, timeline, comments (Suivre les dossiers).</summary>
public static class DossierDetails
{
    public static RouteHandlerBuilder MapDossierDetails(this RouteGroupBuilder dossiers) =>
        dossiers.MapGet("/{id:guid}", HandleAsync)
            .WithName("DossierDetails")
            .WithSummary("A dossier of the establishment, whole; wages and salary cost only for Données sensibles.");

    public static async Task<Results<Ok<DossierView>, ProblemHttpResult>> HandleAsync(string siret, Guid id, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.LoadAsync(db, siret, id, cancellationToken);
        if (dossier is null) return DossierStore.NotFound();
        return TypedResults.Ok(await DossierView.BuildAsync(db, dossier, DossierView.IsSensitive(http), ParisCalendar.Today(time), cancellationToken));
    }
}
