using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.Messaging;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Employees;

/// <summary>"Modifier" an employee, and ending the employment by giving its exit date.</summary>
public static class EditEmployee
{
    public static RouteHandlerBuilder MapEditEmployee(this RouteGroupBuilder employees) =>
        employees.MapPut("/{employeeId:guid}", HandleAsync)
            .WithName("EditEmployee")
            .WithSummary("Changes an employee's details, the exit date included (Gérer les salariés).");

    public static async Task<Results<Ok<EmployeeView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string siret, Guid employeeId, EmployeeForm request, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = SiretKey.Of(siret);
        var employee = await db.Employees.SingleOrDefaultAsync(e => e.Id == employeeId && e.Siret == key, cancellationToken);
        if (employee is null) return EmployeeProblems.NotFound();
        var errors = employee.Edit(request, ParisCalendar.Today(time), time.GetUtcNow());
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: EmployeeProblems.InvalidEmployee);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.On(error, EmployeeConfiguration.OneMatriculePerEstablishment))
        {
            return EmployeeProblems.MatriculeTaken();
        }
        catch (DbUpdateConcurrencyException)
        {
            return EmployeeProblems.ChangedMeanwhile();
        }
        return TypedResults.Ok(EmployeeView.Of(employee));
    }
}
