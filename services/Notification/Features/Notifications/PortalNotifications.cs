using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Features.Settings;

namespace Opco.Notification.Features.Notifications;

/// <summary>How every producer adds a notification: to each recipient who has not turned that kind off in the portal.</summary>
public static class PortalNotifications
{
    public static async Task AddAsync(NotificationDbContext db, IReadOnlyCollection<Guid> recipients, NotificationKind kind, string title,
        string body, string? link, string relatedEntity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var user in await SettingsStore.WantingInPortalAsync(db, [.. recipients.Distinct()], kind, cancellationToken))
            db.Notifications.Add(PortalNotification.Create(user, kind, title, body, link, relatedEntity, now));
    }
}
