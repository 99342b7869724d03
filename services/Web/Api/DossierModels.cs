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

public sealed record DossierRow(Guid Id, long Number, string Siret, string Status, string StatusLabel, string? SchemeCode, string? SchemeLabel,
    string? Title, DateOnly? StartDate, DateOnly? EndDate, decimal? RequestedAmount, decimal? GrantedAmount, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record DossierRowsPage(IReadOnlyList<DossierRow> Items, int Total, int Page, int PageSize, string Sort, string Direction);

public sealed record DossierStep(int Number, string Name, bool Complete, IReadOnlyList<string> Missing);

/// <summary>A training provider as the « Organisme » step names the one chosen (a dossier's, a contract's, or one just found).</summary>
public interface IChosenProvider
{
    string Siret { get; }
    string Nda { get; }
    string Name { get; }
}

public sealed record DossierProvider(Guid Id, string Siret, string Nda, string Name, string City, bool IsQualiopiCertified, string? MaskedIban)
    : IChosenProvider;

public sealed record DossierTrainee(Guid EmployeeId, string Name, decimal Hours, decimal HoursOutsideWorkingTime, decimal? HourlyWage,
    decimal? SalaryCost, bool WageMissing);

public sealed record DossierIncidental(string Kind, string KindLabel, decimal Quantity, decimal UnitAmount);

public sealed record DossierCosts(decimal? TeachingCost, decimal TeachingFundable, decimal? SalaryCost, string? SalaryCostNote,
    IReadOnlyList<DossierIncidental> IncidentalCosts, decimal IncidentalCost, decimal IncidentalFundable, decimal? FundableTotal,
    decimal? RequestedAmount, IReadOnlyList<string> Warnings);

public sealed record DossierDocument(Guid Id, string Kind, string KindLabel, string FileName, string ContentType, long Size,
    DateTimeOffset UploadedAt, string UploadedByName);

public sealed record DossierHistoryEntry(DateTimeOffset At, string ByName, string? From, string? FromLabel, string To, string ToLabel, string? Reason);

public sealed record DossierComment(DateTimeOffset At, string AuthorName, bool ByAdvisor, string Text);

/// <summary>A dossier as the dossier service shows it; wages and the salary cost are absent for who may not see them.</summary>
public sealed record DossierSheet(
    Guid Id, long Number, string Siret, string Status, string StatusLabel, bool Editable, string? NotEditableReason, string HandlerName,
    string CreatedByName, DateTimeOffset CreatedAt, int CurrentStep, IReadOnlyList<DossierStep> Steps,
    string? SchemeCode, string? SchemeLabel, bool? DirectPayment,
    string? Title, string? Nature, string? NatureLabel, string? Modality, string? ModalityLabel, string? CertificationCode, DateOnly? StartDate,
    DateOnly? EndDate, decimal? Hours, string? Place,
    DossierProvider? Provider, IReadOnlyList<DossierTrainee> Trainees, DossierCosts Costs, IReadOnlyList<DossierDocument> Documents,
    IReadOnlyList<DossierHistoryEntry> History, IReadOnlyList<DossierComment> Comments,
    decimal? GrantedAmount, string? RefusalReason, string? RequestedDocuments, DateOnly? DocumentsDueOn, string? CommitmentFailure,
    Guid? CatalogueOfferId, uint Version);

public sealed record DossierMove(DossierSheet Dossier, IReadOnlyList<string> Warnings);

public sealed record OfferedScheme(string Code, string Label, string FundingSource, bool CatalogueOnly, bool Offered, string? Reason,
    bool DirectPaymentOffered, string? DirectPaymentReason);

public sealed record OfferedSchemes(string? PreferredSiret, string? CompanyName, string? ServiceOffer, int? Headcount,
    IReadOnlyList<OfferedScheme> Schemes, string HowToChange);

public sealed record TrainingProviderHit(Guid Id, string Siret, string Nda, string Name, string Address, string PostalCode, string City,
    bool IsQualiopiCertified, string? MaskedIban) : IChosenProvider;

public sealed record AdvisorDossierRow(Guid Id, long Number, string Siret, string? CompanyName, string Status, string StatusLabel,
    string? SchemeCode, string? Title, DateOnly? StartDate, decimal? RequestedAmount, DateTimeOffset? TransmittedAt, DateOnly? DocumentsDueOn);

public sealed record AdvisorDossierRowsPage(IReadOnlyList<AdvisorDossierRow> Items, int Total, int Page, int PageSize, string Sort, string Direction);

/// <summary>A scheme with its rules and ceilings, as the administrators' screen shows it.</summary>
public sealed record SchemeSheet(string Code, string Label, string FundingKind, string FundingSource, bool CatalogueOnly, bool IsActive,
    string? RequiredOffer, int? MaxHeadcount, string EligibilityText, string? DirectPaymentRequiredOffer, int? DirectPaymentMaxHeadcount,
    string DirectPaymentText, decimal? TeachingCostPerHour, decimal? SalaryCostPerHour, decimal? MealCost, decimal? NightCost,
    decimal? CostPerKm, decimal? MaxPerAction, DateTimeOffset UpdatedAt);

/// <summary>The home page's dossier side of one establishment; a block is null when the user may not follow it there.</summary>
public sealed record DossierHome(HomeDossiers? Dossiers, HomeContracts? Contracts);

public sealed record HomeDossiers(int Drafts, int AwaitingDocuments, int RecentDecisions, IReadOnlyList<HomeDossierLine> Lines);

public sealed record HomeDossierLine(Guid Id, long Number, string Status, string StatusLabel, string? Title, DateOnly? DocumentsDueOn,
    DateTimeOffset? DecidedAt, decimal? RequestedAmount, decimal? GrantedAmount);

public sealed record HomeContracts(int Drafts, int AwaitingDecision, IReadOnlyList<HomeContractLine> Lines);

public sealed record HomeContractLine(Guid Id, long Number, string Status, string StatusLabel, string? TraineeName, DateOnly? DecisionDueOn,
    string? DecisionDueText);
