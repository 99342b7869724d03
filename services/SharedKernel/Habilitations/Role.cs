namespace Opco.SharedKernel.Habilitations;

/// <summary>A named preset of habilitations ("mon compte 2i" shows roles instead of check boxes).</summary>
public sealed record Role(string Code, string Label, string Description, IReadOnlyList<Habilitation> Habilitations)
{
    public static readonly Role AdministrateurEtablissement = new(
        "administrateur-etablissement",
        "Administrateur de l'établissement",
        "Accès à toutes les fonctionnalités standards du portail pour cet établissement : gestion des utilisateurs, " +
        "des salariés (dont import par fichier), des données de cet établissement, création et suivi des demandes et des règlements.",
        [Habilitation.Gestionnaire]);

    public static readonly Role GestionnaireFormation = new(
        "gestionnaire-formation",
        "Gestionnaire formation",
        "Création et suivi des dossiers de prise en charge et des contrats de professionnalisation, gestion des salariés.",
        [Habilitation.PriseEnCharge, Habilitation.ContratPro]);

    public static readonly Role ResponsableFinancier = new(
        "responsable-financier",
        "Responsable financier",
        "Consultation des comptes, des factures et du suivi financier ; déclaration des contributions et versements volontaires.",
        [Habilitation.Reporting, Habilitation.CollecteVersements]);

    public static readonly IReadOnlyList<Role> All = [AdministrateurEtablissement, GestionnaireFormation, ResponsableFinancier];

    public static Role? Find(string code) => All.FirstOrDefault(r => r.Code == code);
}
