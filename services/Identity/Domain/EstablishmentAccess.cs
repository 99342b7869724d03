using Opco.SharedKernel.Habilitations;

namespace Opco.Identity.Domain;

/// <summary>A user's attachment to one establishment, with the habilitations held there.</summary>
public sealed class EstablishmentAccess
{
    public Guid UserId { get; set; }
    public string Siret { get; set; } = "";
    public List<Habilitation> Habilitations { get; set; } = [];
    public DateTimeOffset GrantedAt { get; set; }

    public bool IsManager => Habilitations.Contains(Habilitation.Gestionnaire);
    public bool CanManageUsers => HabilitationMatrix.Allows(Habilitations, Functionality.GererUtilisateurs);
}
