using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;
using Opco.SharedKernel.Dossiers;

namespace Opco.Dossier.Domain.Contracts;

/// <summary>The moves: transmission, the advisor's decisions, silence after 20 days, finance's answers, the dates, the rupture, the avenant.</summary>
public sealed partial class ProfessionalisationContract
{
    public static readonly Actor Calendar = new(null, "Suivi quotidien des contrats");
    public static readonly Actor Amendments = new(null, "Prise en charge d'un avenant");

    public const string SilenceReason = "Sans décision de l'OPCO dans les 20 jours suivant sa transmission, le contrat est réputé accepté.";

    /// <summary>
    /// "Transmettre le contrat": complete, and no legal check failing. Filed more than 5 days after the start, it is
    /// accepted with a warning; the branch checks warn too. The OPCO then has 20 days to decide.
    /// </summary>
    public string? Transmit(Actor by, ContractContext context, DateOnly today, DateTimeOffset now, out IReadOnlyList<string> warnings)
    {
        warnings = [];
        if (!ContractStatuses.Allows(Status, ContractStatus.Transmitted, ContractActor.Company)) return Refusal(ContractStatus.Transmitted);
        var missing = Steps().Where(s => !s.Complete && s.Number < 7).ToList();
        if (missing.Count > 0)
            return "Le contrat est incomplet : " + string.Join(" ; ", missing.Select(s => $"étape {s.Number} « {s.Name} » : {string.Join(", ", s.Missing)}")) + ".";
        var checks = LegalChecks(context);
        if (checks.Count > 0)
            return "Le contrat ne respecte pas les règles du contrat de professionnalisation : "
                   + string.Join(" ; ", checks.Select(c => $"étape {c.Step} : {c.Message}"));
        (TransmittedAt, TransmittedOn, DecisionDueOn) = (now, today, ContractLaw.DecisionDueOn(today));
        warnings = Warnings(context.Rules, today);
        Move(ContractStatus.Transmitted, ContractActor.Company, by, null, now);
        return null;
    }

    /// <summary>"Instruire": the advisor takes the contract.</summary>
    public string? Review(Actor advisor, DateTimeOffset now)
    {
        if (!ContractStatuses.Allows(Status, ContractStatus.UnderReview, ContractActor.Advisor)) return Refusal(ContractStatus.UnderReview);
        HandlerName = advisor.Name;
        Move(ContractStatus.UnderReview, ContractActor.Advisor, advisor, null, now);
        return null;
    }

    /// <summary>
    /// The advisor accepts: finance is asked to commit <paramref name="commitment"/> on the pooled source (the contract
    /// waits in <see cref="ContractStatus.AcceptancePending"/>); with nothing to commit (an avenant adding nothing), accepted at once.
    /// </summary>
    public string? Accept(decimal commitment, Actor advisor, DateTimeOffset now)
    {
        if (!ContractStatuses.Allows(Status, ContractStatus.AcceptancePending, ContractActor.Advisor)) return Refusal(ContractStatus.AcceptancePending);
        HandlerName = advisor.Name;
        (CommittedAmount, CommitmentFailure, SilentAcceptance) = (commitment, null, false);
        if (commitment == 0m)
        {
            DecidedAt = now;
            Move(ContractStatus.Accepted, ContractActor.Advisor, advisor, null, now);
        }
        else Move(ContractStatus.AcceptancePending, ContractActor.Advisor, advisor, null, now);
        return null;
    }

    /// <summary>The advisor refuses with a reason, before the 20 days are over (after, silence has already accepted it).</summary>
    public FieldErrors Refuse(string? reason, Actor advisor, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!ContractStatuses.Allows(Status, ContractStatus.Refused, ContractActor.Advisor)) return errors.Add("status", Refusal(ContractStatus.Refused));
        if (today >= DecisionDueOn)
            return errors.Add("status", $"Le délai de décision a expiré le {FrenchFormat.Date(DecisionDueOn!.Value.AddDays(-1))} : le contrat est réputé accepté "
                                        + "et ne peut plus être refusé.");
        var text = Text(reason, "reason", "Le motif du refus", ReasonMaxLength, errors);
        if (text is null && !errors.Has("reason")) errors.Add("reason", "Le motif du refus est obligatoire.");
        if (!errors.IsEmpty) return errors;
        (RefusalReason, DecidedAt, HandlerName) = (text, now, advisor.Name);
        Move(ContractStatus.Refused, ContractActor.Advisor, advisor, text, now);
        return errors;
    }

    /// <summary>Whether silence has become acceptance: still undecided on the day the decision was due.</summary>
    public bool IsSilentlyAccepted(DateOnly today) => ContractStatuses.AwaitsDecision(Status) && today >= DecisionDueOn;

    /// <summary>
    /// The daily job: undecided 20 days after its transmission, the contract is accepted; its commitment is recorded
    /// whatever the envelope (the law decides). False when not due.
    /// </summary>
    public bool AcceptSilently(decimal commitment, DateOnly today, DateTimeOffset now)
    {
        if (!IsSilentlyAccepted(today)) return false;
        (CommittedAmount, CommitmentFailure, SilentAcceptance) = (commitment, null, true);
        if (commitment == 0m)
        {
            DecidedAt = now;
            Move(ContractStatus.Accepted, ContractActor.Calendar, Calendar, SilenceReason, now);
        }
        else Move(ContractStatus.AcceptancePending, ContractActor.Calendar, Calendar, SilenceReason, now);
        return true;
    }

    /// <summary>
    /// Finance recorded the commitment: « Pris en charge » (saying why, when by silence). False when not waiting for it (a
    /// redelivered answer).
    /// </summary>
    public bool ConfirmAcceptance(decimal committed, DateTimeOffset now)
    {
        if (!ContractStatuses.Allows(Status, ContractStatus.Accepted, ContractActor.Finance)) return false;
        (CommittedAmount, DecidedAt) = (committed, now);
        Move(ContractStatus.Accepted, ContractActor.Finance, Actor.Finance, SilentAcceptance ? SilenceReason : null, now);
        return true;
    }

    /// <summary>Finance could not record the commitment: back to the advisor with the reason. A silent acceptance is never refused.</summary>
    public bool FailAcceptance(string reason, DateTimeOffset now)
    {
        if (SilentAcceptance || !ContractStatuses.Allows(Status, ContractStatus.UnderReview, ContractActor.Finance)) return false;
        (CommittedAmount, CommitmentFailure) = (null, reason);
        Move(ContractStatus.UnderReview, ContractActor.Finance, Actor.Finance, reason, now);
        return true;
    }

    /// <summary>The daily job on the contract's dates: « En cours » from its start, « Terminé » after its end. Whether it moved.</summary>
    public bool FollowDates(DateOnly today, DateTimeOffset now)
    {
        var moved = false;
        if (Status == ContractStatus.Accepted && today >= StartDate)
        {
            Move(ContractStatus.InProgress, ContractActor.Calendar, Calendar, null, now);
            moved = true;
        }
        if (Status == ContractStatus.InProgress && today > EndDate)
        {
            Move(ContractStatus.Finished, ContractActor.Calendar, Calendar, null, now);
            moved = true;
        }
        return moved;
    }

    /// <summary>
    /// Its avenant <paramref name="amendmentNumber"/> was taken in charge: this version is « Remplacé par avenant », and the
    /// avenant carries the contract on (its dates, its rupture). False when this version no longer runs.
    /// </summary>
    public bool Supersede(long amendmentNumber, DateTimeOffset now)
    {
        if (!ContractStatuses.Allows(Status, ContractStatus.Superseded, ContractActor.Amendment)) return false;
        Move(ContractStatus.Superseded, ContractActor.Amendment, Amendments, $"Remplacé par l'avenant n° {amendmentNumber}, pris en charge.", now);
        return true;
    }

    /// <summary>"Déclarer une rupture": the date it takes effect (within the contract) and why.</summary>
    public FieldErrors Terminate(DateOnly? date, string? reason, Actor by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!ContractStatuses.Allows(Status, ContractStatus.Terminated, ContractActor.Company))
            return errors.Add("status", Refusal(ContractStatus.Terminated));
        if (date is null) errors.Add("date", "Indiquez la date de la rupture.");
        else if (!ContractLaw.IsPlausible(date.Value)) CheckDate(date, "date", errors);
        else if (date < SignedOn || date > EndDate)
            errors.Add("date", $"La rupture intervient pendant le contrat : entre le {FrenchFormat.Date(SignedOn!.Value)} et le {FrenchFormat.Date(EndDate!.Value)}.");
        var text = Text(reason, "reason", "Le motif de la rupture", ReasonMaxLength, errors);
        if (text is null && !errors.Has("reason")) errors.Add("reason", "Le motif de la rupture est obligatoire.");
        if (!errors.IsEmpty) return errors;
        (TerminatedOn, TerminationReason) = (date, text);
        Move(ContractStatus.Terminated, ContractActor.Company, by, text, now);
        return errors;
    }

    /// <summary>
    /// "Déclarer un avenant": a new version of a running contract, type 5, linked to it, with its entry copied; it is
    /// entered, transmitted and decided like a contract, and funds only what it adds to this contract's commitment.
    /// </summary>
    /// <remarks>
    /// Versions follow one another: a contract that already has an avenant (not refused) is amended from that avenant, so
    /// what the versions committed adds up along one line.
    /// </remarks>
    public string? Amend(Actor by, string handlerName, long? existingAmendmentNumber, DateTimeOffset now, out ProfessionalisationContract? amendment)
    {
        amendment = null;
        if (!ContractStatuses.IsRunning(Status))
            return $"Le contrat est « {ContractStatuses.Label(Status)} » : un avenant se déclare sur un contrat pris en charge ou en cours.";
        if (existingAmendmentNumber is { } existing)
            return $"Ce contrat a déjà un avenant (n° {existing}) : complétez-le, ou déclarez l'avenant suivant depuis celui-ci.";
        amendment = Create(Siret, by, handlerName, now);
        amendment.ContractType = ContractTypeLabels.Amendment;
        (amendment.AmendsId, amendment.AmendsNumber, amendment.PreviousCommitment) = (Id, Number, (PreviousCommitment ?? 0m) + (CommittedAmount ?? 0m));
        (amendment.TraineeEmployeeId, amendment.TraineeName, amendment.TraineeBirthDate, amendment.Public) = (TraineeEmployeeId, TraineeName, TraineeBirthDate, Public);
        (amendment.TutorEmployeeId, amendment.TutorName, amendment.TutorExperienceYears, amendment.TutorAidRequested) =
            (TutorEmployeeId, TutorName, TutorExperienceYears, TutorAidRequested);
        (amendment.Kind, amendment.SignedOn, amendment.StartDate, amendment.EndDate, amendment.WeeklyHours, amendment.Job, amendment.QualificationKind,
            amendment.QualificationCode) = (Kind, SignedOn, StartDate, EndDate, WeeklyHours, Job, QualificationKind, QualificationCode);
        (amendment.TrainingProviderId, amendment.TrainingStartDate, amendment.TrainingEndDate, amendment.TrainingHours, amendment.MonthlyGrossPay) =
            (TrainingProviderId, TrainingStartDate, TrainingEndDate, TrainingHours, MonthlyGrossPay);
        return null;
    }

    private void Move(ContractStatus to, ContractActor role, Actor by, string? reason, DateTimeOffset now)
    {
        if (!ContractStatuses.Allows(Status, to, role))
            throw new InvalidOperationException($"{Status} → {to} by {role} is not a contract transition.");
        History.Add(ContractHistoryEntry.Of(Id, now, by, Status, to, reason));
        Status = to;
        UpdatedAt = now;
    }

    private string Refusal(ContractStatus to) =>
        $"Le contrat est « {ContractStatuses.Label(Status)} » : il ne peut pas passer « {ContractStatuses.Label(to)} »."
        + (IsEditable ? "" : $" Contactez son gestionnaire à l'OPCO, {HandlerName}.");
}
