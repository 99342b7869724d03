using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Opco.Contracts.Identity;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Authorization;

/// <summary>
/// Identity's access tokens and the local copies of users' rights, end to end: real sign-in through the gateway,
/// rights published on the real broker, copied by each service into its own database, checked per request.
/// </summary>
public sealed class EstablishmentAccessTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Siret = "73282932000074";
    private const string OtherSiret = "44306184100047";
    private static readonly string[] Services = ["onboarding", "dossier", "finance", "notification"];
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    private readonly Uri _gateway = fixture.App.GetEndpoint("gateway");
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));
    private UserRightsEvents? _events;
    private FunctionalityProbeApp? _probe;

    private UserRightsEvents Events => _events!;
    private FunctionalityProbeApp Probe => _probe!;

    public async ValueTask InitializeAsync()
    {
        _events = await UserRightsEvents.StartAsync(fixture.App.GetConnectionString("messaging"));
        _probe = await FunctionalityProbeApp.StartAsync(fixture.App);
    }

    [Fact]
    public async Task Every_api_refuses_a_call_without_a_token()
    {
        foreach (var service in Services)
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(Permissions(service, Siret), token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Probe.Client.GetAsync(FunctionalityProbeApp.SuivreDossiers(Siret))).StatusCode);
    }

    [Fact]
    public async Task A_token_issued_for_another_api_is_refused()
    {
        using var batch = new OidcClient(_gateway, "opco-batch", fixture.App.GetParameter("batch-client-secret"));
        var tokens = await batch.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "finance" });
        var financeOnly = tokens.GetProperty("access_token").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(Permissions("dossier", Siret), financeOnly)).StatusCode);
        // The same token is valid where it is meant to be: a machine holds nothing on an establishment.
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(Permissions("finance", Siret), financeOnly)).StatusCode);
    }

    [Fact]
    public async Task Every_service_lists_the_functionalities_allowed_on_an_establishment()
    {
        var user = await SignInAsync("permissions");
        await Events.PublishAsync(UserRightsEvents.Habilitations(user.Id, Siret, DateTimeOffset.UtcNow, Habilitation.PriseEnCharge));

        string[] expected = [.. HabilitationMatrix.Allowed([Habilitation.PriseEnCharge]).Select(f => f.ToString())];
        foreach (var service in Services)
        {
            var response = await EventuallyAsync(Permissions(service, Siret), user.AccessToken, HttpStatusCode.OK);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var functionalities = body.GetProperty("functionalities").EnumerateArray().ToList();
            Assert.Equal(expected, functionalities.Select(f => f.GetProperty("functionality").GetString()));
            Assert.Contains(functionalities, f => f.GetProperty("label").GetString() == "Suivre les dossiers");
        }
        // A SIRET typed with spaces designates the same establishment.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(Permissions("dossier", "732 829 320 00074"), user.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task An_establishment_the_user_holds_nothing_on_answers_not_found()
    {
        var user = await SignInAsync("rien");
        await Events.PublishAsync(UserRightsEvents.Habilitations(user.Id, Siret, DateTimeOffset.UtcNow, Habilitation.Gestionnaire));
        await EventuallyAsync(Permissions("dossier", Siret), user.AccessToken, HttpStatusCode.OK);

        var elsewhere = await GetAsync(Permissions("dossier", OtherSiret), user.AccessToken);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal("Établissement introuvable.", (await ProblemAsync(elsewhere)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Probe.Client.SendAsync(Get(FunctionalityProbeApp.SuivreDossiers(OtherSiret), user.AccessToken))).StatusCode);

        // Detached: the empty set means nothing is held there any more.
        await Events.PublishAsync(UserRightsEvents.Habilitations(user.Id, Siret, DateTimeOffset.UtcNow));
        await EventuallyAsync(Permissions("dossier", Siret), user.AccessToken, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_functionality_needs_a_habilitation_that_allows_it()
    {
        var user = await SignInAsync("reporting");
        await Events.PublishAsync(UserRightsEvents.Habilitations(user.Id, Siret, DateTimeOffset.UtcNow, Habilitation.Reporting));

        await EventuallyAsync(Probe, FunctionalityProbeApp.VisualiserComptes(Siret), user.AccessToken, HttpStatusCode.NoContent);
        var refused = await Probe.Client.SendAsync(Get(FunctionalityProbeApp.SuivreDossiers(Siret), user.AccessToken));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Vous n'avez pas l'habilitation nécessaire pour cette fonctionnalité.",
            (await ProblemAsync(refused)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_deactivated_user_is_refused_within_a_second()
    {
        var user = await SignInAsync("desactive");
        await Events.PublishAsync(UserRightsEvents.Habilitations(user.Id, Siret, DateTimeOffset.UtcNow, Habilitation.PriseEnCharge));
        await EventuallyAsync(Probe, FunctionalityProbeApp.SuivreDossiers(Siret), user.AccessToken, HttpStatusCode.NoContent);
        await EventuallyAsync(Permissions("dossier", Siret), user.AccessToken, HttpStatusCode.OK);

        var clock = Stopwatch.StartNew();
        await Events.PublishAsync(new UserActivationChanged(user.Id, false, Guid.NewGuid(), DateTimeOffset.UtcNow));
        HttpStatusCode status;
        do status = (await Probe.Client.SendAsync(Get(FunctionalityProbeApp.SuivreDossiers(Siret), user.AccessToken))).StatusCode;
        while (status != HttpStatusCode.Forbidden && clock.Elapsed < TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.True(clock.Elapsed <= TimeSpan.FromSeconds(1), $"refused after {clock.ElapsedMilliseconds} ms");
        var viaGateway = await GetAsync(Permissions("dossier", Siret), user.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, viaGateway.StatusCode);
        Assert.Equal("Votre compte est désactivé.", (await ProblemAsync(viaGateway)).GetProperty("title").GetString());

        await Events.PublishAsync(new UserActivationChanged(user.Id, true, Guid.NewGuid(), DateTimeOffset.UtcNow));
        await EventuallyAsync(Probe, FunctionalityProbeApp.SuivreDossiers(Siret), user.AccessToken, HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_deleted_user_loses_every_right_for_good()
    {
        var user = await SignInAsync("supprime");
        await Events.PublishAsync(UserRightsEvents.Habilitations(user.Id, Siret, DateTimeOffset.UtcNow, Habilitation.Gestionnaire));
        await EventuallyAsync(Probe, FunctionalityProbeApp.SuivreDossiers(Siret), user.AccessToken, HttpStatusCode.NoContent);

        await Events.PublishAsync(new UserDeleted(user.Id, Guid.NewGuid(), DateTimeOffset.UtcNow));
        await EventuallyAsync(Probe, FunctionalityProbeApp.SuivreDossiers(Siret), user.AccessToken, HttpStatusCode.Forbidden);
        // An activation announced before the deletion but delivered after it changes nothing.
        var late = await Events.PublishAsync(new UserActivationChanged(user.Id, true, Guid.NewGuid(), DateTimeOffset.UtcNow));
        await Eventually.HoldsAsync(async () => await InboxRecordsAsync("dossierdb", late) == 1, Delivery, "the late activation is consumed");

        Assert.Equal(HttpStatusCode.Forbidden,
            (await Probe.Client.SendAsync(Get(FunctionalityProbeApp.SuivreDossiers(Siret), user.AccessToken))).StatusCode);
        Assert.Equal(0L, await ScalarAsync("dossierdb", "SELECT count(*) FROM user_habilitations WHERE user_id = @id", user.Id));
    }

    [Fact]
    public async Task A_duplicated_event_is_applied_once_and_an_older_one_is_ignored()
    {
        var user = await SignInAsync("doublon");
        var now = DateTimeOffset.UtcNow;
        var first = UserRightsEvents.Habilitations(user.Id, Siret, now, Habilitation.PriseEnCharge);
        var firstId = await Events.PublishAsync(first);
        await EventuallyAsync(Probe, FunctionalityProbeApp.SuivreDossiers(Siret), user.AccessToken, HttpStatusCode.NoContent);
        await Events.PublishAsync(UserRightsEvents.Habilitations(user.Id, Siret, now.AddSeconds(1), Habilitation.Reporting));
        await EventuallyAsync(Probe, FunctionalityProbeApp.VisualiserComptes(Siret), user.AccessToken, HttpStatusCode.NoContent);

        // The broker redelivers the first event, and an event older than the last one applied arrives late.
        await Events.PublishAsync(first, firstId);
        await Events.PublishAsync(UserRightsEvents.Habilitations(user.Id, Siret, now.AddSeconds(-1), Habilitation.Gestionnaire));
        // A later event on another establishment, once applied, shows the queue has moved past both.
        await Events.PublishAsync(UserRightsEvents.Habilitations(user.Id, OtherSiret, now, Habilitation.Reporting));
        await EventuallyAsync(Probe, FunctionalityProbeApp.VisualiserComptes(OtherSiret), user.AccessToken, HttpStatusCode.NoContent);
        await Eventually.HoldsAsync(async () => await InboxRecordsAsync("dossierdb", firstId) == 1, Delivery, "the first event is recorded");

        Assert.Equal(HttpStatusCode.Forbidden,
            (await Probe.Client.SendAsync(Get(FunctionalityProbeApp.SuivreDossiers(Siret), user.AccessToken))).StatusCode);
        Assert.Equal(1, await InboxRecordsAsync("dossierdb", firstId));
        var permissions = await (await GetAsync(Permissions("dossier", Siret), user.AccessToken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HabilitationMatrix.Allowed([Habilitation.Reporting]).Select(f => f.ToString()),
            permissions.GetProperty("functionalities").EnumerateArray().Select(f => f.GetProperty("functionality").GetString()));
    }

    private static string Permissions(string service, string siret) => $"/api/{service}/establishments/{Uri.EscapeDataString(siret)}/permissions";

    private Task<PortalUser> SignInAsync(string who) =>
        PortalUser.SignInAsync(_users, _gateway, fixture.App.GetParameter("web-client-secret"), who);

    private static HttpRequestMessage Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var http = new HttpClient { BaseAddress = _gateway };
        return await http.SendAsync(Get(path, token));
    }

    private async Task<HttpResponseMessage> EventuallyAsync(string path, string token, HttpStatusCode expected)
    {
        HttpResponseMessage? last = null;
        await Eventually.HoldsAsync(async () => (last = await GetAsync(path, token)).StatusCode == expected, Delivery,
            $"GET {path} answers {expected}");
        return last!;
    }

    private static async Task EventuallyAsync(FunctionalityProbeApp probe, string path, string token, HttpStatusCode expected) =>
        await Eventually.HoldsAsync(async () => (await probe.Client.SendAsync(Get(path, token))).StatusCode == expected, Delivery,
            $"GET {path} answers {expected}");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<long> InboxRecordsAsync(string database, Guid messageId) =>
        ScalarAsync(database, "SELECT count(*) FROM inbox_messages WHERE message_id = @id", messageId);

    private async Task<long> ScalarAsync(string database, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null) await _probe.DisposeAsync();
        if (_events is not null) await _events.DisposeAsync();
        await _users.DisposeAsync();
    }
}
