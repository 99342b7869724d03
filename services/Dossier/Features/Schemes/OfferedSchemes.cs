using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Dossier.Data;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Schemes;

/// <summary>
/// Step "Cadre" of a dossier: the schemes offered to the caller and, for the others, why not, judged on the caller's
/// preferred establishment (seed 001), with subrogation likewise.
/// </summary>
public static class OfferedSchemes
{
    public const string ChangePreferred = "Pour changer d'établissement préféré, rendez-vous dans « Mon profil ».";

    public sealed record Item(string Code, string Label, string FundingSource, bool CatalogueOnly, bool Offered, string? Reason,
        bool DirectPaymentOffered, string? DirectPaymentReason);

    public sealed record Response(string? PreferredSiret, string? CompanyName, string? ServiceOffer, int? Headcount, List<Item> Schemes,
        string HowToChange);

    public static RouteHandlerBuilder MapOfferedSchemes(this RouteGroupBuilder schemes) =>
        schemes.MapGet("/offered", HandleAsync)
            .WithName("OfferedSchemes")
            .WithSummary("The active schemes, each offered or not to the caller (with the reason), judged on the preferred establishment.");

    public static async Task<Results<Ok<Response>, UnauthorizedHttpResult>> HandleAsync(HttpContext http, DossierDbContext db,
        CancellationToken cancellationToken)
    {
        if (http.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var preferredSiret = await db.PreferredEstablishments.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.Siret)
            .FirstOrDefaultAsync(cancellationToken);
        var siren = preferredSiret?[..9];
        var company = siren is null ? null
            : await db.MemberCompanies.AsNoTracking().FirstOrDefaultAsync(c => c.Siren == siren, cancellationToken);
        var schemes = await db.Schemes.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.DisplayOrder).ToListAsync(cancellationToken);
        var items = schemes.Select(s =>
        {
            var offer = s.OfferTo(preferredSiret, company);
            var directPayment = s.DirectPaymentTo(preferredSiret, company);
            return new Item(s.Code, s.Label, s.FundingSource, s.CatalogueOnly, offer.Offered, offer.Reason, directPayment.Offered,
                directPayment.Reason);
        }).ToList();
        return TypedResults.Ok(new Response(preferredSiret, company?.Name, company?.ServiceOffer, company?.Headcount, items, ChangePreferred));
    }
}
