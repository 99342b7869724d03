using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Identity;

/// <summary>"Mon profil" through the gateway: informations, établissement préféré, mes établissements.</summary>
public sealed class ProfileTests(AppFixture fixture) : IAsyncDisposable
{
    private const string First = "35600000000006";
    private const string Second = "35600000000015";
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));

    [Fact]
    public async Task My_establishments_show_the_preferred_one_my_habilitations_and_the_managers()
    {
        var me = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]>
        {
            [First] = [Habilitation.Gestionnaire],
            [Second] = [Habilitation.PriseEnCharge, Habilitation.Reporting],
        });
        Assert.Equal(HttpStatusCode.NoContent, (await me.Api.PutAsJsonAsync("/api/identity/me/preferred-establishment", new { siret = Second })).StatusCode);

        var rows = (await me.Api.GetFromJsonAsync<JsonElement>("/api/identity/me/establishments")).EnumerateArray().ToList();

        Assert.Equal([Second, First], rows.Select(r => r.GetProperty("siret").GetString()));
        Assert.True(rows[0].GetProperty("isPreferred").GetBoolean());
        Assert.Equal(["Prise en charge", "Données des reporting"], rows[0].GetProperty("habilitationLabels").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains(rows[1].GetProperty("managers").EnumerateArray(), m => m.GetProperty("email").GetString() == me.Account.Email);
        Assert.Empty(rows[0].GetProperty("managers").EnumerateArray());
    }

    [Fact]
    public async Task The_preferred_establishment_must_be_one_i_can_access()
    {
        var me = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [First] = [Habilitation.Reporting] });

        var response = await me.Api.PutAsJsonAsync("/api/identity/me/preferred-establishment", new { siret = "73282932000074" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Choisissez un des établissements auxquels vous avez accès.",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("siret")[0].GetString());
    }

    [Fact]
    public async Task I_edit_my_personal_data()
    {
        var me = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [First] = [Habilitation.Reporting] });

        var response = await me.Api.PutAsJsonAsync("/api/identity/me", new { civility = "Madame", lastName = "Nouveau-Nom", firstName = "Jeanne", phone = "+33 6 11 22 33 44", function = "RRH" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var profile = await me.Api.GetFromJsonAsync<JsonElement>("/api/identity/me");
        Assert.Equal(("Nouveau-Nom", "+33611223344", "RRH"),
            (profile.GetProperty("lastName").GetString(), profile.GetProperty("phone").GetString(), profile.GetProperty("function").GetString()));
    }

    [Fact]
    public async Task Without_a_token_the_profile_api_answers_401()
    {
        using var anonymous = fixture.App.CreateHttpClient("gateway");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/identity/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/identity/users")).StatusCode);
    }

    [Fact]
    public async Task A_new_email_becomes_the_login_only_once_confirmed_from_the_new_address()
    {
        var me = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [First] = [Habilitation.Reporting] });
        var newEmail = TestEmails.Unique("nouvelle");

        Assert.Equal(HttpStatusCode.Accepted, (await me.Api.PostAsJsonAsync("/api/identity/me/email", new { email = newEmail })).StatusCode);
        Assert.Equal(me.Account.Email, (await _users.FindAsync(me.Account.Id)).Email);

        var mail = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(newEmail), TimeSpan.FromSeconds(30));
        Assert.Equal("Confirmez votre nouvelle adresse email", mail.Subject);
        var link = System.Text.RegularExpressions.Regex.Match(mail.Text, @"https?://\S*/account/confirm-new-email\?token=\S+").Value;
        using var browser = new HttpClient { BaseAddress = fixture.App.GetEndpoint("gateway") };
        Assert.Contains("Votre nouvelle adresse email est confirmée", WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri(link).PathAndQuery)));

        Assert.Equal(newEmail, (await _users.FindAsync(me.Account.Id)).Email);
        using var oidc = new OidcClient(fixture.App.GetEndpoint("gateway"), "opco-web", fixture.App.GetParameter("web-client-secret"));
        Assert.NotNull((await oidc.SignInWithCodeAsync(newEmail, IdentityUsers.Password)).Tokens);
    }

    [Fact]
    public async Task Establishments_come_from_onboarding_events_with_closed_ones_flagged()
    {
        const string Siret = "35600000000060";
        var me = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.Reporting] });
        await using var broker = await BrokerPublisher.StartAsync(fixture.App.GetConnectionString("messaging"));

        await broker.PublishAsync(new Opco.Contracts.Onboarding.EstablishmentRegistered(Siret, "356000000", "La Poste – Agence de Lyon", "LA POSTE",
            "1 place Antonin Poncet 69002 Lyon", false, null, DateTimeOffset.UtcNow), Guid.NewGuid());
        await broker.PublishAsync(new Opco.Contracts.Onboarding.EstablishmentClosed(Siret, new DateOnly(2026, 10, 31), DateTimeOffset.UtcNow), Guid.NewGuid());

        await Eventually.HoldsAsync(async () =>
        {
            var row = (await me.Api.GetFromJsonAsync<JsonElement>("/api/identity/me/establishments"))[0];
            return row.GetProperty("name").GetString() == "La Poste – Agence de Lyon" && row.GetProperty("isClosed").GetBoolean();
        }, TimeSpan.FromSeconds(10), "identity's copy shows the establishment, closed");
    }

    public ValueTask DisposeAsync() => _users.DisposeAsync();
}
