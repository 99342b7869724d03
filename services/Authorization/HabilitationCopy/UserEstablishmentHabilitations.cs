namespace Opco.Authorization.HabilitationCopy;

/// <summary>
/// The local copy of what one user holds on one establishment, as identity last announced it. An empty set is kept
/// (rather than the row deleted) so that an older announcement arriving late cannot bring revoked rights back.
/// </summary>
public sealed class UserEstablishmentHabilitations
{
    public Guid UserId { get; private set; }
    public string Siret { get; private set; } = "";
    public string[] Habilitations { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }

    private UserEstablishmentHabilitations() { }
}
