namespace Opco.SharedKernel.Dossiers;

/// <summary>
/// The types of a contrat de professionnalisation (domain.md: 1 initial, 2–4 successive, 5 avenant) in French, shared by
/// the dossier service and the portal's screens.
/// </summary>
public static class ContractTypeLabels
{
    public const int Amendment = 5;

    /// <summary>The types a contract is entered with; an avenant's is given by its declaration.</summary>
    public static readonly IReadOnlyList<int> Entered = [1, 2, 3, 4];

    public static string Of(int type) => type switch
    {
        1 => "Contrat initial",
        2 => "Succession de contrats chez le même employeur",
        3 => "Succession de contrats chez un autre employeur",
        4 => "Succession après la rupture d'un précédent contrat",
        Amendment => "Avenant",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
