namespace Opco.Notification.Domain;

/// <summary>
/// Where to write to a user, copied from identity's events: alert e-mails go to users the notification service only
/// knows by id.
/// </summary>
public sealed class UserContact
{
    public Guid UserId { get; private set; }
    public string Email { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    private UserContact() { }
}
