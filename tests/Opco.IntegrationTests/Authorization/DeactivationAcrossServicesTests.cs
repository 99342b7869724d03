using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Authorization;

/// <summary>
/// The real chain: a manager grants rights and deactivates through identity's API; identity's outbox tells every
/// service; once another service's copy has the deactivation, the user's very next call there is refused, long before
/// the token expires.
/// </summary>
public sealed class DeactivationAcrossServicesTests(AppFixture fixture) : IAsyncDisposable
{
    private const string Siret = "35600000000051";
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));

    [Fact]
    public async Task A_deactivated_user_is_refused_by_another_service_at_the_first_call_after_its_copy_commits()
    {
        var manager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Gestionnaire] });
        var account = await _users.CreateAsync(TestEmails.Unique("desactive"),
            accesses: new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Reporting] });
        using var oidc = new OidcClient(fixture.App.GetEndpoint("gateway"), "opco-web", fixture.App.GetParameter("web-client-secret"));
        var tokens = (await oidc.SignInWithCodeAsync(account.Email!, IdentityUsers.Password, PortalUser.AllApis)).Tokens!.Value;
        // The manager's change goes through identity's outbox to every service's copy of the rights.
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Api.PutAsJsonAsync($"/api/identity/users/{account.Id}/establishments/{Siret}",
            new { habilitations = new[] { "PriseEnCharge" } })).StatusCode);
        using var api = fixture.App.CreateHttpClient("gateway");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        var permissions = $"/api/dossier/establishments/{Siret}/permissions";
        await Eventually.HoldsAsync(async () => (await api.GetAsync(permissions)).StatusCode == HttpStatusCode.OK,
            Propagation, "the dossier service learns the new rights");

        Assert.Equal(HttpStatusCode.NoContent, (await manager.Api.PostAsync($"/api/identity/users/{account.Id}/deactivate", null)).StatusCode);
        await Eventually.HoldsAsync(async () => await IsActiveInDossierCopyAsync(account.Id) == false, Propagation,
            "the deactivation reaches the dossier service's copy");

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(permissions)).StatusCode);
    }

    /// <summary>The dossier service's copy of the user's status; null while it has no row (never deactivated).</summary>
    private async Task<bool?> IsActiveInDossierCopyAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("dossierdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT is_active FROM user_status WHERE user_id = @id", connection);
        command.Parameters.AddWithValue("id", userId);
        return (bool?)await command.ExecuteScalarAsync();
    }

    public ValueTask DisposeAsync() => _users.DisposeAsync();
}
