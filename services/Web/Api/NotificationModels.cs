namespace Opco.Web.Api;

public sealed record PortalNotification(Guid Id, string Kind, string Title, string Body, string? Link, string? RelatedEntity,
    DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsUnread => ReadAt is null;
}

public sealed record NotificationsPage(IReadOnlyList<PortalNotification> Items, int Page, int PageSize, int Total);

public sealed record UnreadCount(int Unread);

public sealed record KindSetting(string Kind, bool InPortal, bool EmailAlerts, string Frequency);

public sealed record NotificationSettings(IReadOnlyList<KindSetting> Kinds);
