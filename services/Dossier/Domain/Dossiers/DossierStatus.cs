using Opco.SharedKernel.Dossiers;

namespace Opco.Dossier.Domain.Dossiers;

/// <summary>Where a dossier is (domain.md's table); the French label is what every screen shows.</summary>
public enum DossierStatus
{
    Draft,
    TransmissionRequested,
    UnderReview,
    /// <summary>Accepted by the advisor, waiting for finance to record the commitment: blocks any other decision.</summary>
    AcceptancePending,
    AwaitingDocuments,
    Accepted,
    Refused,
    Completed,
    Settled,
    Cancelled,
}

/// <summary>Who makes a dossier move.</summary>
public enum DossierActor
{
    /// <summary>A user of the company holding "Créer un dossier" on its establishment.</summary>
    Company,
    /// <summary>An OPCO training advisor.</summary>
    Advisor,
    /// <summary>The nightly transmission.</summary>
    Transmission,
    /// <summary>Finance's answer to a commitment request.</summary>
    Finance,
}

public static class DossierStatuses
{
    public static string Label(DossierStatus status) => DossierStatusLabels.Of(status.ToString());

    /// <summary>
    /// Every move a dossier may make and who makes it (domain.md); anything else is refused. Rules as data: the
    /// aggregate's transitions look their move up here before doing anything.
    /// </summary>
    public static readonly IReadOnlyList<(DossierStatus From, DossierStatus To, DossierActor By)> Transitions =
    [
        (DossierStatus.Draft, DossierStatus.TransmissionRequested, DossierActor.Company),
        (DossierStatus.TransmissionRequested, DossierStatus.Draft, DossierActor.Company),
        (DossierStatus.TransmissionRequested, DossierStatus.UnderReview, DossierActor.Transmission),
        (DossierStatus.UnderReview, DossierStatus.AwaitingDocuments, DossierActor.Advisor),
        (DossierStatus.UnderReview, DossierStatus.AcceptancePending, DossierActor.Advisor),
        (DossierStatus.UnderReview, DossierStatus.Refused, DossierActor.Advisor),
        (DossierStatus.AcceptancePending, DossierStatus.Accepted, DossierActor.Finance),
        (DossierStatus.AcceptancePending, DossierStatus.UnderReview, DossierActor.Finance),
        (DossierStatus.AwaitingDocuments, DossierStatus.UnderReview, DossierActor.Company),
        (DossierStatus.AwaitingDocuments, DossierStatus.Refused, DossierActor.Advisor),
        (DossierStatus.Accepted, DossierStatus.Completed, DossierActor.Company),
        (DossierStatus.Accepted, DossierStatus.Cancelled, DossierActor.Company),
        (DossierStatus.Accepted, DossierStatus.Cancelled, DossierActor.Advisor),
        (DossierStatus.Completed, DossierStatus.Settled, DossierActor.Finance),
    ];

    public static bool Allows(DossierStatus from, DossierStatus to, DossierActor by) => Transitions.Contains((from, to, by));

    /// <summary>Where the company may still change the dossier's entry (steps, trainees, costs, quote and programme).</summary>
    public static bool IsEditableByCompany(DossierStatus status) => status == DossierStatus.Draft;
}
