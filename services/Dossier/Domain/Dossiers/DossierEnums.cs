namespace Opco.Dossier.Domain.Dossiers;

/// <summary>"Nature de l'action".</summary>
public enum TrainingNature
{
    ActionFormation,
    BilanCompetences,
    Vae,
}

/// <summary>"Modalité".</summary>
public enum TrainingModality
{
    Presentiel,
    Distance,
    Mixte,
}

/// <summary>"Frais annexes", each with its ceiling per unit in the scheme.</summary>
public enum IncidentalCostKind
{
    Meal,
    Night,
    Travel,
}

/// <summary>"Pièces" of a dossier.</summary>
public enum DocumentKind
{
    Quote,
    Programme,
    Agreement,
    /// <summary>Asked for by the advisor ("En attente de compléments").</summary>
    Supplement,
    CompletionCertificate,
}

public static class DossierLabels
{
    public static string Of(TrainingNature nature) => nature switch
    {
        TrainingNature.ActionFormation => "Action de formation",
        TrainingNature.BilanCompetences => "Bilan de compétences",
        TrainingNature.Vae => "VAE",
        _ => throw new ArgumentOutOfRangeException(nameof(nature)),
    };

    public static string Of(TrainingModality modality) => modality switch
    {
        TrainingModality.Presentiel => "Présentiel",
        TrainingModality.Distance => "Distance",
        TrainingModality.Mixte => "Mixte",
        _ => throw new ArgumentOutOfRangeException(nameof(modality)),
    };

    public static string Of(IncidentalCostKind kind) => kind switch
    {
        IncidentalCostKind.Meal => "Repas",
        IncidentalCostKind.Night => "Nuitées",
        IncidentalCostKind.Travel => "Kilomètres",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Quote => "Devis",
        DocumentKind.Programme => "Programme",
        DocumentKind.Agreement => "Convention",
        DocumentKind.Supplement => "Pièce complémentaire",
        DocumentKind.CompletionCertificate => "Certificat de réalisation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
