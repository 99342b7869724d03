using Opco.SharedKernel.Dossiers;

namespace Opco.Dossier.Domain.Contracts;

/// <summary>Where a contrat de professionnalisation is (domain.md); the French label is what every screen shows.</summary>
public enum ContractStatus
{
    Draft,
    Transmitted,
    UnderReview,
    /// <summary>Accepted (by the advisor, or by silence), waiting for finance to record the commitment: blocks any other decision.</summary>
    AcceptancePending,
    Accepted,
    Refused,
    InProgress,
    /// <summary>« Rompu »: ended early, declared by the company with a date and a reason.</summary>
    Terminated,
    /// <summary>« Terminé »: its end date is past.</summary>
    Finished,
    /// <summary>« Remplacé par avenant »: an avenant to it was taken in charge and carries the contract on.</summary>
    Superseded,
}

/// <summary>Who makes a contract move.</summary>
public enum ContractActor
{
    /// <summary>A user of the company holding "Créer un contrat de pro" on the employer establishment.</summary>
    Company,
    /// <summary>An OPCO advisor.</summary>
    Advisor,
    /// <summary>The daily job: silent acceptance after 20 days, En cours and Terminé on the contract's dates.</summary>
    Calendar,
    /// <summary>Finance's answer to a commitment request.</summary>
    Finance,
    /// <summary>The taking in charge of an avenant, which replaces the version it amends.</summary>
    Amendment,
}

public static class ContractStatuses
{
    public static string Label(ContractStatus status) => ContractStatusLabels.Of(status.ToString());

    /// <summary>Every move a contract may make and who makes it (domain.md); the aggregate looks its move up here first.</summary>
    public static readonly IReadOnlyList<(ContractStatus From, ContractStatus To, ContractActor By)> Transitions =
    [
        (ContractStatus.Draft, ContractStatus.Transmitted, ContractActor.Company),
        (ContractStatus.Transmitted, ContractStatus.UnderReview, ContractActor.Advisor),
        (ContractStatus.UnderReview, ContractStatus.AcceptancePending, ContractActor.Advisor),
        (ContractStatus.UnderReview, ContractStatus.Refused, ContractActor.Advisor),
        // Silence means acceptance (domain.md): the daily job, 20 days after the transmission.
        (ContractStatus.Transmitted, ContractStatus.AcceptancePending, ContractActor.Calendar),
        (ContractStatus.UnderReview, ContractStatus.AcceptancePending, ContractActor.Calendar),
        (ContractStatus.AcceptancePending, ContractStatus.Accepted, ContractActor.Finance),
        (ContractStatus.AcceptancePending, ContractStatus.UnderReview, ContractActor.Finance),
        // An avenant adding nothing to fund is accepted without asking finance.
        (ContractStatus.UnderReview, ContractStatus.Accepted, ContractActor.Advisor),
        (ContractStatus.Transmitted, ContractStatus.Accepted, ContractActor.Calendar),
        (ContractStatus.UnderReview, ContractStatus.Accepted, ContractActor.Calendar),
        (ContractStatus.Accepted, ContractStatus.InProgress, ContractActor.Calendar),
        (ContractStatus.InProgress, ContractStatus.Finished, ContractActor.Calendar),
        (ContractStatus.Accepted, ContractStatus.Terminated, ContractActor.Company),
        (ContractStatus.InProgress, ContractStatus.Terminated, ContractActor.Company),
        (ContractStatus.Accepted, ContractStatus.Superseded, ContractActor.Amendment),
        (ContractStatus.InProgress, ContractStatus.Superseded, ContractActor.Amendment),
    ];

    public static bool Allows(ContractStatus from, ContractStatus to, ContractActor by) => Transitions.Contains((from, to, by));

    /// <summary>Waiting for the OPCO's decision: the screen shows « Décision attendue avant le … ».</summary>
    public static bool AwaitsDecision(ContractStatus status) => status is ContractStatus.Transmitted or ContractStatus.UnderReview;

    /// <summary>Taken in charge and not over: what an avenant or a rupture applies to, and what a tutor's load counts.</summary>
    public static bool IsRunning(ContractStatus status) => status is ContractStatus.Accepted or ContractStatus.InProgress;

    /// <summary>Transmitted and neither refused nor over: its tutor follows its trainee.</summary>
    public static readonly IReadOnlyList<ContractStatus> OccupyingTutor =
        [ContractStatus.Transmitted, ContractStatus.UnderReview, ContractStatus.AcceptancePending, ContractStatus.Accepted, ContractStatus.InProgress];
}

/// <summary>CDD or CDI (for a CDI, the dates are those of the professionalisation action).</summary>
public enum ContractKind
{
    FixedTerm,
    Permanent,
}

/// <summary>The targeted qualification's register: RNCP (a code « RNCP » and digits) or a branch CQP.</summary>
public enum QualificationKind
{
    Rncp,
    Cqp,
}

/// <summary>Pieces of a contract: the contract signed by both parties, the training programme.</summary>
public enum ContractDocumentKind
{
    SignedContract,
    Programme,
}

/// <summary>
/// Who the contract is open to (Code du travail, L6325-1), and whether the action may last up to 24 months
/// (L6325-11/12): every public but the young already qualified and job seekers of less than a year.
/// </summary>
public enum ContractPublic
{
    Young,
    UnqualifiedYoung,
    JobSeeker,
    LongTermJobSeeker,
    MinimumIncome,
    SubsidisedContract,
}

public static class ContractLabels
{
    public static string Of(ContractKind kind) => kind switch
    {
        ContractKind.FixedTerm => "CDD",
        ContractKind.Permanent => "CDI",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(QualificationKind kind) => kind switch
    {
        QualificationKind.Rncp => "RNCP",
        QualificationKind.Cqp => "CQP",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(ContractDocumentKind kind) => kind switch
    {
        ContractDocumentKind.SignedContract => "Contrat signé",
        ContractDocumentKind.Programme => "Programme de formation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(ContractPublic audience) => audience switch
    {
        ContractPublic.Young => "Jeune de 16 à 25 ans",
        ContractPublic.UnqualifiedYoung => "Jeune de 16 à 25 ans sans qualification de niveau bac",
        ContractPublic.JobSeeker => "Demandeur d'emploi de 26 ans et plus",
        ContractPublic.LongTermJobSeeker => "Demandeur d'emploi inscrit depuis plus d'un an",
        ContractPublic.MinimumIncome => "Bénéficiaire du RSA, de l'ASS ou de l'AAH",
        ContractPublic.SubsidisedContract => "Sortant d'un contrat aidé (CUI)",
        _ => throw new ArgumentOutOfRangeException(nameof(audience)),
    };

    /// <summary>1 initial, 2–4 successive, 5 avenant (domain.md).</summary>
    public static string OfType(int type) => ContractTypeLabels.Of(type);
}
