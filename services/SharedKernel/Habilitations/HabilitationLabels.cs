namespace Opco.SharedKernel.Habilitations;

/// <summary>The French labels of the habilitations, as the seeds show them.</summary>
public static class HabilitationLabels
{
    public static string Of(Habilitation habilitation) => habilitation switch
    {
        Habilitation.PriseEnCharge => "Prise en charge",
        Habilitation.ContratPro => "Contrat de Professionnalisation",
        Habilitation.DonneesSensibles => "Données sensibles",
        Habilitation.CollecteVersements => "Collecte/Versement",
        Habilitation.Reporting => "Données des reporting",
        Habilitation.GestionUtilisateurs => "Gestion des utilisateurs",
        Habilitation.Gestionnaire => "Gestionnaire",
        _ => throw new ArgumentOutOfRangeException(nameof(habilitation)),
    };
}
