namespace Opco.Authorization.HabilitationCopy;

/// <summary>Whether a user may act at all; a user without a row has never been deactivated.</summary>
public sealed class UserStatus
{
    public Guid UserId { get; private set; }
    public bool IsActive { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private UserStatus() { }
}
