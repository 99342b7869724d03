using Opco.SharedKernel.Habilitations;
using Opco.Web.Api;

namespace Opco.Web.Domain;

/// <summary>
/// What the signed-in user may open, from their habilitations per establishment (the seed's matrix, via
/// <see cref="HabilitationMatrix"/>) and their staff role. Menus show only what this allows; pages check it too.
/// </summary>
public sealed record PortalRights(IReadOnlyList<MyEstablishment> Establishments, string? StaffRole)
{
    public static readonly PortalRights None = new([], null);

    /// <summary>
    /// A training advisor decides the requests of establishments without a manager in the companies assigned to them
    /// and may make their first user Gestionnaire. An administrator is not an advisor (as every service reads it).
    /// </summary>
    public bool IsAdvisor => StaffRole == "Advisor";

    public bool IsAdministrator => StaffRole == "Administrator";

    public bool IsStaff => IsAdvisor || IsAdministrator;

    /// <summary>The establishments where the user may manage users ("Gérer les utilisateurs").</summary>
    public IReadOnlyList<MyEstablishment> ManagedEstablishments => EstablishmentsAllowing(Functionality.GererUtilisateurs);

    public bool CanManageUsers => ManagedEstablishments.Count > 0;

    /// <summary>"Demandes de création de compte": managers of users, and advisors for establishments without one.</summary>
    public bool CanDecideAccountRequests => CanManageUsers || IsAdvisor;

    public bool CanManageProfile => Establishments.Any(e => Allows(e, Functionality.GererSonProfil)) || IsStaff;

    public bool Allows(Functionality functionality) => Establishments.Any(e => Allows(e, functionality));

    /// <summary>The establishments where the user may use the functionality ("Mes salariés" lists them to choose from).</summary>
    public IReadOnlyList<MyEstablishment> EstablishmentsAllowing(Functionality functionality) =>
        [.. Establishments.Where(e => Allows(e, functionality))];

    public bool AllowsOn(string siret, Functionality functionality) =>
        Establishments.Any(e => e.Siret == siret && Allows(e, functionality));

    /// <summary>Whether the user holds "Gestionnaire" on this establishment (only they may grant or remove it).</summary>
    public bool IsGestionnaireOf(string siret) =>
        Establishments.Any(e => e.Siret == siret && e.Habilitations.Contains(nameof(Habilitation.Gestionnaire)));

    private static bool Allows(MyEstablishment establishment, Functionality functionality) =>
        HabilitationMatrix.Allows(HabilitationNames.Parse(establishment.Habilitations), functionality);
}
