namespace Opco.SharedKernel.Habilitations;

/// <summary>One right of a user on one establishment (seed 003, section 5).</summary>
public enum Habilitation
{
    PriseEnCharge,
    ContratPro,
    DonneesSensibles,
    CollecteVersements,
    Reporting,
    GestionUtilisateurs,
    /// <summary>"Gestionnaire": every right on the establishment, including managing its users.</summary>
    Gestionnaire,
}
