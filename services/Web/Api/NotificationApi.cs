namespace Opco.Web.Api;

/// <summary>"Mes notifications" of the signed-in user, « Actualités » (read by everyone, written by administrators), the home page's summary.</summary>
public sealed class NotificationApi(HttpClient http, ILogger<NotificationApi> logger) : ApiClient(http, logger)
{
    public Task<ApiResult<NotificationsPage>> ListAsync(int page = 1, int pageSize = 20, bool unreadOnly = false) =>
        GetAsync<NotificationsPage>($"api/notification/me/notifications?page={page}&pageSize={pageSize}&unreadOnly={(unreadOnly ? "true" : "false")}");

    public Task<ApiResult<UnreadCount>> UnreadCountAsync() => GetAsync<UnreadCount>("api/notification/me/unread-count");

    public Task<ApiResult<bool>> MarkReadAsync(Guid id) => SendAsync(HttpMethod.Post, $"api/notification/me/notifications/{id}/read");

    public Task<ApiResult<bool>> MarkAllReadAsync() => SendAsync(HttpMethod.Post, "api/notification/me/notifications/read-all");

    public Task<ApiResult<NotificationSettings>> GetSettingsAsync() => GetAsync<NotificationSettings>("api/notification/me/settings");

    public Task<ApiResult<NotificationSettings>> UpdateSettingsAsync(IReadOnlyList<KindSetting> kinds) =>
        SendAsync<NotificationSettings>(HttpMethod.Put, "api/notification/me/settings", new { kinds });

    public Task<ApiResult<NotificationHome>> HomeAsync(string? siret) =>
        GetAsync<NotificationHome>($"api/notification/me/home{Establishment("?", siret)}");

    public Task<ApiResult<NewsPage>> NewsAsync(string? siret, int page = 1, int pageSize = 10) =>
        GetAsync<NewsPage>($"api/notification/news?page={page}&pageSize={pageSize}{Establishment("&", siret)}");

    public Task<ApiResult<NewsArticle>> NewsArticleAsync(Guid id, string? siret) =>
        GetAsync<NewsArticle>($"api/notification/news/{id}{Establishment("?", siret)}");

    public Task<ApiResult<NewsAdminPage>> AdminNewsAsync(int page = 1, int pageSize = 20) =>
        GetAsync<NewsAdminPage>($"api/notification/admin/news?page={page}&pageSize={pageSize}");

    public Task<ApiResult<NewsAdminView>> AdminNewsItemAsync(Guid id) => GetAsync<NewsAdminView>($"api/notification/admin/news/{id}");

    public Task<ApiResult<NewsAdminView>> CreateNewsAsync(NewsFormModel form) =>
        SendAsync<NewsAdminView>(HttpMethod.Post, "api/notification/admin/news", form);

    public Task<ApiResult<NewsAdminView>> EditNewsAsync(Guid id, NewsFormModel form) =>
        SendAsync<NewsAdminView>(HttpMethod.Put, $"api/notification/admin/news/{id}", form);

    public Task<ApiResult<NewsAdminView>> PublishNewsAsync(Guid id, DateTimeOffset? publishAt) =>
        SendAsync<NewsAdminView>(HttpMethod.Post, $"api/notification/admin/news/{id}/publish", new { publishAt });

    public Task<ApiResult<NewsAdminView>> UnpublishNewsAsync(Guid id) =>
        SendAsync<NewsAdminView>(HttpMethod.Post, $"api/notification/admin/news/{id}/unpublish", null);

    /// <summary>The establishment the user looks from: news targeted at its company's offer (the service checks they hold it).</summary>
    private static string Establishment(string separator, string? siret) => siret is null ? "" : $"{separator}siret={Uri.EscapeDataString(siret)}";
}
