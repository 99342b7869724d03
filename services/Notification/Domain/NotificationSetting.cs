namespace Opco.Notification.Domain;

/// <summary>
/// A user's choice for one kind of notification. Only stored once the user changed it: without a row, <see cref="Default"/> applies.
/// </summary>
public sealed class NotificationSetting
{
    public Guid UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public bool InPortal { get; private set; }
    public bool EmailAlerts { get; private set; }
    public AlertFrequency Frequency { get; private set; }

    private NotificationSetting() { }

    /// <summary>Every notification is shown in the portal; e-mail alerts are opt-in, so nobody gets mail they did not ask for.</summary>
    public static NotificationSetting Default(Guid userId, NotificationKind kind) =>
        new() { UserId = userId, Kind = kind, InPortal = true, EmailAlerts = false, Frequency = AlertFrequency.Daily };
}
