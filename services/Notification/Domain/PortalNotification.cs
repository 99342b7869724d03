namespace Opco.Notification.Domain;

/// <summary>
/// One message shown in a user's "Mes notifications", read or not. Named PortalNotification because "Notification"
/// is also this service's namespace.
/// </summary>
public sealed class PortalNotification
{
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? Link { get; private set; }
    public string? RelatedEntity { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    /// <summary>When an alert e-mail listed it: a notification is summarised by e-mail at most once.</summary>
    public DateTimeOffset? AlertedAt { get; private set; }

    private PortalNotification() { }

    public static PortalNotification Create(
        Guid userId, NotificationKind kind, string title, string body, string? link, string? relatedEntity, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Kind = kind,
            Title = title,
            Body = body,
            Link = link,
            RelatedEntity = relatedEntity,
            CreatedAt = now,
        };

    /// <summary>Reading twice keeps the first reading time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;

    public void MarkAlerted(DateTimeOffset now) => AlertedAt ??= now;
}
