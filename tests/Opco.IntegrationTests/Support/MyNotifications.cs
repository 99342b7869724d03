using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Opco.IntegrationTests.Support;

/// <summary>"Mes notifications" through the gateway, as the holder of an access token.</summary>
public sealed class MyNotifications(Uri gateway)
{
    public const string Me = "/api/notification/me";

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public async Task<JsonElement> ListAsync(PortalUser user, string query = "")
    {
        var response = await SendAsync(HttpMethod.Get, $"{Me}/notifications{query}", user.AccessToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<int> UnreadAsync(PortalUser user) =>
        (await (await SendAsync(HttpMethod.Get, $"{Me}/unread-count", user.AccessToken)).Content.ReadFromJsonAsync<JsonElement>())
        .GetProperty("unread").GetInt32();
}
