namespace Opco.SharedKernel.Habilitations;

/// <summary>What a user can do on an establishment; each is granted by the habilitations of the matrix.</summary>
public enum Functionality
{
    CreerDossier,
    CreerContratPro,
    SuivreDossiers,
    SuivreContratsPro,
    GererSalaries,
    GererSalaireHoraire,
    VisualiserComptes,
    SuivreFactures,
    DeclarerContributions,
    DeclencherVersementsVolontaires,
    GererMandatsPrelevement,
    VisualiserSuiviFinancier,
    TelechargerReportingsDefiPerformance,
    AccederCatalogueSelectionDefi,
    Actualites,
    GererSonProfil,
    GererUtilisateurs,
}
