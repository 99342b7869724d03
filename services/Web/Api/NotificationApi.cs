namespace Opco.Web.Api;

/// <summary>"Mes notifications" of the signed-in user.</summary>
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
}
