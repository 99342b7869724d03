using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Onboarding.Data;
using Opco.Onboarding.Domain;

namespace Opco.Onboarding.Features.AccountRequests;

/// <summary>
/// "Mes utilisateurs › Demandes de création de compte": the open requests the caller may decide on, with the columns of
/// seed 003 (Nom, Prénom, Fonction, Raison sociale, Type de demande, Date de la demande), each sortable; a request being
/// carried out ("Approving") or back after a failure ("Failed", with why) stays in the list until it is settled.
/// </summary>
public static class ListPending
{
    public sealed record Item(Guid Id, string LastName, string FirstName, string? JobTitle, string CompanyName, string Kind,
        DateTimeOffset RequestedAt, string Siret, string EstablishmentName, string Status, string? Failure);

    public sealed record Response(int Total, IReadOnlyList<Item> Items);

    /// <summary>Names sort as a French reader expects (accents and case do not scatter them).</summary>
    public const string FrenchCollation = "fr-FR-x-icu";

    private static readonly string[] Sorts = ["lastName", "firstName", "jobTitle", "companyName", "kind", "requestedAt"];

    public static RouteHandlerBuilder MapListPendingAccountRequests(this IEndpointRouteBuilder api) =>
        api.MapGet("/account-requests", HandleAsync).WithName("ListPendingAccountRequests")
            .WithSummary("The account requests the caller may decide, sortable on every column.");

    public static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string? sort, string? direction, HttpContext context, OnboardingDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        sort = string.IsNullOrWhiteSpace(sort) ? "requestedAt" : sort.Trim();
        if (!Sorts.Contains(sort)) errors["sort"] = [$"Le tri doit porter sur l'une des colonnes : {string.Join(", ", Sorts)}."];
        direction = string.IsNullOrWhiteSpace(direction) ? "asc" : direction.Trim().ToLowerInvariant();
        if (direction is not ("asc" or "desc")) errors["direction"] = ["Le sens du tri doit être « asc » ou « desc »."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Le tri demandé n'existe pas.");

        var caller = await Deciders.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return Problems.Forbidden("Votre compte ne permet pas de traiter des demandes de création de compte.");

        var rows = db.AccountRequests.AsNoTracking()
            .Where(r => AccountRequest.OpenStatuses.Contains(r.Status))
            .VisibleTo(db, caller)
            .Join(db.Establishments, r => r.Siret, e => e.Siret, (r, e) => new { r, e })
            .Join(db.Companies, x => x.e.Siren, c => c.Siren, (x, c) => new { x.r, x.e, c });
        var descending = direction == "desc";
        var ordered = sort switch
        {
            "lastName" => Order(rows, x => EF.Functions.Collate(x.r.LastName, FrenchCollation), descending),
            "firstName" => Order(rows, x => EF.Functions.Collate(x.r.FirstName, FrenchCollation), descending),
            "jobTitle" => Order(rows, x => EF.Functions.Collate(x.r.JobTitle ?? "", FrenchCollation), descending),
            "companyName" => Order(rows, x => EF.Functions.Collate(x.c.Name, FrenchCollation), descending),
            // By the label shown: "Ouverture" before "Rattachement".
            "kind" => Order(rows, x => x.r.Kind == AccountRequestKind.Opening ? 0 : 1, descending),
            _ => Order(rows, x => x.r.SubmittedAt, descending),
        };
        var rowsFound = await ordered.ThenBy(x => x.r.SubmittedAt).ThenBy(x => x.r.Id)
            .Select(x => new { x.r.Id, x.r.LastName, x.r.FirstName, x.r.JobTitle, Company = x.c.Name, x.r.Kind, x.r.SubmittedAt, x.r.Siret,
                Establishment = x.e.Name, x.r.Status, x.r.FailureReason })
            .ToListAsync(cancellationToken);
        var items = rowsFound.Select(x => new Item(x.Id, x.LastName, x.FirstName, x.JobTitle, x.Company, AccountRequestKinds.Label(x.Kind),
            x.SubmittedAt, x.Siret, x.Establishment, x.Status.ToString(),
            x.Status == AccountRequestStatus.Failed ? FulfilmentFailure.Message(x.FailureReason) : null)).ToList();
        return TypedResults.Ok(new Response(items.Count, items));
    }

    private static IOrderedQueryable<T> Order<T, TKey>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
}
