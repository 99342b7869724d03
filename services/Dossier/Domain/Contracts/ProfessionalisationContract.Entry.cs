using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Contracts;

/// <summary>
/// Steps 1 to 6, each saved as a draft: a missing field is allowed (the step shows it missing), a wrong one is not, and
/// neither is a value failing a legal check of its step (the checks spanning steps are listed again at transmission).
/// </summary>
public sealed partial class ProfessionalisationContract
{
    /// <summary>Step 1: <paramref name="trainee"/> is the employee chosen, found on this establishment (null when not).</summary>
    public FieldErrors SaveTrainee(TraineeForm form, Employee? trainee, ContractContext context, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        if (form.EmployeeId is not null && trainee is null) errors.Add("employeeId", "Choisissez un salarié de l'établissement.");
        else if (AmendsId is not null && trainee?.Id != TraineeEmployeeId)
            errors.Add("employeeId", $"Un avenant porte sur le salarié du contrat n° {AmendsNumber} : il ne peut pas en changer.");
        ContractPublic? audience = null;
        if (form.Public is not null)
        {
            if (EnumCodes.TryParse<ContractPublic>(form.Public, out var parsed)) audience = parsed;
            else errors.Add("public", "Choisissez le public auquel appartient le salarié.");
        }
        if (!errors.IsEmpty) return errors;
        Block(Current with { TraineeId = trainee?.Id, BirthDate = trainee?.BirthDate, Public = audience }, context, 1, errors);
        if (!errors.IsEmpty) return errors;
        (TraineeEmployeeId, TraineeName, TraineeBirthDate, Public) = (trainee?.Id, trainee is null ? null : NameOf(trainee), trainee?.BirthDate, audience);
        UpdatedAt = now;
        return errors;
    }

    /// <summary>Step 2: <paramref name="tutor"/> is the employee chosen, found on this establishment (null when not).</summary>
    public FieldErrors SaveTutor(TutorForm form, Employee? tutor, ContractContext context, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        if (form.TutorEmployeeId is not null && tutor is null) errors.Add("tutorEmployeeId", "Choisissez un salarié de l'établissement comme tuteur.");
        if (form.TutorExperienceYears is < 0 or > MaxExperienceYears)
            errors.Add("tutorExperienceYears", $"Indiquez l'expérience du tuteur en années, de 0 à {MaxExperienceYears}.");
        if (!errors.IsEmpty) return errors;
        Block(Current with { TutorId = tutor?.Id, TutorYears = form.TutorExperienceYears }, context, 2, errors);
        if (!errors.IsEmpty) return errors;
        (TutorEmployeeId, TutorName, TutorExperienceYears, TutorAidRequested) =
            (tutor?.Id, tutor is null ? null : NameOf(tutor), form.TutorExperienceYears, form.TutorAidRequested);
        UpdatedAt = now;
        return errors;
    }

    /// <summary>Step 3. An avenant keeps its type (5); a contract is of type 1 to 4.</summary>
    public FieldErrors SaveTerms(TermsForm form, ContractContext context, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        ContractKind? kind = null;
        if (form.Kind is not null)
        {
            if (EnumCodes.TryParse<ContractKind>(form.Kind, out var parsed)) kind = parsed;
            else errors.Add("kind", "Choisissez la nature du contrat : CDD ou CDI.");
        }
        QualificationKind? qualification = null;
        if (form.QualificationKind is not null)
        {
            if (EnumCodes.TryParse<QualificationKind>(form.QualificationKind, out var parsed)) qualification = parsed;
            else errors.Add("qualificationKind", "Choisissez le type de qualification visée : RNCP ou CQP.");
        }
        if (AmendsId is null && form.ContractType is not null and not (>= 1 and <= 4))
            errors.Add("contractType", "Choisissez le type de contrat : initial (1) ou succession de contrats (2 à 4) ; un avenant se déclare depuis le contrat.");
        if (form.WeeklyHours is { } weekly && (weekly <= 0 || weekly > ContractLaw.MaxWeeklyHours || decimal.Round(weekly, 2) != weekly))
            errors.Add("weeklyHours", $"Indiquez une durée hebdomadaire supérieure à 0 et d'au plus {ContractLaw.MaxWeeklyHours:0} heures (deux décimales au plus).");
        CheckDate(form.SignedOn, "signedOn", errors);
        CheckDate(form.StartDate, "startDate", errors);
        CheckDate(form.EndDate, "endDate", errors);
        var job = Text(form.Job, "job", "L'emploi occupé", JobMaxLength, errors);
        var code = Text(form.QualificationCode, "qualificationCode", "Le code de la qualification", QualificationCodeMaxLength, errors)?.ToUpperInvariant();
        if (!errors.IsEmpty) return errors;
        Block(Current with
        {
            SignedOn = form.SignedOn, Start = form.StartDate, End = form.EndDate, WeeklyHours = form.WeeklyHours, QualificationKind = qualification,
            QualificationCode = code,
        }, context, 3, errors);
        if (!errors.IsEmpty) return errors;
        (Kind, SignedOn, StartDate, EndDate, WeeklyHours, Job, QualificationKind, QualificationCode) =
            (kind, form.SignedOn, form.StartDate, form.EndDate, form.WeeklyHours, job, qualification, code);
        if (AmendsId is null && form.ContractType is { } type) ContractType = type;
        UpdatedAt = now;
        return errors;
    }

    /// <summary>Step 4: <paramref name="context"/> says whether the organisme chosen is certified.</summary>
    public FieldErrors SaveTraining(TrainingForm form, TrainingProvider? provider, ContractContext context, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        if (form.TrainingProviderId is not null && provider is null) errors.Add("trainingProviderId", "Choisissez un organisme du référentiel.");
        if (form.TrainingHours is { } hours && (hours <= 0 || hours > FundingDossier.MaxHours || decimal.Round(hours, 2) != hours))
            errors.Add("trainingHours", "Indiquez un nombre d'heures supérieur à 0 et d'au plus 10 000 (deux décimales au plus).");
        CheckDate(form.TrainingStartDate, "trainingStartDate", errors);
        CheckDate(form.TrainingEndDate, "trainingEndDate", errors);
        if (!errors.IsEmpty) return errors;
        Block(Current with { TrainingStart = form.TrainingStartDate, TrainingEnd = form.TrainingEndDate, TrainingHours = form.TrainingHours }, context, 4,
            errors);
        if (!errors.IsEmpty) return errors;
        (TrainingProviderId, TrainingStartDate, TrainingEndDate, TrainingHours) = (provider?.Id, form.TrainingStartDate, form.TrainingEndDate, form.TrainingHours);
        UpdatedAt = now;
        return errors;
    }

    /// <summary>Step 5: euros and cents, at least the minimum for the trainee's age.</summary>
    public FieldErrors SavePay(PayForm form, ContractContext context, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        if (form.MonthlyGrossPay is { } pay && (pay <= 0 || pay > MaxMonthlyPay || decimal.Round(pay, 2) != pay))
            errors.Add("monthlyGrossPay", "Indiquez une rémunération mensuelle brute en euros et centimes, supérieure à 0 €.");
        if (!errors.IsEmpty) return errors;
        Block(Current with { MonthlyPay = form.MonthlyGrossPay }, context, 5, errors);
        if (!errors.IsEmpty) return errors;
        MonthlyGrossPay = form.MonthlyGrossPay;
        UpdatedAt = now;
        return errors;
    }

    /// <summary>Step 6: a piece, while the contract is a draft.</summary>
    public string? AddDocument(ContractDocumentKind kind, string fileName, string contentType, long size, Actor by, DateTimeOffset now,
        out ContractDocument? document)
    {
        document = null;
        if (!IsEditable) return NotEditableReason;
        document = ContractDocument.Of(Id, kind, fileName, contentType, size, by, now);
        Documents.Add(document);
        UpdatedAt = now;
        return null;
    }

    public string? RemoveDocument(Guid documentId, DateTimeOffset now)
    {
        if (!IsEditable) return NotEditableReason;
        var document = Documents.FirstOrDefault(d => d.Id == documentId);
        if (document is null) return "Cette pièce n'est pas dans le contrat.";
        Documents.Remove(document);
        UpdatedAt = now;
        return null;
    }

    private static string NameOf(Employee employee) => $"{employee.LastName.ToUpperInvariant()} {employee.FirstName}";
}
