using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.RegistrationRequests;

/// <summary>The pending requests to add a company or an establishment, oldest first: advisors only.</summary>
public static class List
{
    public sealed record Item(Guid Id, string Kind, string Siren, string Siret, string Name, string Address, string PostalCode, string City,
        string? CompanyName, string RequesterEmail, string RequesterLastName, string RequesterFirstName, DateTimeOffset RequestedAt);

    public sealed record Response(int Total, IReadOnlyList<Item> Items);

    public static RouteHandlerBuilder MapListRegistrationRequests(this IEndpointRouteBuilder api) =>
        api.MapGet("/registration-requests", HandleAsync).WithName("ListRegistrationRequests")
            .WithSummary("Pending requests to register a company or an establishment (OPCO staff).");

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> HandleAsync(HttpContext context, OnboardingDbContext db,
        CancellationToken cancellationToken)
    {
        if (await Staff.LoadAsync(context.User, db, cancellationToken) is null) return Staff.Required();
        var items = await db.RegistrationRequests.AsNoTracking().Where(r => r.Status == RegistrationRequestStatus.Pending)
            .OrderBy(r => r.SubmittedAt)
            .Select(r => new Item(r.Id, r.Kind.ToString(), r.Siren, r.Siret, r.Name, r.Address, r.PostalCode, r.City,
                db.Companies.Where(c => c.Siren == r.Siren).Select(c => c.Name).FirstOrDefault(),
                r.RequesterEmail, r.RequesterLastName, r.RequesterFirstName, r.SubmittedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Response(items.Count, items));
    }
}
