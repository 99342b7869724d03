using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Dossier;

/// <summary>
/// Calls the dossier service through the gateway as signed-in users, each given habilitations by identity's events
/// and returned once the dossier service's copy of the rights has them.
/// </summary>
internal sealed class DossierCaller : IAsyncDisposable
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private readonly AppFixture _fixture;
    private readonly Uri _gateway;
    private readonly IdentityUsers _users;
    private readonly UserRightsEvents _events;

    private DossierCaller(AppFixture fixture, UserRightsEvents events)
    {
        _fixture = fixture;
        _gateway = fixture.App.GetEndpoint("gateway");
        _users = new(fixture.App.GetConnectionString("identitydb"));
        _events = events;
    }

    public static async Task<DossierCaller> StartAsync(AppFixture fixture) =>
        new(fixture, await UserRightsEvents.StartAsync(fixture.App.GetConnectionString("messaging")));

    public ValueTask DisposeAsync() => _events.DisposeAsync();

    public async Task<PortalUser> HabilitatedAsync(string who, string siret, params Habilitation[] held)
    {
        var user = await PortalUser.SignInAsync(_users, _gateway, _fixture.App.GetParameter("web-client-secret"), who);
        await _events.PublishAsync(UserRightsEvents.Habilitations(user.Id, siret, DateTimeOffset.UtcNow, held));
        await Eventually.HoldsAsync(async () =>
            (await SendAsync(user, HttpMethod.Get, $"/api/dossier/establishments/{siret}/permissions")).StatusCode == HttpStatusCode.OK,
            Delivery, $"the dossier service knows {who}'s habilitations");
        return user;
    }

    /// <summary>A JSON body for an object, as is for <see cref="HttpContent"/>; anonymous when <paramref name="user"/> is null.</summary>
    public async Task<HttpResponseMessage> SendAsync(PortalUser? user, HttpMethod method, string path, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = _gateway };
        var request = new HttpRequestMessage(method, path)
        {
            Content = body switch { null => null, HttpContent content => content, _ => JsonContent.Create(body) },
        };
        if (user is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return await http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
