namespace Opco.Web.Api;

public sealed record EmployeeSheet(Guid Id, string Siret, string Civility, string LastName, string FirstName, DateOnly BirthDate,
    string? Matricule, DateOnly EntryDate, DateOnly? ExitDate, string Contract, string ContractLabel, int WorkingTimePercent,
    string Category, string CategoryLabel, string? JobTitle, DateTimeOffset UpdatedAt);

public sealed record EmployeeSheetsPage(IReadOnlyList<EmployeeSheet> Items, int Total, int Page, int PageSize, string Sort, string Direction);

/// <summary>What the employee form sends; the dossier service checks every field.</summary>
public sealed record EmployeeInput(string? Civility, string? LastName, string? FirstName, DateOnly? BirthDate, string? Matricule,
    DateOnly? EntryDate, DateOnly? ExitDate, string? Contract, int? WorkingTimePercent, string? Category, string? JobTitle);

public sealed record WageEntry(DateOnly AppliesFrom, decimal HourlyGross, DateTimeOffset RecordedAt);

public sealed record EmployeeWages(Guid EmployeeId, WageEntry? Current, IReadOnlyList<WageEntry> History);

public sealed record ImportLineError(int Line, string? Column, string Message);

public sealed record ImportReport(bool DryRun, int Lines, int Valid, int Created, int Updated, int WagesRecorded, IReadOnlyList<ImportLineError> Errors);
