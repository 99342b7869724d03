namespace Opco.Web.Api;

// « Suivi financier de l'activité » and the reportings DEFi Performance as the dossier service answers them: decimals are euros to the cent.

public sealed record ActivityLine(string Label, decimal Committed, decimal Released, decimal NetCommitted, decimal Paid);

public sealed record ActivityFollowUp(string Siret, int Year, bool EmployeesNamed, IReadOnlyList<ActivityLine> Months, IReadOnlyList<ActivityLine> Schemes,
    IReadOnlyList<ActivityLine> Employees, ActivityLine Totals);

public sealed record DefiReportJob(Guid Id, int Year, string Status, string StatusLabel, int Progress, string Step, DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt, string? Failure, IReadOnlyList<string> Sirets)
{
    public bool IsWaiting => Status is "Requested" or "InProgress";
}

public sealed record DefiReports(string Siren, string? CompanyName, bool OfferAllowsReports, IReadOnlyList<string> Sirets, IReadOnlyList<DefiReportJob> Jobs);
