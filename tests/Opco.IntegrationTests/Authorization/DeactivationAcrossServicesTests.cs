using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Authorization;

/// <summary>
/// The real chain: a manager grants rights and deactivates through identity's API; identity's outbox tells every
/// service; the user's next call to another service is refused within one second, long before the token expires.
/// </summary>
public sealed class DeactivationAcrossServicesTests(AppFixture fixture) : IAsyncDisposable
{
    private const string Siret = "35600000000051";
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));

    [Fact]
    public async Task A_deactivated_user_is_refused_by_another_service_within_one_second()
    {
        var manager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Gestionnaire] });
        var account = await _users.CreateAsync(AccountRequestPayloads.UniqueEmail("desactive"),
            accesses: new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Reporting] });
        using var oidc = new OidcClient(fixture.App.GetEndpoint("gateway"), "opco-web", fixture.App.GetParameter("web-client-secret"));
        var tokens = (await oidc.SignInWithCodeAsync(account.Email!, IdentityUsers.Password, PortalUser.AllApis)).Tokens!.Value;
        // The manager's change goes through identity's outbox to every service's copy of the rights.
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Api.PutAsJsonAsync($"/api/identity/users/{account.Id}/establishments/{Siret}",
            new { habilitations = new[] { "PriseEnCharge" } })).StatusCode);
        using var api = fixture.App.CreateHttpClient("gateway");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        var user = account;
        var permissions = $"/api/dossier/establishments/{Siret}/permissions";
        await Eventually.HoldsAsync(async () => (await api.GetAsync(permissions)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(5), "the dossier service learns the new rights");

        var deactivated = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Api.PostAsync($"/api/identity/users/{user.Id}/deactivate", null)).StatusCode);
        HttpStatusCode status;
        do status = (await api.GetAsync(permissions)).StatusCode;
        while (status == HttpStatusCode.OK && deactivated.Elapsed < TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.True(deactivated.Elapsed < TimeSpan.FromSeconds(1), $"refused after {deactivated.ElapsedMilliseconds} ms");
    }

    public ValueTask DisposeAsync() => _users.DisposeAsync();
}
