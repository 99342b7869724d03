using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Onboarding;

/// <summary>
/// ✓ and ✖ (seed 003): ✓ pre-fills the new user, whose creation in identity approves the request; a "Rattachement"
/// attaches the existing account; ✖ e-mails its reason to the requester.
/// </summary>
public sealed class DecisionTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Endpoint = "/api/onboarding/account-requests";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private OnboardingWorld? _world;
    private OnboardingWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task Validating_prefills_the_new_user_whose_creation_approves_the_request()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Valideuse", [company.Sirets[0]]);
        var email = AccountRequestPayloads.UniqueEmail("ouverture");
        var requestId = await World.SubmitAsync(OnboardingWorld.WizardForm(email, company.Sirets[0]));

        var prefill = await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}");
        var notHere = await manager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", new { habilitations = new[] { "PriseEnCharge" } });
        Assert.Equal(HttpStatusCode.Conflict, notHere.StatusCode);

        var created = await manager.Api.PostAsJsonAsync("/api/identity/users", NewUser(prefill, requestId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await Eventually.HoldsAsync(async () => await World.StatusAsync(requestId) == "Approved", Delivery, "the request is approved");
        var details = await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}");
        var history = details.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Pending", "Approved"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal("VALIDEUSE Claire", history[1].GetProperty("by").GetString());
        var list = await manager.Api.GetFromJsonAsync<JsonElement>(Endpoint);
        Assert.DoesNotContain(requestId, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        // The new user then gets identity's e-mail to confirm the address.
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Text.Contains("/account/confirm-email"), Delivery);
    }

    [Fact]
    public async Task The_advisor_validates_for_an_establishment_without_a_manager_by_creating_its_first_user()
    {
        var advisor = await World.AdvisorAsync();
        var company = await World.CompanyAsync(advisorEmail: advisor.Email);
        var requestId = await World.SubmitAsync(OnboardingWorld.WizardForm(AccountRequestPayloads.UniqueEmail("premier"), company.Sirets[0]));
        var prefill = await advisor.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}");

        var created = await advisor.Api.PostAsJsonAsync("/api/identity/users", NewUser(prefill, requestId));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Eventually.HoldsAsync(async () => await World.StatusAsync(requestId) == "Approved", Delivery, "the request is approved");
    }

    [Fact]
    public async Task A_rattachement_attaches_the_existing_account_with_the_ticked_habilitations()
    {
        var home = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var homeManager = await World.ManagerAsync("Origine", [home.Sirets[0]]);
        var otherManager = await World.ManagerAsync("Accueil", [other.Sirets[0]]);
        var userManagerOnly = await World.ManagerAsync("Delegue", [other.Sirets[0]], Habilitation.GestionUtilisateurs);
        var email = AccountRequestPayloads.UniqueEmail("existant");
        var existing = await homeManager.Api.PostAsJsonAsync("/api/identity/users", new
        {
            civility = "Monsieur", lastName = "Existant", firstName = "Marc", email, phone = "0611111111", function = "Comptable",
            establishments = new[] { new { siret = home.Sirets[0], habilitations = new[] { "PriseEnCharge" } } },
        });
        Assert.Equal(HttpStatusCode.Created, existing.StatusCode);
        var userId = (await existing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.HoldsAsync(async () => await World.CountAsync("SELECT count(*) FROM known_accounts WHERE email = @id", email) == 1,
            Delivery, "onboarding knows the account");

        var answer = await World.Gateway.PostAsJsonAsync(Endpoint, OnboardingWorld.DefiForm(email, other.Sirets[0]));
        var newcomer = await World.Gateway.PostAsJsonAsync(Endpoint, OnboardingWorld.DefiForm(AccountRequestPayloads.UniqueEmail("nouveau"), other.Sirets[0]));
        // No account enumeration: the same answer for an address with an account and one without.
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (answer.StatusCode, newcomer.StatusCode));
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((await newcomer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), body.GetProperty("message").GetString());
        var requestId = body.GetProperty("requestId").GetGuid();
        Assert.Equal("Rattachement", (await otherManager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}")).GetProperty("kind").GetString());

        var noGestionnaire = await userManagerOnly.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", new { habilitations = new[] { "Gestionnaire" } });
        Assert.Equal(HttpStatusCode.Forbidden, noGestionnaire.StatusCode);
        var invalid = await otherManager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", new { habilitations = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var approved = await otherManager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", new { habilitations = new[] { "PriseEnCharge", "Reporting" } });

        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        Assert.Equal("Approved", await World.StatusAsync(requestId));
        var mail = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject == "Votre compte a accès à un nouvel établissement",
            Delivery);
        Assert.Contains($"SIRET {other.Sirets[0]}", mail.Text);
        Assert.Contains("Prise en charge, Données des reporting", mail.Text);
        Assert.Equal(["PriseEnCharge", "Reporting"], await IdentityHabilitationsAsync(userId, other.Sirets[0]));
        Assert.Equal(HttpStatusCode.Conflict,
            (await otherManager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", new { habilitations = new[] { "PriseEnCharge" } })).StatusCode);
    }

    [Fact]
    public async Task Refusing_needs_a_reason_which_the_requester_receives_by_email()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Refus", [company.Sirets[0]]);
        var email = AccountRequestPayloads.UniqueEmail("refuse");
        var requestId = await World.SubmitAsync(OnboardingWorld.DefiForm(email, company.Sirets[0]));

        var withoutReason = await manager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/refuse", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(["Le motif du refus est obligatoire : il est envoyé au demandeur."],
            (await withoutReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Pending", await World.StatusAsync(requestId));

        const string reason = "Vous ne faites pas partie des effectifs de cet établissement.";
        var refused = await manager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/refuse", new { reason });

        Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);
        var mail = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject == "Votre demande de compte a été refusée", Delivery);
        Assert.Contains(reason, mail.Text);
        Assert.Contains($"SIRET {company.Sirets[0]}", mail.Text);
        var history = (await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}")).GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(("Refused", reason, "REFUS Claire"),
            (history[^1].GetProperty("status").GetString(), history[^1].GetProperty("reason").GetString(), history[^1].GetProperty("by").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/refuse", new { reason })).StatusCode);
    }

    /// <summary>The manager's "Ajouter" form as ✓ fills it: the request's personal data and establishment, then the ticked accesses.</summary>
    private static object NewUser(JsonElement prefill, Guid requestId) => new
    {
        civility = prefill.GetProperty("civility").GetString() ?? "Madame",
        lastName = prefill.GetProperty("lastName").GetString(),
        firstName = prefill.GetProperty("firstName").GetString(),
        email = prefill.GetProperty("email").GetString(),
        phone = prefill.GetProperty("phone").GetString() ?? "0600000000",
        function = prefill.GetProperty("jobTitle").GetString(),
        establishments = new[]
        {
            new { siret = prefill.GetProperty("siret").GetString(), habilitations = prefill.GetProperty("suggestedHabilitations").EnumerateArray().Select(h => h.GetString()).ToArray() },
        },
        accountRequestId = requestId,
    };

    private async Task<string[]> IdentityHabilitationsAsync(Guid userId, string siret)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("identitydb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"Habilitations\" FROM establishment_accesses WHERE \"UserId\" = @user AND \"Siret\" = @siret", connection);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("siret", siret);
        return await command.ExecuteScalarAsync() as string[] ?? [];
    }
}
