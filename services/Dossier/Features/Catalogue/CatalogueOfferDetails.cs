using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Dossier.Data;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Catalogue;

/// <summary>An offer of the catalogue as companies see it: published, with its sessions to come and their seats left.</summary>
public static class CatalogueOfferDetails
{
    public static RouteHandlerBuilder MapCatalogueOfferDetails(this RouteGroupBuilder catalogue) =>
        catalogue.MapGet("/offers/{id:guid}", HandleAsync).WithName("CatalogueOfferDetails")
            .WithSummary("A published offer with its sessions to come (seats left).");

    public static async Task<Results<Ok<OfferView>, ProblemHttpResult, ForbidHttpResult>> HandleAsync(Guid id, HttpContext http,
        IEstablishmentRights rights, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await CatalogueAccess.MayReadAsync(http, rights, cancellationToken)) return TypedResults.Forbid();
        var today = ParisCalendar.Today(time);
        var offer = await db.CatalogueOffers.AsNoTracking().Include(o => o.Sessions).FirstOrDefaultAsync(o => o.Id == id && o.IsPublished, cancellationToken);
        if (offer is null) return CatalogueProblems.NotFound();
        return TypedResults.Ok(OfferView.Of(offer, await OfferView.SchemeLabelAsync(db, cancellationToken), offer.Sessions.Where(s => s.StartDate > today)));
    }
}
