using Opco.SharedKernel.Habilitations;

namespace Opco.Web.Domain;

/// <summary>
/// The "Accès" check boxes of one establishment in "Éditer un utilisateur". "Gestionnaire" holds every right there,
/// so while it is ticked the other boxes show as ticked and cannot be changed; only what is really ticked is saved.
/// Ticking or unticking "Gestionnaire" is for Gestionnaires only (the identity API refuses it otherwise).
/// </summary>
public sealed class HabilitationSelection
{
    /// <summary>The seed's order: "Accès Gestionnaire", then the six others.</summary>
    public static readonly IReadOnlyList<Habilitation> DisplayOrder =
    [
        Habilitation.Gestionnaire, Habilitation.PriseEnCharge, Habilitation.ContratPro, Habilitation.Reporting,
        Habilitation.CollecteVersements, Habilitation.DonneesSensibles, Habilitation.GestionUtilisateurs,
    ];

    private readonly HashSet<Habilitation> _ticked;
    private readonly IReadOnlySet<Habilitation> _initial;

    public HabilitationSelection(IEnumerable<string> held, bool callerIsGestionnaire)
    {
        _ticked = [.. held.Select(Parse).OfType<Habilitation>()];
        _initial = _ticked.ToHashSet();
        CallerIsGestionnaire = callerIsGestionnaire;
    }

    public bool CallerIsGestionnaire { get; }

    public bool IsManager => _ticked.Contains(Habilitation.Gestionnaire);

    public bool IsChecked(Habilitation habilitation) => _ticked.Contains(habilitation) || (IsManager && habilitation != Habilitation.Gestionnaire);

    /// <summary>Implied by "Gestionnaire", or the "Gestionnaire" box itself for a caller who is not one.</summary>
    public bool IsDisabled(Habilitation habilitation) =>
        habilitation == Habilitation.Gestionnaire ? !CallerIsGestionnaire : IsManager;

    public void Set(Habilitation habilitation, bool ticked)
    {
        if (IsDisabled(habilitation)) return;
        if (ticked) _ticked.Add(habilitation);
        else _ticked.Remove(habilitation);
    }

    public bool IsEmpty => _ticked.Count == 0;

    public bool HasChanged => !_ticked.SetEquals(_initial);

    /// <summary>What the API stores: "Gestionnaire" alone when ticked, since it already holds everything.</summary>
    public IReadOnlyList<string> ToRequest() =>
        IsManager ? [nameof(Habilitation.Gestionnaire)] : [.. DisplayOrder.Where(_ticked.Contains).Select(h => h.ToString())];

    public IReadOnlyList<Functionality> AllowedFunctionalities => [.. HabilitationMatrix.Allowed(_ticked)];

    private static Habilitation? Parse(string name) => HabilitationNames.TryParse(name, out var habilitation) ? habilitation : null;
}
