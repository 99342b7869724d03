namespace Opco.Web.Api;

// The contrats de professionnalisation as the dossier service shows them (issue #14); the step states are the dossiers' DossierStep.

public sealed record ContractRow(Guid Id, long Number, string Siret, string Status, string StatusLabel, int ContractType,
    string ContractTypeLabel, string? TraineeName, string? TutorName, string? Job, DateOnly? StartDate, DateOnly? EndDate,
    DateOnly? DecisionDueOn, decimal? Funding, long? AmendsNumber, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ContractRowsPage(IReadOnlyList<ContractRow> Items, int Total, int Page, int PageSize, string Sort, string Direction);

/// <summary>The trainee or the tutor: an employee of the establishment; the birth date is the trainee's only.</summary>
public sealed record ContractPerson(Guid EmployeeId, string Name, DateOnly? BirthDate);

public sealed record ContractProvider(Guid Id, string Siret, string Nda, string Name, string City, bool IsQualiopiCertified) : IChosenProvider;

/// <summary>The legal minimum pay for the trainee's age at the start: a share of the SMIC, and what it makes per month.</summary>
public sealed record ContractPay(int AgeAtStart, decimal MinimumRate, decimal MinimumMonthly);

/// <summary>The branch hourly forfait on the training hours, and the tutor aid.</summary>
public sealed record ContractFunding(decimal HourlyForfait, decimal? TrainingCost, decimal TutorAid, decimal? Total, int TutorAidMonths,
    decimal TutorAidPerMonth);

/// <summary>A legal check still failing: it blocks the transmission and belongs to a step.</summary>
public sealed record ContractCheck(int Step, string Field, string Message);

public sealed record ContractDocument(Guid Id, string Kind, string KindLabel, string FileName, string ContentType, long Size,
    DateTimeOffset UploadedAt, string UploadedByName);

public sealed record ContractAmendment(Guid Id, long Number, string Status, string StatusLabel);

public sealed record ContractHistoryEntry(DateTimeOffset At, string By, string? From, string? FromLabel, string To, string ToLabel, string? Reason);

public sealed record ContractOption(string Code, string Label);

/// <summary>A contract as the dossier service shows it, step by step, with its decision and its history.</summary>
public sealed record ContractView(
    Guid Id, long Number, string Siret, string Status, string StatusLabel, bool Editable, string? NotEditableReason,
    string HandlerName, string CreatedByName, DateTimeOffset CreatedAt, int CurrentStep, IReadOnlyList<DossierStep> Steps,
    ContractPerson? Trainee, string? Public, string? PublicLabel,
    ContractPerson? Tutor, int? TutorExperienceYears, bool? TutorAidRequested,
    string? Kind, string? KindLabel, int ContractType, string ContractTypeLabel, DateOnly? SignedOn, DateOnly? StartDate, DateOnly? EndDate,
    decimal? WeeklyHours, string? Job, string? QualificationKind, string? QualificationCode,
    ContractProvider? Provider, DateOnly? TrainingStartDate, DateOnly? TrainingEndDate, decimal? TrainingHours,
    decimal? MonthlyGrossPay, ContractPay? Pay,
    IReadOnlyList<ContractDocument> Documents,
    ContractFunding Funding, IReadOnlyList<ContractCheck> Checks, IReadOnlyList<string> Warnings,
    DateOnly? TransmittedOn, DateOnly? DecisionDueOn, string? DecisionDueText, bool SilentAcceptance,
    decimal? CommittedAmount, string? RefusalReason, DateOnly? TerminatedOn, string? TerminationReason, string? CommitmentFailure,
    Guid? AmendsId, long? AmendsNumber, IReadOnlyList<ContractAmendment> Amendments,
    IReadOnlyList<ContractHistoryEntry> History,
    IReadOnlyList<ContractOption> Publics, uint Version);

/// <summary>A contract after a move (transmission, rupture), with the warnings that did not block it.</summary>
public sealed record ContractMove(ContractView Contract, IReadOnlyList<string> Warnings);
