using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
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

    /// <summary>A request with what the list shows of its establishment and company, for sorting in the database.</summary>
    private sealed class Row
    {
        public required AccountRequest Request { get; init; }
        public required string EstablishmentName { get; init; }
        public required string CompanyName { get; init; }
    }

    private static readonly ListSorts<Row> Sorts =
        new ListSorts<Row>("requestedAt", ListSorts<Row>.Ascending, rows => rows.ThenBy(x => x.Request.SubmittedAt).ThenBy(x => x.Request.Id))
            .Column("lastName", x => EF.Functions.Collate(x.Request.LastName, Collations.French))
            .Column("firstName", x => EF.Functions.Collate(x.Request.FirstName, Collations.French))
            .Column("jobTitle", x => EF.Functions.Collate(x.Request.JobTitle ?? "", Collations.French))
            .Column("companyName", x => EF.Functions.Collate(x.CompanyName, Collations.French))
            // By the label shown: "Ouverture" before "Rattachement".
            .Column("kind", x => x.Request.Kind == AccountRequestKind.Opening ? 0 : 1)
            .Column("requestedAt", x => x.Request.SubmittedAt);

    public static RouteHandlerBuilder MapListPendingAccountRequests(this IEndpointRouteBuilder api) =>
        api.MapGet("/account-requests", HandleAsync).WithName("ListPendingAccountRequests")
            .WithSummary("The account requests the caller may decide, sortable on every column, a page at a time.");

    public static async Task<Results<Ok<ListPage<Item>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] ListQuery list, HttpContext context, OnboardingDbContext db, CancellationToken cancellationToken)
    {
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        var caller = await Deciders.LoadAsync(context.User, db, cancellationToken);
        if (caller is null) return Problems.Forbidden("Votre compte ne permet pas de traiter des demandes de création de compte.");

        var rows = db.AccountRequests.AsNoTracking()
            .Where(r => AccountRequest.OpenStatuses.Contains(r.Status))
            .VisibleTo(db, caller)
            .Join(db.Establishments, r => r.Siret, e => e.Siret, (r, e) => new { r, e })
            .Join(db.Companies, x => x.e.Siren, c => c.Siren, (x, c) => new Row { Request = x.r, EstablishmentName = x.e.Name, CompanyName = c.Name });
        var page = await request.ToPageAsync(rows, x => new
        {
            x.Request.Id, x.Request.LastName, x.Request.FirstName, x.Request.JobTitle, x.CompanyName, x.Request.Kind, x.Request.SubmittedAt,
            x.Request.Siret, x.EstablishmentName, x.Request.Status, x.Request.FailureReason,
        }, cancellationToken);
        return TypedResults.Ok(page.Map(x => new Item(x.Id, x.LastName, x.FirstName, x.JobTitle, x.CompanyName, AccountRequestKinds.Label(x.Kind),
            x.SubmittedAt, x.Siret, x.EstablishmentName, x.Status.ToString(),
            x.Status == AccountRequestStatus.Failed ? FulfilmentFailure.Message(x.FailureReason) : null)));
    }
}
