using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Onboarding.Data;
using Opco.SharedKernel;

namespace Opco.Onboarding.Features.Directory;

/// <summary>
/// "Sélectionnez votre site": a company's establishments, head office first, closed ones flagged (they cannot be
/// requested); shown as "NAME – SIRET – address postalCode CITY".
/// </summary>
public static class CompanyEstablishments
{
    public sealed record Item(string Siret, string Name, string Address, string PostalCode, string City, bool IsHeadOffice, bool IsClosed);

    public const string UnknownCompany = "Entreprise introuvable.";

    public static RouteHandlerBuilder MapCompanyEstablishments(this IEndpointRouteBuilder api) =>
        api.MapGet("/directory/companies/{siren}/establishments", HandleAsync)
            .AllowAnonymous()
            .WithName("CompanyEstablishments")
            .WithSummary("A company's open establishments (public).");

    public static async Task<Results<Ok<List<Item>>, ProblemHttpResult>> HandleAsync(string siren, OnboardingDbContext db,
        CancellationToken cancellationToken)
    {
        if (!Siren.TryParse(siren, out var valid) || !await db.Companies.AnyAsync(c => c.Siren == valid!.Value, cancellationToken))
            return Problems.NotFound(UnknownCompany);
        return TypedResults.Ok(await db.Establishments.AsNoTracking().Where(e => e.Siren == valid!.Value)
            .OrderByDescending(e => e.IsHeadOffice).ThenBy(e => e.ClosedOn != null).ThenBy(e => e.Name).ThenBy(e => e.Siret)
            .Select(e => new Item(e.Siret, e.Name, e.Address, e.PostalCode, e.City, e.IsHeadOffice, e.ClosedOn != null))
            .ToListAsync(cancellationToken));
    }
}
