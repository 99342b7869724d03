namespace Opco.Dossier.Domain.Contracts;

/// <summary>Step 1 « Salarié »: the trainee (an employee of the establishment) and the public the contract is open to.</summary>
public sealed record TraineeForm(Guid? EmployeeId, string? Public);

/// <summary>Step 2 « Tuteur ».</summary>
public sealed record TutorForm(Guid? TutorEmployeeId, int? TutorExperienceYears, bool? TutorAidRequested);

/// <summary>Step 3 « Contrat »: for a CDI, the dates are those of the professionalisation action.</summary>
public sealed record TermsForm(string? Kind, int? ContractType, DateOnly? SignedOn, DateOnly? StartDate, DateOnly? EndDate, decimal? WeeklyHours,
    string? Job, string? QualificationKind, string? QualificationCode);

/// <summary>Step 4 « Formation ».</summary>
public sealed record TrainingForm(Guid? TrainingProviderId, DateOnly? TrainingStartDate, DateOnly? TrainingEndDate, decimal? TrainingHours);

/// <summary>Step 5 « Rémunération ».</summary>
public sealed record PayForm(decimal? MonthlyGrossPay);

/// <summary>
/// What the legal checks read beyond the contract itself: the branch's figures, whether the chosen organisme is
/// Qualiopi certified today, and how many other trainees the chosen tutor already follows.
/// </summary>
public sealed record ContractContext(ContractFundingRules Rules, bool? ProviderCertified, int TutorOtherTrainees);

/// <summary>A legal check still failing: it blocks the transmission; its field is on the step named.</summary>
public sealed record ContractCheck(int Step, string Field, string Message);

/// <summary>The funding shown before transmission: the branch forfait × training hours, and the tutor aid when asked.</summary>
public sealed record ContractFunding(decimal HourlyForfait, decimal? TrainingCost, decimal TutorAid, decimal? Total, int TutorAidMonths,
    decimal TutorAidPerMonth);
