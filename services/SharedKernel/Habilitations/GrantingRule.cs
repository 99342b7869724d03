namespace Opco.SharedKernel.Habilitations;

/// <summary>Who may give or take which habilitations on an establishment.</summary>
public static class GrantingRule
{
    /// <summary>
    /// Only a Gestionnaire of the establishment makes or unmakes a Gestionnaire ("Gestion des utilisateurs" is not
    /// enough). <paramref name="granterIsGestionnaire"/> is also true for the advisor deciding a request of an
    /// establishment without a manager: its first user is usually its Gestionnaire.
    /// </summary>
    public static bool Allows(bool granterIsGestionnaire, IEnumerable<Habilitation> changed) =>
        granterIsGestionnaire || !changed.Contains(Habilitation.Gestionnaire);
}
