using System.Text.RegularExpressions;
using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Contracts;

/// <summary>
/// "Contrat de professionnalisation" (domain.md): entered in steps like a dossier, checked against the law (blocking)
/// and the branch (warning), transmitted, decided within 20 days (silence means acceptance), then followed until it
/// ends or is broken off. Every move is one of <see cref="ContractStatuses.Transitions"/>, recorded in <see cref="History"/>.
/// The entry is in ProfessionalisationContract.Entry.cs, the moves in ProfessionalisationContract.Moves.cs.
/// </summary>
public sealed partial class ProfessionalisationContract
{
    public const int JobMaxLength = 200;
    public const int QualificationCodeMaxLength = 20;
    public const int ReasonMaxLength = 1000;
    public const decimal MaxMonthlyPay = 100_000m;
    public const int MaxExperienceYears = 60;

    public static readonly IReadOnlyList<ContractDocumentKind> RequiredDocuments = [ContractDocumentKind.SignedContract, ContractDocumentKind.Programme];

    public Guid Id { get; private set; }
    /// <summary>The number users quote (« contrat n° 12 »), from a database sequence.</summary>
    public long Number { get; private set; }
    /// <summary>The employer establishment.</summary>
    public string Siret { get; private set; } = "";
    public ContractStatus Status { get; private set; }
    /// <summary>1 initial, 2–4 successive, 5 avenant.</summary>
    public int ContractType { get; private set; } = 1;
    /// <summary>For an avenant: the contract it amends, and what that contract's acceptance committed (only the difference is funded).</summary>
    public Guid? AmendsId { get; private set; }
    public long? AmendsNumber { get; private set; }
    public decimal? PreviousCommitment { get; private set; }
    public Guid CreatedBy { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>PostgreSQL's row version: what a screen read, sent back with a step (If-Match) so that it cannot undo a newer save.</summary>
    public uint Version { get; private set; }
    /// <summary>Who at the OPCO handles it: the company's advisor, then the advisor who acted on it.</summary>
    public string HandlerName { get; private set; } = "";

    // 1 Salarié: name and birth date as the contract states them.
    public Guid? TraineeEmployeeId { get; private set; }
    public string? TraineeName { get; private set; }
    public DateOnly? TraineeBirthDate { get; private set; }
    public ContractPublic? Public { get; private set; }
    // 2 Tuteur
    public Guid? TutorEmployeeId { get; private set; }
    public string? TutorName { get; private set; }
    public int? TutorExperienceYears { get; private set; }
    public bool? TutorAidRequested { get; private set; }
    // 3 Contrat
    public ContractKind? Kind { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public decimal? WeeklyHours { get; private set; }
    public string? Job { get; private set; }
    public QualificationKind? QualificationKind { get; private set; }
    public string? QualificationCode { get; private set; }
    // 4 Formation
    public Guid? TrainingProviderId { get; private set; }
    public DateOnly? TrainingStartDate { get; private set; }
    public DateOnly? TrainingEndDate { get; private set; }
    public decimal? TrainingHours { get; private set; }
    // 5 Rémunération
    public decimal? MonthlyGrossPay { get; private set; }
    // 6 Pièces
    public List<ContractDocument> Documents { get; private set; } = [];

    // Decision and follow-up
    public DateTimeOffset? TransmittedAt { get; private set; }
    public DateOnly? TransmittedOn { get; private set; }
    public DateOnly? DecisionDueOn { get; private set; }
    /// <summary>Accepted because the OPCO did not decide within 20 days: finance records the commitment whatever the envelope.</summary>
    public bool SilentAcceptance { get; private set; }
    /// <summary>What the acceptance asks finance to commit, then what it committed.</summary>
    public decimal? CommittedAmount { get; private set; }
    public string? RefusalReason { get; private set; }
    public string? CommitmentFailure { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateOnly? TerminatedOn { get; private set; }
    public string? TerminationReason { get; private set; }

    public List<ContractHistoryEntry> History { get; private set; } = [];

    private ProfessionalisationContract() { }

    /// <summary>"Créer un contrat de pro": a draft on the employer establishment, handled by the company's advisor.</summary>
    public static ProfessionalisationContract Create(string siret, Actor by, string handlerName, DateTimeOffset now)
    {
        var contract = new ProfessionalisationContract
        {
            Id = Guid.CreateVersion7(now), Siret = siret, Status = ContractStatus.Draft, CreatedBy = by.UserId!.Value, CreatedByName = by.Name,
            CreatedAt = now, UpdatedAt = now, HandlerName = handlerName,
        };
        contract.History.Add(ContractHistoryEntry.Of(contract.Id, now, by, null, ContractStatus.Draft, null));
        return contract;
    }

    public bool IsEditable => Status == ContractStatus.Draft;

    public string NotEditableReason =>
        $"Le contrat est « {ContractStatuses.Label(Status)} » : il n'est plus modifiable. Pour toute modification, déclarez un avenant "
        + $"ou contactez son gestionnaire à l'OPCO, {HandlerName}.";

    // ---- Completeness ----

    public IReadOnlyList<StepState> Steps()
    {
        var steps = new List<StepState>
        {
            Step(1, "Salarié", (TraineeEmployeeId is null, "le salarié"), (Public is null, "le public")),
            Step(2, "Tuteur", (TutorEmployeeId is null, "le tuteur"), (TutorExperienceYears is null, "l'expérience du tuteur"),
                (TutorAidRequested is null, "la demande d'aide au tutorat")),
            Step(3, "Contrat", (Kind is null, "la nature du contrat (CDD ou CDI)"), (SignedOn is null, "la date de signature"),
                (StartDate is null, "la date de début"), (EndDate is null, "la date de fin"), (WeeklyHours is null, "la durée hebdomadaire"),
                (Job is null, "l'emploi occupé"), (QualificationKind is null || QualificationCode is null, "la qualification visée")),
            Step(4, "Formation", (TrainingProviderId is null, "l'organisme de formation"), (TrainingStartDate is null, "la date de début de la formation"),
                (TrainingEndDate is null, "la date de fin de la formation"), (TrainingHours is null, "la durée de la formation")),
            Step(5, "Rémunération", (MonthlyGrossPay is null, "la rémunération mensuelle brute")),
            Step(6, "Pièces", [.. RequiredDocuments.Select(k => (Documents.All(d => d.Kind != k), ContractLabels.Of(k).ToLowerInvariant()))]),
        };
        steps.Add(new StepState(7, "Récapitulatif", steps.All(s => s.Complete), []));
        return steps;
    }

    public int CurrentStep => Steps().FirstOrDefault(s => !s.Complete)?.Number ?? 7;

    private static StepState Step(int number, string name, params (bool Missing, string What)[] checks)
    {
        var missing = checks.Where(c => c.Missing).Select(c => c.What).ToList();
        return new StepState(number, name, missing.Count == 0, missing);
    }

    // ---- Funding ----

    public ContractFunding Funding(ContractFundingRules rules)
    {
        var training = TrainingHours is { } hours ? rules.TrainingFunding(hours) : (decimal?)null;
        var aid = TutorAidRequested == true ? rules.TutorAid : 0m;
        return new ContractFunding(rules.HourlyForfait, training, aid, training + aid, rules.TutorAidMonths, rules.TutorAidPerMonth);
    }

    /// <summary>What an acceptance commits: the funding, less what the amended contract already committed for an avenant.</summary>
    public decimal CommitmentToRequest(ContractFundingRules rules) =>
        Math.Max(0m, (Funding(rules).Total ?? 0m) - (PreviousCommitment ?? 0m));

    // ---- Legal checks ----

    /// <summary>What the checks read, so that a step can be checked with its new values before they are kept.</summary>
    private sealed record Facts(Guid? TraineeId, DateOnly? BirthDate, ContractPublic? Public, Guid? TutorId, int? TutorYears, DateOnly? SignedOn,
        DateOnly? Start, DateOnly? End, decimal? WeeklyHours, QualificationKind? QualificationKind, string? QualificationCode,
        DateOnly? TrainingStart, DateOnly? TrainingEnd, decimal? TrainingHours, decimal? MonthlyPay);

    private Facts Current => new(TraineeEmployeeId, TraineeBirthDate, Public, TutorEmployeeId, TutorExperienceYears, SignedOn, StartDate, EndDate,
        WeeklyHours, QualificationKind, QualificationCode, TrainingStartDate, TrainingEndDate, TrainingHours, MonthlyGrossPay);

    /// <summary>Every legal check still failing, in step order: none may remain at transmission.</summary>
    public IReadOnlyList<ContractCheck> LegalChecks(ContractContext context) => Checks(Current, context);

    private static readonly Regex RncpCode = new(@"^RNCP\d{3,6}$", RegexOptions.CultureInvariant);

    private static List<ContractCheck> Checks(Facts f, ContractContext context)
    {
        var checks = new List<ContractCheck>();
        void Fail(int step, string field, string message) => checks.Add(new ContractCheck(step, field, message));
        int? age = f.BirthDate is { } born && f.Start is { } start ? ContractLaw.AgeOn(born, start) : null;

        // 1 Salarié: age and public.
        if (age < ContractLaw.MinimumAge)
            Fail(1, "employeeId", $"Le salarié doit avoir au moins {ContractLaw.MinimumAge} ans au début du contrat : il aura {age} ans le {FrenchFormat.Date(f.Start!.Value)}.");
        else if (age is { } years && f.Public is { } audience)
        {
            if (audience is ContractPublic.Young or ContractPublic.UnqualifiedYoung && years > ContractLaw.YoungMaxAge)
                Fail(1, "public", $"Ce public concerne les jeunes de 16 à 25 ans : le salarié aura {years} ans au début du contrat.");
            else if (audience == ContractPublic.JobSeeker && years <= ContractLaw.YoungMaxAge)
                Fail(1, "public", $"Ce public concerne les demandeurs d'emploi de 26 ans et plus : le salarié aura {years} ans au début du contrat ; choisissez « {ContractLabels.Of(ContractPublic.Young)} ».");
        }

        // 2 Tuteur
        if (f.TutorId is not null && f.TutorId == f.TraineeId)
            Fail(2, "tutorEmployeeId", "Le tuteur ne peut pas être le salarié en contrat de professionnalisation.");
        else if (f.TutorId is not null && context.TutorOtherTrainees >= ContractLaw.TutorMaxTrainees)
            Fail(2, "tutorEmployeeId", $"Ce tuteur suit déjà {context.TutorOtherTrainees} salariés en contrat de professionnalisation : un tuteur en suit au plus {ContractLaw.TutorMaxTrainees}.");
        if (f.TutorYears < ContractLaw.TutorMinYears)
            Fail(2, "tutorExperienceYears", $"Le tuteur doit justifier d'au moins {ContractLaw.TutorMinYears} ans d'expérience dans le domaine de la qualification visée.");

        // 3 Contrat: dates, duration, qualification.
        if (f.SignedOn is { } signed && f.Start is { } begins && signed > begins)
            Fail(3, "signedOn", "Le contrat doit être signé au plus tard le jour de son début.");
        if (f.Start is { } from && f.End is { } to)
        {
            var maxMonths = ContractLaw.MaxMonthsFor(f.Public);
            if (to < from) Fail(3, "endDate", "La date de fin doit suivre la date de début.");
            else if (!ContractLaw.LastsAtLeast(from, to, ContractLaw.MinMonths) || !ContractLaw.LastsAtMost(from, to, maxMonths))
                Fail(3, "endDate", $"L'action de professionnalisation dure de {ContractLaw.MinMonths} à {maxMonths} mois"
                    + (maxMonths == ContractLaw.ExtendedMaxMonths ? " pour ce public" : $" ({ContractLaw.ExtendedMaxMonths} mois pour les publics qui le permettent)")
                    + $" : du {FrenchFormat.Date(from)}, elle doit finir entre le {FrenchFormat.Date(ContractLaw.LastDayOf(from, ContractLaw.MinMonths))} et le {FrenchFormat.Date(ContractLaw.LastDayOf(from, maxMonths))}.");
        }
        if (f.QualificationKind == Contracts.QualificationKind.Rncp && f.QualificationCode is { } code && !RncpCode.IsMatch(code))
            Fail(3, "qualificationCode", "Un code RNCP s'écrit « RNCP » suivi de chiffres (ex. RNCP35430).");

        // 4 Formation: organisme, dates within the contract, hours.
        if (f.TrainingHours is { } hours)
        {
            if (hours < ContractLaw.MinTrainingHours)
                Fail(4, "trainingHours", $"La formation doit compter au moins {ContractLaw.MinTrainingHours:0} heures.");
            else if (f.Start is { } s && f.End is { } e && e >= s && f.WeeklyHours is { } weekly)
            {
                var total = ContractLaw.ContractHours(s, e, weekly);
                var (low, high) = (decimal.Round(total * ContractLaw.MinTrainingShare, 2), decimal.Round(total * ContractLaw.MaxTrainingShare, 2));
                if (high < ContractLaw.MinTrainingHours)
                    Fail(4, "trainingHours", $"La formation compte au moins {ContractLaw.MinTrainingHours:0} heures et au plus 25 % de la durée du contrat "
                        + $"({FrenchFormat.Hours(total)}), soit {FrenchFormat.Hours(high)} : allongez le contrat ou sa durée hebdomadaire.");
                else if (hours < low || hours > high)
                    Fail(4, "trainingHours", $"La formation représente de 15 % à 25 % de la durée du contrat ({FrenchFormat.Hours(total)}) : "
                        + $"entre {FrenchFormat.Hours(Math.Max(low, ContractLaw.MinTrainingHours))} et {FrenchFormat.Hours(high)}.");
            }
        }
        if (f.TrainingStart is { } trainingStart && f.TrainingEnd is { } trainingEnd && trainingEnd < trainingStart)
            Fail(4, "trainingEndDate", "La date de fin de la formation doit suivre sa date de début.");
        else
        {
            if (f.TrainingStart is { } ts && (f.Start is { } cs && ts < cs || f.End is { } ce && ts > ce))
                Fail(4, "trainingStartDate", "La formation commence pendant le contrat (entre ses dates de début et de fin).");
            if (f.TrainingEnd is { } te && (f.End is { } ce2 && te > ce2 || f.Start is { } cs2 && te < cs2))
                Fail(4, "trainingEndDate", "La formation se termine au plus tard à la fin du contrat.");
        }
        if (context.ProviderCertified == false)
            Fail(4, "trainingProviderId", "L'organisme de formation doit être certifié Qualiopi.");

        // 5 Rémunération: at least the minimum for the age.
        if (f.MonthlyPay is { } pay && age is { } payAge && f.WeeklyHours is { } payHours)
        {
            var minimum = ContractLaw.MinimumMonthlyPay(payAge, payHours, context.Rules.SmicHourly);
            if (pay < minimum)
                Fail(5, "monthlyGrossPay", $"À {payAge} ans, la rémunération est d'au moins {ContractLaw.MinimumRate(payAge) * 100:0} % du SMIC, "
                    + $"soit {FrenchFormat.Euros(minimum)} bruts par mois pour {FrenchFormat.Hours(payHours)} par semaine.");
        }
        return checks;
    }

    /// <summary>
    /// What warns without blocking: a filing (the transmission, or today until then) more than 5 days after the start, and
    /// the branch checks.
    /// </summary>
    public IReadOnlyList<string> Warnings(ContractFundingRules rules, DateOnly today)
    {
        var warnings = new List<string>();
        // An avenant keeps the contract's start: its filing is not late for that.
        if (AmendsId is null && StartDate is { } start && (TransmittedOn ?? today) > ContractLaw.FilingDeadline(start))
            warnings.Add($"Le contrat a commencé le {FrenchFormat.Date(start)} : il devait être déposé au plus tard le "
                         + $"{FrenchFormat.Date(ContractLaw.FilingDeadline(start))} (5 jours après son début). "
                         + (TransmittedOn is null ? "Il peut encore être transmis ; l'OPCO en tiendra compte." : "Il a été transmis en retard ; l'OPCO en tient compte."));
        if (WeeklyHours < rules.MinWeeklyHours)
            warnings.Add($"L'accord de branche prévoit au moins {FrenchFormat.Hours(rules.MinWeeklyHours)} par semaine : l'OPCO pourra vous demander de le justifier.");
        if (TrainingHours > rules.MaxFundedHours)
            warnings.Add($"Le forfait de branche finance au plus {FrenchFormat.Hours(rules.MaxFundedHours)} de formation : les heures au-delà restent à votre charge.");
        return warnings;
    }

    /// <summary>Adds to <paramref name="errors"/> the checks of <paramref name="step"/> that the new values would fail.</summary>
    private static void Block(Facts candidate, ContractContext context, int step, FieldErrors errors)
    {
        foreach (var check in Checks(candidate, context).Where(c => c.Step == step && !errors.Has(c.Field)))
            errors.Add(check.Field, check.Message);
    }

    /// <summary>A date outside <see cref="ContractLaw.EarliestDate"/>–<see cref="ContractLaw.LatestDate"/> is a typing mistake, said on its field.</summary>
    private static void CheckDate(DateOnly? date, string field, FieldErrors errors)
    {
        if (date is { } day && !ContractLaw.IsPlausible(day))
            errors.Add(field, $"Indiquez une date entre le {FrenchFormat.Date(ContractLaw.EarliestDate)} et le {FrenchFormat.Date(ContractLaw.LatestDate)}.");
    }

    private static string? Text(string? input, string field, string label, int maxLength, FieldErrors errors)
    {
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > maxLength) errors.Add(field, $"{label} ne doit pas dépasser {maxLength} caractères.");
        return trimmed;
    }
}
