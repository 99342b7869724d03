using Opco.Notification.Domain;

namespace Opco.Notification.Features.Notifications;

public sealed record NotificationView(
    Guid Id, string Kind, string Title, string Body, string? Link, string? RelatedEntity, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationView Of(PortalNotification n) =>
        new(n.Id, n.Kind.ToString(), n.Title, n.Body, n.Link, n.RelatedEntity, n.CreatedAt, n.ReadAt);
}
