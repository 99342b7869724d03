using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Activity;

/// <summary>What moved a dossier's money: its commitment (accepted), its release (cancelled), or a payment.</summary>
public enum FlowKind
{
    Committed,
    Released,
    Paid,
}

/// <summary>One movement of money of one dossier or contract, on the Paris day it happened.</summary>
public sealed record ActivityFlow(Guid CauseId, string Siret, string Scheme, FlowKind Kind, DateOnly Day, decimal Amount);

/// <summary>Who followed a dossier or contract, and for how many hours: how its amounts are shared between employees.</summary>
public sealed record ActivityTrainee(Guid CauseId, Guid EmployeeId, decimal Hours);

/// <summary>Committed, released and paid, with the commitment net of releases.</summary>
public sealed record ActivityAmounts(decimal Committed, decimal Released, decimal Paid)
{
    public static readonly ActivityAmounts Zero = new(0m, 0m, 0m);

    public decimal NetCommitted => Committed - Released;

    public ActivityAmounts Add(FlowKind kind, decimal amount) => kind switch
    {
        FlowKind.Committed => this with { Committed = Committed + amount },
        FlowKind.Released => this with { Released = Released + amount },
        _ => this with { Paid = Paid + amount },
    };
}

/// <summary>
/// « Suivi financier de l'activité » of one year: committed, released and paid per month (Paris time), per scheme and per
/// employee (each amount shared by the trainees' hours), with the totals. Every view sums to the same totals.
/// </summary>
public sealed record ActivityReport(int Year, IReadOnlyList<ActivityReport.Month> Months, IReadOnlyList<ActivityReport.SchemeLine> Schemes,
    IReadOnlyList<ActivityReport.EmployeeLine> Employees, ActivityAmounts Totals)
{
    public sealed record Month(int Number, ActivityAmounts Amounts);

    public sealed record SchemeLine(string Scheme, ActivityAmounts Amounts);

    /// <summary><paramref name="EmployeeId"/> null: amounts of a dossier without trainees (none in practice).</summary>
    public sealed record EmployeeLine(Guid? EmployeeId, ActivityAmounts Amounts);

    /// <summary>The Paris day of a moment: a commitment at 23:30 UTC on 31 January is February's in Paris.</summary>
    public static DateOnly DayOf(DateTimeOffset moment) => ParisCalendar.DateOf(moment);

    public static ActivityReport Build(int year, IEnumerable<ActivityFlow> flows, IEnumerable<ActivityTrainee> trainees)
    {
        var ofYear = flows.Where(f => f.Day.Year == year && f.Amount != 0m).ToList();
        var byCause = trainees.GroupBy(t => t.CauseId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(Guid?, decimal)>)[.. g.OrderBy(t => t.EmployeeId).Select(t => ((Guid?)t.EmployeeId, t.Hours))]);
        var months = new ActivityAmounts[12];
        Array.Fill(months, ActivityAmounts.Zero);
        var schemes = new Dictionary<string, ActivityAmounts>();
        var employees = new Dictionary<Guid, ActivityAmounts>();
        var unassigned = ActivityAmounts.Zero;
        var totals = ActivityAmounts.Zero;
        foreach (var flow in ofYear)
        {
            months[flow.Day.Month - 1] = months[flow.Day.Month - 1].Add(flow.Kind, flow.Amount);
            schemes[flow.Scheme] = schemes.GetValueOrDefault(flow.Scheme, ActivityAmounts.Zero).Add(flow.Kind, flow.Amount);
            totals = totals.Add(flow.Kind, flow.Amount);
            var parts = byCause.GetValueOrDefault(flow.CauseId) ?? [];
            if (parts.Count == 0) unassigned = unassigned.Add(flow.Kind, flow.Amount);
            foreach (var (employee, share) in Apportionment.Split(flow.Amount, parts))
                employees[employee!.Value] = employees.GetValueOrDefault(employee.Value, ActivityAmounts.Zero).Add(flow.Kind, share);
        }
        List<EmployeeLine> employeeLines = [.. employees.OrderBy(e => e.Key).Select(e => new EmployeeLine(e.Key, e.Value))];
        if (unassigned != ActivityAmounts.Zero) employeeLines.Add(new EmployeeLine(null, unassigned));
        return new ActivityReport(year, [.. months.Select((m, i) => new Month(i + 1, m))],
            [.. schemes.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SchemeLine(s.Key, s.Value))], employeeLines, totals);
    }
}
