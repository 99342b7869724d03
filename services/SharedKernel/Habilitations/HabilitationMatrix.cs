namespace Opco.SharedKernel.Habilitations;

/// <summary>
/// The functionality matrix of seed 003, as data in one place. <see cref="Habilitation.Gestionnaire"/> grants
/// every row; "any" rows are granted by holding at least one habilitation on the establishment.
/// </summary>
public static class HabilitationMatrix
{
    private static readonly Habilitation[] Any = Enum.GetValues<Habilitation>();

    public static readonly IReadOnlyList<Row> Rows =
    [
        new(Functionality.CreerDossier, "Créer un dossier", [Habilitation.PriseEnCharge]),
        new(Functionality.CreerContratPro, "Créer un contrat de pro", [Habilitation.ContratPro]),
        new(Functionality.SuivreDossiers, "Suivre les dossiers", [Habilitation.PriseEnCharge]),
        new(Functionality.SuivreContratsPro, "Suivre les contrats de pro", [Habilitation.ContratPro]),
        new(Functionality.GererSalaries, "Gérer les salariés", [Habilitation.PriseEnCharge, Habilitation.ContratPro]),
        new(Functionality.GererSalaireHoraire, "Gérer le salaire horaire", [Habilitation.DonneesSensibles]),
        new(Functionality.VisualiserComptes, "Visualiser les comptes", [Habilitation.Reporting]),
        new(Functionality.SuivreFactures, "Suivre et visualiser les factures", [Habilitation.Reporting]),
        new(Functionality.DeclarerContributions, "Déclarer les contributions formations", [Habilitation.CollecteVersements]),
        new(Functionality.DeclencherVersementsVolontaires, "Déclencher les versements volontaires", [Habilitation.CollecteVersements]),
        new(Functionality.GererMandatsPrelevement, "Gérer les mandats de prélèvement", [Habilitation.CollecteVersements]),
        new(Functionality.VisualiserSuiviFinancier, "Visualiser le suivi financier de l'activité", [Habilitation.Reporting]),
        new(Functionality.TelechargerReportingsDefiPerformance, "Télécharger les reportings DEFi Performance", [Habilitation.Reporting]),
        new(Functionality.AccederCatalogueSelectionDefi, "Accéder au catalogue Sélection DEFi Formations", Any),
        new(Functionality.Actualites, "Actualités", Any),
        new(Functionality.GererSonProfil, "Gérer son profil", Any),
        new(Functionality.GererUtilisateurs, "Gérer les utilisateurs", [Habilitation.GestionUtilisateurs]),
    ];

    private static readonly Dictionary<Functionality, Row> ByFunctionality = Rows.ToDictionary(r => r.Functionality);

    public static Row For(Functionality functionality) => ByFunctionality[functionality];

    /// <summary>Whether the habilitations a user holds on one establishment allow the functionality there.</summary>
    public static bool Allows(IReadOnlyCollection<Habilitation> held, Functionality functionality) =>
        held.Contains(Habilitation.Gestionnaire) || For(functionality).AllowedWith.Any(held.Contains);

    public static IEnumerable<Functionality> Allowed(IReadOnlyCollection<Habilitation> held) =>
        Rows.Where(r => Allows(held, r.Functionality)).Select(r => r.Functionality);

    public sealed record Row(Functionality Functionality, string Label, IReadOnlyList<Habilitation> AllowedWith);
}
