namespace Opco.SharedKernel.Dossiers;

/// <summary>
/// The French label of each status of a contrat de professionnalisation (domain.md), by the status's name as APIs and
/// events carry it: shared by the dossier service, the notifications and the portal's screens.
/// </summary>
public static class ContractStatusLabels
{
    public static string Of(string status) => status switch
    {
        "Draft" => "Brouillon",
        "Transmitted" => "Transmis",
        "UnderReview" => "En instruction",
        "AcceptancePending" => "En instruction – décision en cours d'enregistrement",
        "Accepted" => "Pris en charge",
        "Refused" => "Refusé",
        "InProgress" => "En cours",
        "Terminated" => "Rompu",
        "Finished" => "Terminé",
        "Superseded" => "Remplacé par avenant",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a contract status."),
    };
}
