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

public sealed record NewsSummary(Guid Id, string Title, string Summary, DateTimeOffset PublishedAt, string? TargetOffer);

public sealed record NewsPage(IReadOnlyList<NewsSummary> Items, int Page, int PageSize, int Total);

/// <summary>An article; <see cref="BodyHtml"/> is rendered by the notification service from our Markdown subset, safe to show as is.</summary>
public sealed record NewsArticle(Guid Id, string Title, string Summary, DateTimeOffset PublishedAt, string? TargetOffer, string BodyHtml);

public sealed record NewsAdminLine(Guid Id, string Title, string? TargetOffer, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt)
{
    public bool IsPublished => PublishedAt is not null;
}

public sealed record NewsAdminPage(IReadOnlyList<NewsAdminLine> Items, int Page, int PageSize, int Total);

public sealed record NewsAdminView(Guid Id, string Title, string Summary, string Body, string BodyHtml, string? TargetOffer,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, uint Version);

public sealed class NewsFormModel
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public string? TargetOffer { get; set; }
    /// <summary>The version the form was opened on: the service refuses the edit if someone saved since.</summary>
    public uint? Version { get; set; }
}

/// <summary>The home page's notification side: unread count, latest notifications, latest three news.</summary>
public sealed record NotificationHome(int Unread, IReadOnlyList<PortalNotification> Latest, IReadOnlyList<NewsSummary> News);
