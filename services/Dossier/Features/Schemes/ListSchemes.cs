using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Dossier.Data;

namespace Opco.Dossier.Features.Schemes;

/// <summary>The schemes with their rules and ceilings: reference data for every signed-in user and the administrators' screen.</summary>
public static class ListSchemes
{
    public static RouteHandlerBuilder MapListSchemes(this RouteGroupBuilder schemes) =>
        schemes.MapGet("/", HandleAsync)
            .WithName("ListSchemes")
            .WithSummary("Every scheme with its funding source, who it is offered to and its ceilings.");

    public static async Task<Ok<List<SchemeView>>> HandleAsync(DossierDbContext db, CancellationToken cancellationToken)
    {
        var schemes = await db.Schemes.AsNoTracking().OrderBy(s => s.DisplayOrder).ToListAsync(cancellationToken);
        return TypedResults.Ok(schemes.Select(SchemeView.Of).ToList());
    }
}
