namespace Opco.Web.Domain;

/// <summary>One establishment attached in the user form, with its "Accès" check boxes.</summary>
public sealed class EstablishmentAccessChoice(string siret, string label, HabilitationSelection selection, bool isNew)
{
    public string Siret { get; } = siret;
    public string Label { get; } = label;
    public HabilitationSelection Selection { get; } = selection;
    /// <summary>Added in this form and not saved yet.</summary>
    public bool IsNew { get; set; } = isNew;
}
