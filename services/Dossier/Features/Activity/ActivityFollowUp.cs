using Microsoft.AspNetCore.Http.HttpResults;
using Opco.Api.Lists;
using Opco.Authorization.Establishments;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Activity;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Dossier.Features.Activity;

/// <summary>
/// « Suivi financier de l'activité » of an establishment for a year: committed, released and paid per month, per scheme and
/// per employee, with the totals; the same tables as CSV. Employees are named only to who may see them (« Gérer les salariés »).
/// </summary>
public static class ActivityFollowUp
{
    public sealed record Line(string Label, decimal Committed, decimal Released, decimal NetCommitted, decimal Paid)
    {
        public static Line Of(string label, ActivityAmounts amounts) => new(label, amounts.Committed, amounts.Released, amounts.NetCommitted, amounts.Paid);
    }

    public sealed record Response(string Siret, int Year, bool EmployeesNamed, IReadOnlyList<Line> Months, IReadOnlyList<Line> Schemes,
        IReadOnlyList<Line> Employees, Line Totals);

    public static RouteGroupBuilder MapActivityFollowUp(this RouteGroupBuilder activity)
    {
        activity.MapGet("", GetAsync).WithName("ActivityFollowUp")
            .WithSummary("Committed vs paid of the establishment for a year: per month, per scheme, per employee, with the totals.");
        activity.MapGet("/export", ExportAsync).WithName("ExportActivityFollowUp")
            .WithSummary("The same tables as CSV (UTF-8 with BOM, ';', decimal comma).");
        return activity;
    }

    public static async Task<Results<Ok<Response>, ValidationProblem>> GetAsync(string siret, HttpContext http, DossierDbContext db, TimeProvider time,
        CancellationToken cancellationToken, int? year = null)
    {
        if (!TryYear(year, time, out var chosen, out var invalid)) return invalid;
        return TypedResults.Ok(await BuildAsync(db, siret, chosen, NamesEmployees(http), cancellationToken));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(string siret, HttpContext http, DossierDbContext db,
        TimeProvider time, CancellationToken cancellationToken, int? year = null)
    {
        if (!TryYear(year, time, out var chosen, out var invalid)) return invalid;
        var report = await BuildAsync(db, siret, chosen, NamesEmployees(http), cancellationToken);
        return TypedResults.File(Csv([(siret, report)]), "text/csv; charset=utf-8", $"suivi-financier-{siret}-{chosen}.csv");
    }

    /// <summary>The year asked for, this year (Paris) when none, or the French problem.</summary>
    private static bool TryYear(int? year, TimeProvider time, out int chosen, out ValidationProblem invalid)
    {
        chosen = year ?? ParisCalendar.Today(time).Year;
        var errors = new FieldErrors();
        DefiReportJob.CheckYear(chosen, errors);
        invalid = TypedResults.ValidationProblem(errors.ToDictionary(), title: "L'année demandée n'est pas valide.");
        return errors.IsEmpty;
    }

    /// <summary>Names on the report only for a holder of « Gérer les salariés » on the establishment.</summary>
    private static bool NamesEmployees(HttpContext http) =>
        http.Features.Get<EstablishmentAccess>() is { } access && HabilitationMatrix.Allows(access.Held, Functionality.GererSalaries);

    public static async Task<Response> BuildAsync(DossierDbContext db, string siret, int year, bool named, CancellationToken cancellationToken)
    {
        var movements = await ActivityData.LoadAsync(db, [siret], year, cancellationToken);
        return await ViewAsync(db, siret, movements.ReportOf(year, siret), named, cancellationToken);
    }

    public static async Task<Response> ViewAsync(DossierDbContext db, string siret, ActivityReport report, bool named, CancellationToken cancellationToken)
    {
        var labels = await ActivityData.EmployeeLabelsAsync(db, report.Employees.Where(e => e.EmployeeId is not null).Select(e => e.EmployeeId!.Value),
            named, cancellationToken);
        var employees = report.Employees
            .Select(e => Line.Of(e.EmployeeId is { } id ? labels.GetValueOrDefault(id, "Salarié") : ActivityData.Unassigned, e.Amounts));
        return new Response(siret, report.Year, named,
            [.. report.Months.Select(m => Line.Of(ActivityData.MonthLabel(m.Number), m.Amounts))],
            [.. report.Schemes.Select(s => Line.Of(s.Scheme, s.Amounts))],
            [.. named ? employees.OrderBy(e => e.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), false)) : employees],
            Line.Of("Total", report.Totals));
    }

    /// <summary>One file for the three tables and the totals of each establishment: a column says which table a line is of.</summary>
    public static byte[] Csv(IEnumerable<(string Siret, Response Report)> reports) => CsvExport.Build(
        ["SIRET", "Année", "Tableau", "Libellé", "Engagé", "Libéré (annulations)", "Engagé net", "Payé"],
        reports.SelectMany(r => Rows(r.Siret, r.Report)));

    private static IEnumerable<IReadOnlyList<object?>> Rows(string siret, Response report)
    {
        IReadOnlyList<object?> Row(string table, Line line) =>
            [siret, report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), table, line.Label, line.Committed, line.Released, line.NetCommitted, line.Paid];
        foreach (var month in report.Months) yield return Row("Mois", month);
        foreach (var scheme in report.Schemes) yield return Row("Dispositif", scheme);
        foreach (var employee in report.Employees) yield return Row("Salarié", employee);
        yield return Row("Total", report.Totals);
    }
}
