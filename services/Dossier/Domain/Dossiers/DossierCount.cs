namespace Opco.Dossier.Domain.Dossiers;

/// <summary>
/// How many dossiers an establishment has in one status. Triggers on <c>dossiers</c> keep it in the transaction that
/// creates, moves or deletes dossiers (migration DossierCounts), so "Mes dossiers" reads its total from a few rows
/// instead of counting every dossier of the establishment on each page. Read only: nothing in .NET writes it.
/// </summary>
public sealed class DossierCount
{
    public string Siret { get; private set; } = "";
    public DossierStatus Status { get; private set; }
    public long Dossiers { get; private set; }

    private DossierCount() { }
}
