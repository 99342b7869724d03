using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;

namespace Opco.Dossier.Features.Employees;

/// <summary>One employee's record ("fiche salarié").</summary>
public static class EmployeeDetails
{
    public static RouteHandlerBuilder MapEmployeeDetails(this RouteGroupBuilder employees) =>
        employees.MapGet("/{employeeId:guid}", HandleAsync)
            .WithName("EmployeeDetails")
            .WithSummary("One employee of the establishment, without wages (Gérer les salariés).");

    public static async Task<Results<Ok<EmployeeView>, ProblemHttpResult>> HandleAsync(
        string siret, Guid employeeId, DossierDbContext db, CancellationToken cancellationToken)
    {
        var key = SiretKey.Of(siret);
        var employee = await db.Employees.Where(e => e.Id == employeeId && e.Siret == key)
            .Select(EmployeeView.Projection).SingleOrDefaultAsync(cancellationToken);
        return employee is null ? EmployeeProblems.NotFound() : TypedResults.Ok(employee.WithLabels());
    }
}
