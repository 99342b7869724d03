using Opco.Web.Api;

namespace Opco.Web.Domain;

/// <summary>
/// What the steps of a contrat de professionnalisation hold while they are filled, and the body each step's PUT sends;
/// the dossier service checks every field. Empty choices are sent as null ("missing is fine" in a draft).
/// </summary>
public sealed class ContractEntryForm
{
    // 1 « Salarié »
    public Guid? EmployeeId { get; set; }
    public string? Public { get; set; }
    // 2 « Tuteur »
    public Guid? TutorEmployeeId { get; set; }
    /// <summary>Years, typed in a number field (whole numbers only).</summary>
    public decimal? TutorExperienceYears { get; set; }
    public bool? TutorAidRequested { get; set; }
    // 3 « Contrat »
    public string? Kind { get; set; }
    /// <summary>1 initial, 2 to 4 successive; an avenant's (5) is not chosen.</summary>
    public int? ContractType { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? WeeklyHours { get; set; }
    public string? Job { get; set; }
    public string? QualificationKind { get; set; }
    public string? QualificationCode { get; set; }
    // 4 « Formation »
    public Guid? TrainingProviderId { get; set; }
    public DateOnly? TrainingStartDate { get; set; }
    public DateOnly? TrainingEndDate { get; set; }
    public decimal? TrainingHours { get; set; }
    // 5 « Rémunération »
    public decimal? MonthlyGrossPay { get; set; }

    public static ContractEntryForm Of(ContractView c) => new()
    {
        EmployeeId = c.Trainee?.EmployeeId, Public = c.Public,
        TutorEmployeeId = c.Tutor?.EmployeeId, TutorExperienceYears = c.TutorExperienceYears, TutorAidRequested = c.TutorAidRequested,
        Kind = c.Kind, ContractType = c.ContractType, SignedOn = c.SignedOn, StartDate = c.StartDate, EndDate = c.EndDate, WeeklyHours = c.WeeklyHours, Job = c.Job,
        QualificationKind = c.QualificationKind, QualificationCode = c.QualificationCode,
        TrainingProviderId = c.Provider?.Id, TrainingStartDate = c.TrainingStartDate, TrainingEndDate = c.TrainingEndDate, TrainingHours = c.TrainingHours,
        MonthlyGrossPay = c.MonthlyGrossPay,
    };

    public object TraineeBody() => new { employeeId = EmployeeId, @public = NullIfEmpty(Public) };

    public object TutorBody() => new
    {
        tutorEmployeeId = TutorEmployeeId,
        // Out of range, still sent as a number the API refuses on the field.
        tutorExperienceYears = TutorExperienceYears is { } years ? (int?)decimal.ToInt32(Math.Clamp(decimal.Truncate(years), int.MinValue, int.MaxValue)) : null,
        tutorAidRequested = TutorAidRequested,
    };

    public object TermsBody() => new
    {
        kind = NullIfEmpty(Kind), contractType = ContractType is >= 1 and <= 4 ? ContractType : null, signedOn = SignedOn, startDate = StartDate, endDate = EndDate, weeklyHours = WeeklyHours, job = NullIfEmpty(Job),
        qualificationKind = NullIfEmpty(QualificationKind), qualificationCode = NullIfEmpty(QualificationCode),
    };

    public object TrainingBody() => new
    {
        trainingProviderId = TrainingProviderId, trainingStartDate = TrainingStartDate, trainingEndDate = TrainingEndDate, trainingHours = TrainingHours,
    };

    public object PayBody() => new { monthlyGrossPay = MonthlyGrossPay };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
