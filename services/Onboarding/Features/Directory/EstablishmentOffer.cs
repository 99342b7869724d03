using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Onboarding.Data;
using Opco.SharedKernel;

namespace Opco.Onboarding.Features.Directory;

/// <summary>
/// The home page's banner and contacts for an establishment the caller holds a habilitation on: its company's service
/// offer ("DEFi Performance", …) and training advisor, once identity has announced the advisor's account.
/// </summary>
public static class EstablishmentOffer
{
    public sealed record Advisor(string FirstName, string LastName, string Email);

    public sealed record Response(string Siret, string Siren, string CompanyName, string? ServiceOffer, Advisor? Advisor);

    public const string UnknownEstablishment = "Établissement introuvable.";

    public static RouteHandlerBuilder MapEstablishmentOffer(this IEndpointRouteBuilder api) =>
        api.MapGet("/establishments/{siret}/offer", HandleAsync)
            .RequireAnyHabilitation()
            .WithName("EstablishmentOffer")
            .WithSummary("The company's service offer and training advisor, for an establishment the caller holds a habilitation on.");

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(string siret, OnboardingDbContext db,
        CancellationToken cancellationToken)
    {
        if (!Siret.TryParse(siret, out var valid)) return Problems.NotFound(UnknownEstablishment);
        var company = await db.Establishments.AsNoTracking().Where(e => e.Siret == valid!.Value)
            .Join(db.Companies, e => e.Siren, c => c.Siren, (e, c) => new { e.Siret, c.Siren, c.Name, c.ServiceOffer, c.AdvisorEmail })
            .SingleOrDefaultAsync(cancellationToken);
        if (company is null) return Problems.NotFound(UnknownEstablishment);

        var advisor = company.AdvisorEmail is null
            ? null
            : await db.KnownAccounts.AsNoTracking().Where(a => a.Email == company.AdvisorEmail && a.IsAdvisor)
                .Select(a => new Advisor(a.FirstName, a.LastName, a.Email!)).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new Response(company.Siret, company.Siren, company.Name, company.ServiceOffer, advisor));
    }
}
