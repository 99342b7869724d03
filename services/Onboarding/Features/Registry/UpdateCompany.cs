using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.Registry;

/// <summary>OPCO staff keep a company's raison sociale, headcount, service offer and assigned advisor up to date.</summary>
public static class UpdateCompany
{
    public sealed record Request(string? Name, int? Headcount, string? ServiceOffer, string? AdvisorEmail);

    public static RouteHandlerBuilder MapUpdateCompany(this IEndpointRouteBuilder api) =>
        api.MapPut("/registry/companies/{siren}", HandleAsync).WithName("UpdateCompany")
            .WithSummary("Updates a company of the registry (OPCO staff).");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string siren, Request request, HttpContext context, OnboardingDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await Staff.LoadAsync(context.User, db, cancellationToken) is null) return Staff.Required();
        var company = await db.Companies.Include(c => c.Establishments).SingleOrDefaultAsync(c => c.Siren == siren, cancellationToken);
        if (company is null) return Problems.NotFound(Directory.CompanyEstablishments.UnknownCompany);
        var renamed = company.Name != request.Name?.Trim();
        var errors = company.Update(new CompanyDetails(company.Siren, request.Name, request.Headcount, request.ServiceOffer, request.AdvisorEmail));
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Les informations saisies contiennent des erreurs.");

        var now = time.GetUtcNow();
        RegistryEvents.CompanyUpdated(db, company, now);
        // Establishment events carry the company's name: copies learn a new one through them.
        if (renamed)
            foreach (var establishment in company.Establishments) RegistryEvents.EstablishmentUpdated(db, company, establishment, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
