namespace Opco.SharedKernel.Dossiers;

/// <summary>
/// The French label of each dossier status (domain.md's table), by the status's name as APIs and events carry it:
/// shared by the dossier service, the notifications and the portal's screens.
/// </summary>
public static class DossierStatusLabels
{
    public static string Of(string status) => status switch
    {
        "Draft" => "En cours de saisie",
        "TransmissionRequested" => "Transmission demandée",
        "UnderReview" => "En cours de validation",
        "AcceptancePending" => "En cours de validation – décision en cours d'enregistrement",
        "AwaitingDocuments" => "En attente de compléments",
        "Accepted" => "Accepté",
        "Refused" => "Refusé",
        "Completed" => "Réalisé",
        "Settled" => "Soldé",
        "Cancelled" => "Annulé",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a dossier status."),
    };
}
