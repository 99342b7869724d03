using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.Messaging;
using Opco.SharedKernel;

namespace Opco.Dossier.Features.Employees;

/// <summary>
/// "Gérer le salaire horaire" (Données sensibles only): an employee's gross hourly wages, newest first, and recording one
/// from a date. Each read and each change is audited; the wage itself never leaves these two endpoints.
/// </summary>
public static class HourlyWages
{
    private const string InvalidWage = "Le salaire horaire contient des erreurs.";

    public sealed record Wage(DateOnly AppliesFrom, decimal HourlyGross, DateTimeOffset RecordedAt);

    public sealed record Response(Guid EmployeeId, Wage? Current, IReadOnlyList<Wage> History);

    public sealed record Request(DateOnly? AppliesFrom, decimal? HourlyGross);

    public static RouteGroupBuilder MapHourlyWages(this RouteGroupBuilder wages)
    {
        wages.MapGet("/", ReadAsync)
            .WithName("EmployeeHourlyWages")
            .WithSummary("An employee's hourly wages, the one applying today first (Gérer le salaire horaire; audited).");
        wages.MapPost("/", RecordAsync)
            .WithName("RecordEmployeeHourlyWage")
            .WithSummary("Records an employee's gross hourly wage from a date (Gérer le salaire horaire; audited).");
        return wages;
    }

    public static async Task<Results<Ok<Response>, ProblemHttpResult>> ReadAsync(string siret, Guid employeeId, HttpContext http,
        DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var employee = await LoadAsync(db, siret, employeeId, cancellationToken);
        if (employee is null) return EmployeeProblems.NotFound();
        db.WageAccesses.Add(WageAccess.Of(time.GetUtcNow(), http.User.UserId()!.Value, employee.Siret, employee.Id, WageAccessKind.Read));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ResponseOf(employee, ParisCalendar.Today(time)));
    }

    public static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> RecordAsync(string siret, Guid employeeId,
        Request request, HttpContext http, DossierDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var employee = await LoadAsync(db, siret, employeeId, cancellationToken);
        if (employee is null) return EmployeeProblems.NotFound();
        var by = http.User.UserId()!.Value;
        var now = time.GetUtcNow();
        var errors = employee.RecordWage(request.AppliesFrom, request.HourlyGross, by, now);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidWage);
        db.WageAccesses.Add(WageAccess.Of(now, by, employee.Siret, employee.Id, WageAccessKind.Change));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.On(error, HourlyWageConfiguration.OnePerDate))
        {
            return FieldProblem.Of(StatusCodes.Status409Conflict, InvalidWage, "appliesFrom", Employee.WageDateTaken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EmployeeProblems.ChangedMeanwhile();
        }
        return TypedResults.Ok(ResponseOf(employee, ParisCalendar.Today(time)));
    }

    private static Task<Employee?> LoadAsync(DossierDbContext db, string siret, Guid employeeId, CancellationToken cancellationToken)
    {
        var key = SiretKey.Of(siret);
        return db.Employees.Include(e => e.Wages).SingleOrDefaultAsync(e => e.Id == employeeId && e.Siret == key, cancellationToken);
    }

    private static Response ResponseOf(Employee employee, DateOnly today)
    {
        var current = employee.WageOn(today);
        return new Response(employee.Id, current is null ? null : WageOf(current),
            [.. employee.Wages.OrderByDescending(w => w.AppliesFrom).Select(WageOf)]);
    }

    private static Wage WageOf(HourlyWage wage) => new(wage.AppliesFrom, wage.HourlyGross, wage.RecordedAt);
}
