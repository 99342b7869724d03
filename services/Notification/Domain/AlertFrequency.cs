namespace Opco.Notification.Domain;

/// <summary>How often unread notifications are summarised by e-mail.</summary>
public enum AlertFrequency
{
    Immediate,
    Daily,
    Weekly,
}
