using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Identity;

/// <summary>"Mes utilisateurs" through the gateway: a manager acts only on the establishments they manage.</summary>
public sealed class UsersManagementTests(AppFixture fixture) : IAsyncDisposable
{
    private const string SiretA = "73282932000074";
    private const string SiretB = "40483304800022";
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));

    [Fact]
    public async Task A_manager_of_A_can_neither_see_nor_change_users_of_B()
    {
        var managerA = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [SiretA] = [Habilitation.Gestionnaire] });
        var userOfB = await _users.CreateAsync(TestEmails.Unique("b"),
            accesses: new Dictionary<string, Habilitation[]> { [SiretB] = [Habilitation.PriseEnCharge] });

        var list = await managerA.Api.GetFromJsonAsync<JsonElement>($"/api/identity/users?pageSize=100&name={userOfB.LastName}");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), row => row.GetProperty("id").GetGuid() == userOfB.Id);

        var change = await managerA.Api.PutAsJsonAsync($"/api/identity/users/{userOfB.Id}/establishments/{SiretB}", new { habilitations = new[] { "Reporting" } });
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await managerA.Api.PostAsync($"/api/identity/users/{userOfB.Id}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await managerA.Api.GetAsync($"/api/identity/users/{userOfB.Id}/audit")).StatusCode);
        var create = await managerA.Api.PostAsJsonAsync("/api/identity/users", new
        {
            civility = "Madame", lastName = "Organa", firstName = "Leia", email = TestEmails.Unique("leia"), phone = "0612345678",
            establishments = new[] { new { siret = SiretB, habilitations = new[] { "Reporting" } } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_french_messages_per_field()
    {
        var manager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [SiretA] = [Habilitation.Gestionnaire] });

        var response = await manager.Api.PostAsJsonAsync("/api/identity/users", new { civility = "Docteur", lastName = "", phone = "123", email = "pas-un-email", establishments = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("La civilité est obligatoire (Monsieur ou Madame).", errors.GetProperty("civility")[0].GetString());
        Assert.Equal("Le nom est obligatoire.", errors.GetProperty("lastName")[0].GetString());
        Assert.StartsWith("Le téléphone doit être un numéro français", errors.GetProperty("phone")[0].GetString());
        Assert.Equal("L'email n'est pas une adresse valide.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("Choisissez au moins un établissement.", errors.GetProperty("establishments")[0].GetString());
    }

    [Fact]
    public async Task Changes_are_audited_and_the_last_manager_cannot_be_removed()
    {
        var manager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [SiretA] = [Habilitation.Gestionnaire] });
        var user = await _users.CreateAsync(TestEmails.Unique("audit"),
            accesses: new Dictionary<string, Habilitation[]> { [SiretA] = [Habilitation.PriseEnCharge] });

        Assert.Equal(HttpStatusCode.NoContent, (await manager.Api.PutAsJsonAsync($"/api/identity/users/{user.Id}/establishments/{SiretA}",
            new { habilitations = new[] { "PriseEnCharge", "Reporting" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Api.PostAsync($"/api/identity/users/{user.Id}/deactivate", null)).StatusCode);
        Assert.False((await _users.FindAsync(user.Id)).IsActive);

        var audit = await manager.Api.GetFromJsonAsync<JsonElement>($"/api/identity/users/{user.Id}/audit");
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["UserDeactivated", "HabilitationsChanged"], actions);
        var change = audit.EnumerateArray().Last();
        Assert.Contains("Reporting", change.GetProperty("after").GetString());
        Assert.DoesNotContain("Reporting", change.GetProperty("before").GetString());
        Assert.Equal(manager.Account.DisplayName, change.GetProperty("actorName").GetString());

        // Alone as manager of a fresh establishment, the manager cannot leave it.
        const string SiretC = "35600000000001";
        var lonely = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [SiretC] = [Habilitation.Gestionnaire] });
        var drop = await lonely.Api.PutAsJsonAsync($"/api/identity/users/{lonely.Account.Id}/establishments/{SiretC}", new { habilitations = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Conflict, drop.StatusCode);
        Assert.Equal("Cet établissement doit garder au moins un gestionnaire.",
            (await drop.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_list_filters_sorts_pages_and_counts()
    {
        const string Siret = "35600000000010";
        var manager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Gestionnaire] });
        foreach (var (last, active) in new[] { ("Alpha", true), ("Beta", false), ("Gamma", true) })
            await _users.CreateAsync(TestEmails.Unique(last.ToLowerInvariant()), u => { u.LastName = last; u.IsActive = active; },
                new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Reporting] });

        var all = await manager.Api.GetFromJsonAsync<JsonElement>("/api/identity/users?sort=lastName&direction=desc&pageSize=2");
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        Assert.Equal(["Testeuse", "Gamma"], all.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("lastName").GetString()));
        var inactive = await manager.Api.GetFromJsonAsync<JsonElement>("/api/identity/users?active=false");
        Assert.Equal("Beta", Assert.Single(inactive.GetProperty("items").EnumerateArray()).GetProperty("lastName").GetString());
        var managers = await manager.Api.GetFromJsonAsync<JsonElement>("/api/identity/users?habilitation=Gestionnaire");
        Assert.True(Assert.Single(managers.GetProperty("items").EnumerateArray()).GetProperty("isManager").GetBoolean());
        // Every column of the seed sorts, "Gestionnaire" included.
        var byManager = await manager.Api.GetFromJsonAsync<JsonElement>("/api/identity/users?sort=isManager&direction=desc");
        Assert.Equal([true, false, false, false], byManager.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("isManager").GetBoolean()));
    }

    [Fact]
    public async Task Deleting_a_user_erases_personal_data_keeps_the_audit_and_blocks_sign_in()
    {
        const string Siret = "35600000000024";
        var manager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Gestionnaire] });
        var user = await _users.CreateAsync(TestEmails.Unique("supprime"),
            accesses: new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Reporting] });

        Assert.Equal(HttpStatusCode.NoContent, (await manager.Api.DeleteAsync($"/api/identity/users/{user.Id}")).StatusCode);

        var erased = await _users.FindAsync(user.Id);
        Assert.Equal(("Utilisateur supprimé", "", null, false), (erased.LastName, erased.FirstName, erased.PhoneNumber, erased.IsActive));
        Assert.DoesNotContain(user.Email!, erased.Email);
        Assert.Null(erased.PasswordHash);
        var audit = await manager.Api.GetFromJsonAsync<JsonElement>($"/api/identity/users/{user.Id}/audit");
        Assert.Equal("UserDeleted", audit[0].GetProperty("action").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Api.GetAsync($"/api/identity/users/{user.Id}")).StatusCode);
        using var oidc = new OidcClient(fixture.App.GetEndpoint("gateway"), "opco-web", fixture.App.GetParameter("web-client-secret"));
        Assert.NotNull((await oidc.SignInWithCodeAsync(user.Email!, IdentityUsers.Password)).RefusalPage);
    }

    [Fact]
    public async Task User_management_without_gestionnaire_cannot_escalate()
    {
        const string Siret = "35600000000079";
        var userManager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.GestionUtilisateurs] });
        var colleague = await _users.CreateAsync(TestEmails.Unique("collegue"),
            accesses: new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Reporting] });
        var stranger = await _users.CreateAsync(TestEmails.Unique("inconnu"));

        var self = await userManager.Api.PutAsJsonAsync($"/api/identity/users/{userManager.Account.Id}/establishments/{Siret}",
            new { habilitations = new[] { "GestionUtilisateurs", "DonneesSensibles" } });
        var makeManager = await userManager.Api.PutAsJsonAsync($"/api/identity/users/{colleague.Id}/establishments/{Siret}",
            new { habilitations = new[] { "Gestionnaire" } });
        var allowed = await userManager.Api.PutAsJsonAsync($"/api/identity/users/{colleague.Id}/establishments/{Siret}",
            new { habilitations = new[] { "Reporting", "PriseEnCharge" } });
        var byIdAlone = await userManager.Api.PutAsJsonAsync($"/api/identity/users/{stranger.Id}/establishments/{Siret}",
            new { habilitations = new[] { "Reporting" } });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NoContent, HttpStatusCode.NotFound),
            (self.StatusCode, makeManager.StatusCode, allowed.StatusCode, byIdAlone.StatusCode));
    }

    [Fact]
    public async Task A_manager_reads_only_the_audit_of_their_own_establishments()
    {
        const string Mine = "35600000000105", Theirs = "35600000000114";
        var manager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [Mine] = [Habilitation.Gestionnaire] });
        var other = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [Theirs] = [Habilitation.Gestionnaire] });
        var shared = await _users.CreateAsync(TestEmails.Unique("partage"),
            accesses: new Dictionary<string, Habilitation[]> { [Mine] = [Habilitation.Reporting], [Theirs] = [Habilitation.Reporting] });

        var theirChange = await other.Api.PutAsJsonAsync($"/api/identity/users/{shared.Id}/establishments/{Theirs}", new { habilitations = new[] { "ContratPro" } });
        var myDetach = await manager.Api.PutAsJsonAsync($"/api/identity/users/{shared.Id}/establishments/{Mine}", new { habilitations = Array.Empty<string>() });
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (theirChange.StatusCode, myDetach.StatusCode));

        var audit = (await manager.Api.GetFromJsonAsync<JsonElement>($"/api/identity/users/{shared.Id}/audit")).EnumerateArray().ToList();
        var entry = Assert.Single(audit);
        Assert.Equal(Mine, entry.GetProperty("siret").GetString());
        Assert.DoesNotContain(Theirs, entry.GetProperty("before").GetString());
    }

    public ValueTask DisposeAsync() => _users.DisposeAsync();
}
