namespace Opco.Notification.Domain;

public enum EmailStatus
{
    Pending,
    Sent,
}
