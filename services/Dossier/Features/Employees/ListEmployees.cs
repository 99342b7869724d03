using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Authorization.HabilitationCopy;
using Opco.SharedKernel.People;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Employees;

/// <summary>
/// "Mes salariés" of one establishment: search on the name or the matricule, filters (still employed, contract, CSP),
/// sort, paging and the total count.
/// </summary>
public static class ListEmployees
{
    private static readonly ListSorts<Employee> Sorts =
        new ListSorts<Employee>("lastName", ListSorts<Employee>.Ascending, rows => rows.ThenBy(e => e.Id))
            .Column("lastName", (rows, descending) => descending
                ? rows.OrderByDescending(e => e.LastName).ThenByDescending(e => e.FirstName)
                : rows.OrderBy(e => e.LastName).ThenBy(e => e.FirstName))
            .Column("firstName", e => e.FirstName)
            .Column("matricule", e => e.Matricule)
            .Column("birthDate", e => e.BirthDate)
            .Column("entryDate", e => e.EntryDate)
            .Column("exitDate", e => e.ExitDate)
            .Column("contract", e => e.Contract)
            .Column("category", e => e.Category);

    public static RouteHandlerBuilder MapListEmployees(this RouteGroupBuilder employees) =>
        employees.MapGet("/", HandleAsync)
            .WithName("ListEmployees")
            .WithSummary("Lists the employees of the establishment, with search, filters, sort and paging (Gérer les salariés).");

    public static async Task<Results<Ok<ListPage<EmployeeView>>, ValidationProblem>> HandleAsync(
        string siret, [AsParameters] ListQuery list, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? search = null, bool? active = null, string? contract = null, string? category = null)
    {
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        var errors = new FieldErrors();
        EmploymentContract? contractFilter = null;
        if (!string.IsNullOrWhiteSpace(contract))
        {
            if (EnumCodes.TryParse<EmploymentContract>(contract, out var parsed)) contractFilter = parsed;
            else errors.Add("contract", $"Le contrat doit être l'un de : {string.Join(", ", Enum.GetNames<EmploymentContract>())}.");
        }
        SocioProfessionalCategory? categoryFilter = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (EnumCodes.TryParse<SocioProfessionalCategory>(category, out var parsed)) categoryFilter = parsed;
            else errors.Add("category", $"La catégorie doit être l'une de : {string.Join(", ", Enum.GetNames<SocioProfessionalCategory>())}.");
        }
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Le filtre demandé n'est pas valide.");

        var key = SiretKey.Of(siret);
        var rows = db.Employees.Where(e => e.Siret == key);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = LikePattern.Containing(search);
            rows = rows.Where(e => EF.Functions.ILike(e.LastName, pattern) || EF.Functions.ILike(e.FirstName, pattern)
                                   || (e.Matricule != null && EF.Functions.ILike(e.Matricule, pattern)));
        }
        if (active is { } employed)
        {
            var today = ParisCalendar.Today(time);
            rows = employed ? rows.Where(e => e.ExitDate == null || e.ExitDate >= today) : rows.Where(e => e.ExitDate < today);
        }
        if (contractFilter is { } c) rows = rows.Where(e => e.Contract == c);
        if (categoryFilter is { } k) rows = rows.Where(e => e.Category == k);

        var page = await request.ToPageAsync(rows, EmployeeView.Projection, cancellationToken);
        return TypedResults.Ok(page.Map(e => e.WithLabels()));
    }
}
