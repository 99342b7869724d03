using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.RegistrationRequests;

/// <summary>The pending requests to add a company or an establishment: OPCO staff only.</summary>
public static class List
{
    public sealed record Item(Guid Id, string Kind, string Siren, string Siret, string Name, string Address, string PostalCode, string City,
        string? CompanyName, string RequesterEmail, string RequesterLastName, string RequesterFirstName, DateTimeOffset RequestedAt);

    private static readonly ListSorts<RegistrationRequest> Sorts =
        new ListSorts<RegistrationRequest>("requestedAt", ListSorts<RegistrationRequest>.Ascending, rows => rows.ThenBy(r => r.Id))
            .Column("requestedAt", r => r.SubmittedAt)
            .Column("kind", r => r.Kind)
            .Column("siret", r => r.Siret)
            .Column("name", r => EF.Functions.Collate(r.Name, Collations.French))
            .Column("city", r => EF.Functions.Collate(r.City, Collations.French));

    public static RouteHandlerBuilder MapListRegistrationRequests(this IEndpointRouteBuilder api) =>
        api.MapGet("/registration-requests", HandleAsync).WithName("ListRegistrationRequests")
            .WithSummary("Pending requests to register a company or an establishment (OPCO staff), oldest first by default, a page at a time.");

    public static async Task<Results<Ok<ListPage<Item>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] ListQuery list, HttpContext context, OnboardingDbContext db, CancellationToken cancellationToken)
    {
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        if (await Staff.LoadAsync(context.User, db, cancellationToken) is null) return Staff.Required();
        var pending = db.RegistrationRequests.AsNoTracking().Where(r => r.Status == RegistrationRequestStatus.Pending);
        return TypedResults.Ok(await request.ToPageAsync(pending, r => new Item(r.Id, r.Kind.ToString(), r.Siren, r.Siret, r.Name, r.Address,
                r.PostalCode, r.City, db.Companies.Where(c => c.Siren == r.Siren).Select(c => c.Name).FirstOrDefault(),
                r.RequesterEmail, r.RequesterLastName, r.RequesterFirstName, r.SubmittedAt),
            cancellationToken));
    }
}
