using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Npgsql;
using Opco.Contracts.Identity;
using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.Notification;

/// <summary>
/// "Mes notifications" end to end: identity's event on the real broker, the notification service's inbox, then the
/// signed-in user's API through the gateway with a real access token.
/// </summary>
public sealed class InPortalNotificationsTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Siret = "73282932000074";
    private const string Me = MyNotifications.Me;
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    private readonly Uri _gateway = fixture.App.GetEndpoint("gateway");
    private readonly MyNotifications _api = new(fixture.App.GetEndpoint("gateway"));
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));
    private BrokerPublisher? _publisher;

    private BrokerPublisher Publisher => _publisher ?? throw new InvalidOperationException("The publisher is not started.");

    public async ValueTask InitializeAsync() => _publisher = await BrokerPublisher.StartAsync(fixture.App.GetConnectionString("messaging"));

    public async ValueTask DisposeAsync()
    {
        if (_publisher is not null) await _publisher.DisposeAsync();
        await _users.DisposeAsync();
    }

    [Fact]
    public async Task A_habilitations_change_is_listed_unread_until_read()
    {
        var user = await SignInAsync("notif-lue");
        await PublishChangeAsync(user, ["PriseEnCharge"], ["Gestionnaire"]);

        var page = await EventuallyListedAsync(user, 1);
        var notification = page.GetProperty("items")[0];
        Assert.Equal("HabilitationsChanged", notification.GetProperty("kind").GetString());
        Assert.Equal("Vos habilitations ont changé", notification.GetProperty("title").GetString());
        Assert.Contains("sont désormais", notification.GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.Null, notification.GetProperty("readAt").ValueKind);
        Assert.Equal(1, await UnreadAsync(user));

        var id = notification.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Post, $"{Me}/notifications/{id}/read", user.AccessToken)).StatusCode);

        Assert.Equal(0, await UnreadAsync(user));
        var read = await ListAsync(user, "");
        Assert.NotEqual(JsonValueKind.Null, read.GetProperty("items")[0].GetProperty("readAt").ValueKind);
    }

    [Fact]
    public async Task Read_all_marks_every_notification_read_and_the_list_is_newest_first()
    {
        var user = await SignInAsync("notif-toutes");
        await PublishChangeAsync(user, ["Reporting"], ["Gestionnaire"]);
        await EventuallyListedAsync(user, 1);
        await PublishChangeAsync(user, [], ["Reporting"]);
        var page = await EventuallyListedAsync(user, 2);

        Assert.Contains("n'avez plus accès", page.GetProperty("items")[0].GetProperty("body").GetString());
        Assert.Equal(2, await UnreadAsync(user));
        var firstPage = await ListAsync(user, "?page=1&pageSize=1");
        Assert.Equal(1, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal(2, firstPage.GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Post, $"{Me}/notifications/read-all", user.AccessToken)).StatusCode);

        Assert.Equal(0, await UnreadAsync(user));
        Assert.Equal(0, (await ListAsync(user, "?unreadOnly=true")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_first_grant_gives_no_notification()
    {
        var user = await SignInAsync("notif-premier");
        var firstGrant = await PublishChangeAsync(user, ["Gestionnaire"], []);
        await PublishChangeAsync(user, ["Reporting"], ["Gestionnaire"]);

        var page = await EventuallyListedAsync(user, 1);
        await Eventually.HoldsAsync(async () => await ConsumedAsync(firstGrant), Delivery, "the first grant is consumed");
        Assert.Equal(1, (await ListAsync(user, "")).GetProperty("total").GetInt32());
        Assert.Contains("auparavant", page.GetProperty("items")[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task Someone_elses_notification_answers_not_found()
    {
        var owner = await SignInAsync("notif-proprio");
        var other = await SignInAsync("notif-autre");
        await PublishChangeAsync(owner, ["Reporting"], ["Gestionnaire"]);
        var id = (await EventuallyListedAsync(owner, 1)).GetProperty("items")[0].GetProperty("id").GetGuid();

        var response = await SendAsync(HttpMethod.Post, $"{Me}/notifications/{id}/read", other.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Notification introuvable.", (await ProblemAsync(response)).GetProperty("title").GetString());
        Assert.Equal(0, (await ListAsync(other, "")).GetProperty("total").GetInt32());
        Assert.Equal(1, await UnreadAsync(owner));
    }

    [Fact]
    public async Task Every_endpoint_refuses_a_call_without_a_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, $"{Me}/notifications", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, $"{Me}/unread-count", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Post, $"{Me}/notifications/{Guid.NewGuid()}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Post, $"{Me}/notifications/read-all", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, $"{Me}/settings", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Put, $"{Me}/settings", null, new { kinds = Array.Empty<object>() })).StatusCode);
    }

    [Fact]
    public async Task Turning_a_kind_off_stops_its_notifications()
    {
        var user = await SignInAsync("notif-off");
        var defaults = await ReadJsonAsync(await SendAsync(HttpMethod.Get, $"{Me}/settings", user.AccessToken));
        Assert.All(defaults.GetProperty("kinds").EnumerateArray(), k => Assert.True(k.GetProperty("inPortal").GetBoolean()));
        Assert.Equal(Enum.GetValues<Opco.Notification.Domain.NotificationKind>().Length, defaults.GetProperty("kinds").GetArrayLength());

        var saved = await SendAsync(HttpMethod.Put, $"{Me}/settings", user.AccessToken, new
        {
            kinds = new[] { new { kind = "HabilitationsChanged", inPortal = false, emailAlerts = true, frequency = "Weekly" } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var settings = await ReadJsonAsync(await SendAsync(HttpMethod.Get, $"{Me}/settings", user.AccessToken));
        var habilitations = settings.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "HabilitationsChanged");
        Assert.False(habilitations.GetProperty("inPortal").GetBoolean());
        Assert.True(habilitations.GetProperty("emailAlerts").GetBoolean());
        Assert.Equal("Weekly", habilitations.GetProperty("frequency").GetString());

        var messageId = await PublishChangeAsync(user, ["Reporting"], ["Gestionnaire"]);
        await Eventually.HoldsAsync(async () => await ConsumedAsync(messageId), Delivery, "the event is consumed");

        Assert.Equal(0, (await ListAsync(user, "")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_french_messages()
    {
        var user = await SignInAsync("notif-invalide");

        var response = await SendAsync(HttpMethod.Put, $"{Me}/settings", user.AccessToken, new
        {
            kinds = new object[]
            {
                new { kind = "Inconnu", inPortal = true, emailAlerts = false, frequency = "Daily" },
                new { kind = "Payment", inPortal = true, emailAlerts = true, frequency = "Hourly" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("Vos préférences de notification n'ont pas été enregistrées.", problem.GetProperty("title").GetString());
        var messages = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()).ToList();
        Assert.Contains("Ce type de notification n'existe pas.", messages);
        Assert.Contains("La fréquence doit être Immediate, Daily ou Weekly.", messages);
        // Nothing was saved: the valid-looking line is refused with the rest.
        var settings = await ReadJsonAsync(await SendAsync(HttpMethod.Get, $"{Me}/settings", user.AccessToken));
        Assert.All(settings.GetProperty("kinds").EnumerateArray(), k => Assert.False(k.GetProperty("emailAlerts").GetBoolean()));

        var badPage = await SendAsync(HttpMethod.Get, $"{Me}/notifications?pageSize=0", user.AccessToken);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    private Task<PortalUser> SignInAsync(string who) =>
        PortalUser.SignInAsync(_users, _gateway, fixture.App.GetParameter("web-client-secret"), who);

    private async Task<Guid> PublishChangeAsync(PortalUser user, string[] held, string[] previous)
    {
        var id = NewId.NextGuid();
        await Publisher.PublishAsync(new UserHabilitationsChanged(user.Id, user.Account.Email!, "Jeanne", "Testeuse", Siret,
            "Établissement de test", held, previous, Guid.NewGuid(), DateTimeOffset.UtcNow), id);
        return id;
    }

    private async Task<JsonElement> EventuallyListedAsync(PortalUser user, int count)
    {
        JsonElement page = default;
        await Eventually.HoldsAsync(async () => (page = await ListAsync(user, "")).GetProperty("total").GetInt32() >= count, Delivery,
            $"{count} notification(s) listed");
        return page;
    }

    private Task<JsonElement> ListAsync(PortalUser user, string query) => _api.ListAsync(user, query);

    private Task<int> UnreadAsync(PortalUser user) => _api.UnreadAsync(user);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null) =>
        _api.SendAsync(method, path, token, body);

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await ReadJsonAsync(response);
    }

    private async Task<bool> ConsumedAsync(Guid messageId)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("notificationdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM inbox_messages WHERE message_id = @id AND consumer LIKE '%HabilitationsChangedNotificationConsumer'", connection);
        command.Parameters.AddWithValue("id", messageId);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
