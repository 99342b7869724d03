using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.Messaging;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Employees;

/// <summary>"Ajouter un salarié" on an establishment.</summary>
public static class CreateEmployee
{
    public static RouteHandlerBuilder MapCreateEmployee(this RouteGroupBuilder employees) =>
        employees.MapPost("/", HandleAsync)
            .WithName("CreateEmployee")
            .WithSummary("Adds an employee to the establishment (Gérer les salariés).");

    public static async Task<Results<Created<EmployeeView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string siret, EmployeeForm request, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (employee, errors) = Employee.Create(SiretKey.Of(siret), request, ParisCalendar.Today(time), time.GetUtcNow());
        if (employee is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: EmployeeProblems.InvalidEmployee);
        db.Employees.Add(employee);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.On(error, EmployeeConfiguration.OneMatriculePerEstablishment))
        {
            return EmployeeProblems.MatriculeTaken();
        }
        return TypedResults.Created($"/api/dossier/establishments/{employee.Siret}/employees/{employee.Id}", EmployeeView.Of(employee));
    }
}
