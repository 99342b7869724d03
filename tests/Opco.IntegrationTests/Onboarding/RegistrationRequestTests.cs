using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Opco.SharedKernel;
using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.Onboarding;

/// <summary>
/// "Demander la création de mon entreprise" and "vous pouvez le créer": validated by an advisor, then in the registry,
/// published to the other services' copies, and the requester told by e-mail.
/// </summary>
public sealed class RegistrationRequestTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Endpoint = "/api/onboarding/registration-requests";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private OnboardingWorld? _world;
    private OnboardingWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    private static Dictionary<string, object?> Form(string kind, string siren, string siret, string name, string email) => new()
    {
        ["kind"] = kind, ["siren"] = siren, ["siret"] = siret, ["name"] = name, ["address"] = "25, rue des Ancres", ["postalCode"] = "75116",
        ["city"] = "PARIS", ["requesterEmail"] = email, ["requesterLastName"] = "Debuire", ["requesterFirstName"] = "Isabelle",
    };

    private async Task<Guid> SubmitAsync(Dictionary<string, object?> form)
    {
        var response = await World.Gateway.PostAsJsonAsync(Endpoint, form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
    }

    [Fact]
    public async Task A_missing_company_joins_the_registry_once_an_advisor_validates_it()
    {
        var advisor = await World.AdvisorAsync();
        var siren = FictionalIdentifiers.Siren(Random.Shared);
        var siret = FictionalIdentifiers.Siret(siren, 0);
        var name = $"SOCIÉTÉ {OnboardingWorld.UniqueWord()} FRANCE";
        var email = TestEmails.Unique("creation");
        var id = await SubmitAsync(Form("Company", siren, siret, name, email));

        var pending = await advisor.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}?direction=desc");
        Assert.Contains(id, pending.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var approved = await advisor.Api.PostAsJsonAsync($"{Endpoint}/{id}/approve", new { headcount = 8, serviceOffer = "DEFi Performance" });

        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        var found = await World.Gateway.GetFromJsonAsync<JsonElement>($"/api/onboarding/directory/companies?q={Uri.EscapeDataString(name)}");
        Assert.Equal(siren, found[0].GetProperty("siren").GetString());
        var sites = await World.Gateway.GetFromJsonAsync<JsonElement>($"/api/onboarding/directory/companies/{siren}/establishments");
        Assert.Equal((siret, true, "PARIS"), (sites[0].GetProperty("siret").GetString(), sites[0].GetProperty("isHeadOffice").GetBoolean(),
            sites[0].GetProperty("city").GetString()));
        var mail = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email), Delivery);
        Assert.Equal("Votre demande de création d'entreprise a été acceptée", mail.Subject);
        // Published: identity's copy of the registry has the new establishment.
        await Eventually.HoldsAsync(async () => await IdentityKnowsAsync(siret), Delivery, "identity's copy has the establishment");
        // The validating advisor is the new company's advisor: its first account request goes to them.
        var requestId = await World.SubmitAsync(OnboardingWorld.DefiForm(TestEmails.Unique(), siret));
        var list = await advisor.Api.GetFromJsonAsync<JsonElement>("/api/onboarding/account-requests");
        Assert.Contains(requestId, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_missing_establishment_of_a_known_company_is_added_and_a_refusal_gives_its_reason()
    {
        var advisor = await World.AdvisorAsync();
        var company = await World.CompanyAsync(sites: 1);
        var email = TestEmails.Unique("site");

        var unknownCompany = await World.Gateway.PostAsJsonAsync(Endpoint,
            Form("Establishment", "404833048", "40483304800022", "Agence inconnue", email));
        var existing = await World.Gateway.PostAsJsonAsync(Endpoint, Form("Establishment", company.Siren, company.Sirets[0], "Doublon", email));
        var invalid = await World.Gateway.PostAsJsonAsync(Endpoint, Form("Establishment", company.Siren, "40483304800022", "Mauvais", "x"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict, HttpStatusCode.BadRequest),
            (unknownCompany.StatusCode, existing.StatusCode, invalid.StatusCode));
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal($"Le SIRET doit commencer par le SIREN de l'entreprise ({company.Siren}).", errors.GetProperty("siret")[0].GetString());
        Assert.Equal("L'email n'est pas une adresse valide.", errors.GetProperty("requesterEmail")[0].GetString());

        var newSite = FictionalIdentifiers.Siret(company.Siren, 5);
        var accepted = await SubmitAsync(Form("Establishment", company.Siren, newSite, $"{company.Name} – Paris", email));
        var refused = await SubmitAsync(Form("Establishment", company.Siren, FictionalIdentifiers.Siret(company.Siren, 6), "Agence fantôme", email));
        Assert.Equal(HttpStatusCode.Accepted, (await advisor.Api.PostAsync($"{Endpoint}/{accepted}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.Api.PostAsJsonAsync($"{Endpoint}/{refused}/refuse", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await advisor.Api.PostAsJsonAsync($"{Endpoint}/{refused}/refuse", new { reason = "Ce site n'existe pas au répertoire SIRENE." })).StatusCode);

        var sites = await World.Gateway.GetFromJsonAsync<JsonElement>($"/api/onboarding/directory/companies/{company.Siren}/establishments");
        Assert.Equal([company.Sirets[0], newSite], sites.EnumerateArray().Select(s => s.GetProperty("siret").GetString()));
        var refusal = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject.EndsWith("refusée"), Delivery);
        Assert.Contains("Motif : Ce site n'existe pas au répertoire SIRENE.", refusal.Text);
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject == "Votre demande de création d'établissement a été acceptée",
            Delivery);
    }

    [Fact]
    public async Task Only_staff_list_and_decide_registration_requests()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("PasConseiller", [company.Sirets[0]]);
        var id = await SubmitAsync(Form("Establishment", company.Siren, FictionalIdentifiers.Siret(company.Siren, 3), "Agence", TestEmails.Unique()));

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Api.GetAsync(Endpoint)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Api.PostAsync($"{Endpoint}/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await World.Gateway.GetAsync(Endpoint)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await manager.Api.PostAsJsonAsync($"/api/onboarding/registry/establishments/{company.Sirets[0]}/close", new { })).StatusCode);
    }

    [Fact]
    public async Task Staff_close_an_establishment_which_then_takes_no_request_and_identity_learns_it()
    {
        var advisor = await World.AdvisorAsync();
        var company = await World.CompanyAsync(sites: 2);

        var closed = await advisor.Api.PostAsJsonAsync($"/api/onboarding/registry/establishments/{company.Sirets[1]}/close", new { closedOn = "2026-01-31" });

        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        var refused = await World.Gateway.PostAsJsonAsync("/api/onboarding/account-requests", OnboardingWorld.DefiForm(TestEmails.Unique(), company.Sirets[1]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        await Eventually.HoldsAsync(async () => await IdentityClosedAsync(company.Sirets[1]), Delivery, "identity's copy shows it closed");
    }

    [Fact]
    public async Task Staff_update_a_company_and_its_establishment_and_the_copies_follow()
    {
        var advisor = await World.AdvisorAsync();
        var company = await World.CompanyAsync(sites: 1);
        var renamed = $"HORIZON {OnboardingWorld.UniqueWord()} SAS";

        var invalid = await advisor.Api.PutAsJsonAsync($"/api/onboarding/registry/companies/{company.Siren}",
            new { name = "", headcount = -3, serviceOffer = "Or", advisorEmail = "x" });
        var updated = await advisor.Api.PutAsJsonAsync($"/api/onboarding/registry/companies/{company.Siren}",
            new { name = renamed, headcount = 8, serviceOffer = "DEFi Essentiel", advisorEmail = advisor.Email });
        var moved = await advisor.Api.PutAsJsonAsync($"/api/onboarding/registry/establishments/{company.Sirets[0]}",
            new { name = "Horizon – Siège", address = "2 place Bellecour", postalCode = "69002", city = "LYON" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["name", "headcount", "serviceOffer", "advisorEmail"],
            (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (updated.StatusCode, moved.StatusCode));
        var hit = (await World.Gateway.GetFromJsonAsync<JsonElement>($"/api/onboarding/directory/companies?q={Uri.EscapeDataString(renamed)}"))[0];
        Assert.Equal((company.Siren, "DEFi Essentiel"), (hit.GetProperty("siren").GetString(), hit.GetProperty("serviceOffer").GetString()));
        await Eventually.HoldsAsync(async () => await IdentityScalarAsync(
                "SELECT count(*) FROM establishments WHERE \"Siret\" = @s AND \"CompanyName\" = '" + renamed + "' AND \"Address\" = '2 place Bellecour, 69002 LYON'",
                company.Sirets[0]) is 1L,
            Delivery, "identity's copy has the new names and address");
    }

    private async Task<bool> IdentityKnowsAsync(string siret) => await IdentityScalarAsync("SELECT count(*) FROM establishments WHERE \"Siret\" = @s", siret) is 1L;

    private async Task<bool> IdentityClosedAsync(string siret) =>
        await IdentityScalarAsync("SELECT count(*) FROM establishments WHERE \"Siret\" = @s AND \"ClosedOn\" = DATE '2026-01-31'", siret) is 1L;

    private async Task<object?> IdentityScalarAsync(string sql, string siret)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("identitydb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("s", siret);
        return await command.ExecuteScalarAsync();
    }
}
