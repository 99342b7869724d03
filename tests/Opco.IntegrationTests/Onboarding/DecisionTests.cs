using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Opco.Contracts.Onboarding;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Onboarding;

/// <summary>
/// ✓ and ✖ (seed 003), decided in onboarding only: ✓ posts the confirmed personal data and the ticked accesses; identity
/// then creates the account ("Ouverture") or attaches the existing one ("Rattachement") and answers, and the request is
/// approved, or fails with its reason and awaits a decision again. ✖ e-mails its reason to the requester.
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
    public async Task Approving_an_opening_has_identity_create_the_account_then_approves_the_request()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Valideuse", [company.Sirets[0]]);
        var email = TestEmails.Unique("ouverture");
        var requestId = await World.SubmitAsync(OnboardingWorld.WizardForm(email, company.Sirets[0]));
        var prefill = await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}");

        var missingPhone = await manager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", Approval(prefill) with { Phone = null });
        Assert.Equal(HttpStatusCode.BadRequest, missingPhone.StatusCode);
        Assert.True((await missingPhone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));
        var approved = await manager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", Approval(prefill) with { FirstName = "Isabelle-Marie" });

        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        await Eventually.HoldsAsync(async () => await World.StatusAsync(requestId) == "Approved", Delivery, "identity created the account and the request is approved");
        var details = await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}");
        var history = details.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Pending", "Approving", "Approved"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal(["VALIDEUSE Claire", "VALIDEUSE Claire"], history.Skip(1).Select(h => h.GetProperty("by").GetString()));
        var list = await manager.Api.GetFromJsonAsync<JsonElement>(Endpoint);
        Assert.DoesNotContain(requestId, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        // The account holds the decided data and accesses; its owner gets identity's e-mail to confirm the address.
        var suggested = prefill.GetProperty("suggestedHabilitations").EnumerateArray().Select(h => h.GetString()!).Order().ToArray();
        Assert.NotEmpty(suggested);
        Assert.Equal(suggested, await IdentityHabilitationsAsync(email, company.Sirets[0]));
        Assert.Equal("Isabelle-Marie", await IdentityScalarAsync<string>("SELECT \"FirstName\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = upper(@email)", email));
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Text.Contains("/account/confirm-email"), Delivery);
    }

    [Fact]
    public async Task The_advisor_approves_for_an_establishment_without_a_manager_and_may_make_its_first_Gestionnaire()
    {
        var advisor = await World.AdvisorAsync();
        var company = await World.CompanyAsync(advisorEmail: advisor.Email);
        var email = TestEmails.Unique("premier");
        var requestId = await World.SubmitAsync(OnboardingWorld.WizardForm(email, company.Sirets[0]));
        var prefill = await advisor.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}");

        var approved = await advisor.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve",
            Approval(prefill) with { Establishments = [new Grant(company.Sirets[0], ["Gestionnaire"])] });

        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        await Eventually.HoldsAsync(async () => await World.StatusAsync(requestId) == "Approved", Delivery, "the request is approved");
        Assert.Equal(["Gestionnaire"], await IdentityHabilitationsAsync(email, company.Sirets[0]));
    }

    [Fact]
    public async Task An_advisor_grants_nothing_where_the_establishment_has_a_manager_or_outside_their_companies()
    {
        var advisor = await World.AdvisorAsync();
        var managed = await World.CompanyAsync(advisorEmail: advisor.Email, sites: 2);
        await World.ManagerAsync("Presente", [managed.Sirets[0]]);
        var someoneElses = await World.CompanyAsync(advisorEmail: TestEmails.Unique("autre-conseiller"));
        var withManager = await World.SubmitAsync(OnboardingWorld.WizardForm(TestEmails.Unique("a"), managed.Sirets[0]));
        var notTheirs = await World.SubmitAsync(OnboardingWorld.WizardForm(TestEmails.Unique("b"), someoneElses.Sirets[0]));
        var theirs = await World.SubmitAsync(OnboardingWorld.WizardForm(TestEmails.Unique("c"), managed.Sirets[1]));
        var prefill = await advisor.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{theirs}");

        Assert.Equal(HttpStatusCode.NotFound, (await advisor.Api.PostAsJsonAsync($"{Endpoint}/{withManager}/approve",
            Approval(prefill) with { Establishments = [new Grant(managed.Sirets[0], ["Gestionnaire"])] })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.Api.PostAsJsonAsync($"{Endpoint}/{notTheirs}/approve",
            Approval(prefill) with { Establishments = [new Grant(someoneElses.Sirets[0], ["PriseEnCharge"])] })).StatusCode);
        // Their own request does not open the managed establishment next door either.
        var sneaking = await advisor.Api.PostAsJsonAsync($"{Endpoint}/{theirs}/approve", Approval(prefill) with
        {
            Establishments = [new Grant(managed.Sirets[1], ["PriseEnCharge"]), new Grant(managed.Sirets[0], ["Gestionnaire"])],
        });
        Assert.Equal(HttpStatusCode.Forbidden, sneaking.StatusCode);
        // Identity's "Ajouter" is the managers' only: no request id opens it to an advisor any more.
        var direct = await advisor.Api.PostAsJsonAsync("/api/identity/users", new
        {
            civility = "Madame", lastName = "Intruse", firstName = "Eve", email = TestEmails.Unique("intruse"), phone = "0611111111",
            establishments = new[] { new { siret = managed.Sirets[0], habilitations = new[] { "Gestionnaire" } } }, accountRequestId = withManager,
        });
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
        foreach (var untouched in new[] { withManager, notTheirs, theirs })
            Assert.Equal("Pending", await World.StatusAsync(untouched));
    }

    [Fact]
    public async Task Nobody_approves_a_request_that_is_not_theirs_or_no_longer_awaits_a_decision()
    {
        var company = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Titulaire", [company.Sirets[0]]);
        var outsider = await World.ManagerAsync("Voisine", [other.Sirets[0]]);
        var refused = await World.SubmitAsync(OnboardingWorld.WizardForm(TestEmails.Unique("r"), company.Sirets[0]));
        var approved = await World.SubmitAsync(OnboardingWorld.WizardForm(TestEmails.Unique("v"), company.Sirets[0]));
        var prefill = await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{approved}");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.PostAsJsonAsync($"{Endpoint}/{approved}/approve", Approval(prefill))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Api.PostAsJsonAsync($"{Endpoint}/{refused}/refuse", new { reason = "Inconnue du service." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Api.PostAsJsonAsync($"{Endpoint}/{refused}/approve", Approval(prefill))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await manager.Api.PostAsJsonAsync($"{Endpoint}/{approved}/approve", Approval(prefill))).StatusCode);
        // Being carried out, then approved: no second decision either way.
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Api.PostAsJsonAsync($"{Endpoint}/{approved}/refuse", new { reason = "Trop tard." })).StatusCode);
        await Eventually.HoldsAsync(async () => await World.StatusAsync(approved) == "Approved", Delivery, "the request is approved");
        Assert.Equal(HttpStatusCode.Conflict, (await manager.Api.PostAsJsonAsync($"{Endpoint}/{approved}/approve", Approval(prefill))).StatusCode);
    }

    [Fact]
    public async Task A_failed_approval_shows_why_and_the_request_awaits_a_decision_again()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Decideuse", [company.Sirets[0]]);
        var email = TestEmails.Unique("deja");
        var requestId = await World.SubmitAsync(OnboardingWorld.WizardForm(email, company.Sirets[0]));
        var prefill = await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}");
        // Meanwhile the address got an account onboarding has not heard of: identity cannot open a second one.
        await World.Users.CreateAsync(email);

        Assert.Equal(HttpStatusCode.Accepted, (await manager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", Approval(prefill))).StatusCode);

        await Eventually.HoldsAsync(async () => await World.StatusAsync(requestId) == "Failed", Delivery, "identity refused to open a second account");
        var row = (await manager.Api.GetFromJsonAsync<JsonElement>(Endpoint)).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == requestId);
        Assert.Equal("Failed", row.GetProperty("status").GetString());
        Assert.StartsWith("Un compte existe déjà avec cette adresse email", row.GetProperty("failure").GetString());
        Assert.Equal(1, await IdentityScalarAsync<long>("SELECT count(*) FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = upper(@email)", email));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/refuse",
            new { reason = "Vous avez déjà un compte : demandez son rattachement." })).StatusCode);
        Assert.Equal("Refused", await World.StatusAsync(requestId));
    }

    [Fact]
    public async Task An_approval_is_carried_out_once_however_often_it_is_delivered()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Unique", [company.Sirets[0]]);
        var email = TestEmails.Unique("une-fois");
        var requestId = await World.SubmitAsync(OnboardingWorld.WizardForm(email, company.Sirets[0]));
        var prefill = await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}");
        Assert.Equal(HttpStatusCode.Accepted, (await manager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", Approval(prefill))).StatusCode);
        await Eventually.HoldsAsync(async () => await World.StatusAsync(requestId) == "Approved", Delivery, "the request is approved");
        var accepted = JsonSerializer.Deserialize<AccountRequestAccepted>(await OnboardingOutboxBodyAsync("AccountRequestAccepted", requestId),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        // The same decision sent again (a relay that crashed after publishing): identity answers again and changes nothing.
        await World.Broker.PublishAsync(accepted, Guid.NewGuid());
        await World.Broker.PublishAsync(accepted, Guid.NewGuid());

        await Eventually.HoldsAsync(async () => await IdentityScalarAsync<long>(
                "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Opco.Contracts.Identity.AccountRequestFulfilled,%' AND aggregate_id = @email",
                requestId.ToString()) == 3,
            Delivery, "identity answered each delivery");
        Assert.Equal(1, await IdentityScalarAsync<long>("SELECT count(*) FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = upper(@email)", email));
        Assert.Equal(1, await IdentityScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Opco.Contracts.Identity.UserCreated,%' AND body->>'email' = @email", email));
        Assert.Equal(1, await World.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Opco.Contracts.Onboarding.AccountRequestApproved,%' AND aggregate_id = @id",
            requestId.ToString()));
        var statuses = (await manager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}")).GetProperty("history").EnumerateArray()
            .Select(h => h.GetProperty("status").GetString());
        Assert.Equal(["Pending", "Approving", "Approved"], statuses);
    }

    [Fact]
    public async Task A_rattachement_attaches_the_existing_account_with_the_ticked_habilitations()
    {
        var home = await World.CompanyAsync();
        var other = await World.CompanyAsync();
        var homeManager = await World.ManagerAsync("Origine", [home.Sirets[0]]);
        var otherManager = await World.ManagerAsync("Accueil", [other.Sirets[0]]);
        var userManagerOnly = await World.ManagerAsync("Delegue", [other.Sirets[0]], Habilitation.GestionUtilisateurs);
        var email = TestEmails.Unique("existant");
        var existing = await homeManager.Api.PostAsJsonAsync("/api/identity/users", new
        {
            civility = "Monsieur", lastName = "Existant", firstName = "Marc", email, phone = "0611111111", function = "Comptable",
            establishments = new[] { new { siret = home.Sirets[0], habilitations = new[] { "PriseEnCharge" } } },
        });
        Assert.Equal(HttpStatusCode.Created, existing.StatusCode);
        await Eventually.HoldsAsync(async () => await World.CountAsync("SELECT count(*) FROM known_accounts WHERE email = @id", email) == 1,
            Delivery, "onboarding knows the account");

        var answer = await World.Gateway.PostAsJsonAsync(Endpoint, OnboardingWorld.DefiForm(email, other.Sirets[0]));
        var newcomer = await World.Gateway.PostAsJsonAsync(Endpoint, OnboardingWorld.DefiForm(TestEmails.Unique("nouveau"), other.Sirets[0]));
        // No account enumeration: the same answer for an address with an account and one without.
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (answer.StatusCode, newcomer.StatusCode));
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((await newcomer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), body.GetProperty("message").GetString());
        var requestId = body.GetProperty("requestId").GetGuid();
        Assert.Equal("Rattachement", (await otherManager.Api.GetFromJsonAsync<JsonElement>($"{Endpoint}/{requestId}")).GetProperty("kind").GetString());

        var noGestionnaire = await userManagerOnly.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", Attachment(other.Sirets[0], "Gestionnaire"));
        Assert.Equal(HttpStatusCode.Forbidden, noGestionnaire.StatusCode);
        var invalid = await otherManager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", Attachment(other.Sirets[0]));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var approved = await otherManager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", Attachment(other.Sirets[0], "PriseEnCharge", "Reporting"));

        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        await Eventually.HoldsAsync(async () => await World.StatusAsync(requestId) == "Approved", Delivery, "identity attached the account");
        var mail = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject == "Votre compte a accès à un nouvel établissement",
            Delivery);
        Assert.Contains($"SIRET {other.Sirets[0]}", mail.Text);
        Assert.Contains("Prise en charge, Données des reporting", mail.Text);
        Assert.Equal(["PriseEnCharge", "Reporting"], await IdentityHabilitationsAsync(email, other.Sirets[0]));
        Assert.Equal(HttpStatusCode.Conflict,
            (await otherManager.Api.PostAsJsonAsync($"{Endpoint}/{requestId}/approve", Attachment(other.Sirets[0], "PriseEnCharge"))).StatusCode);
    }

    [Fact]
    public async Task Refusing_needs_a_reason_which_the_requester_receives_by_email()
    {
        var company = await World.CompanyAsync();
        var manager = await World.ManagerAsync("Refus", [company.Sirets[0]]);
        var email = TestEmails.Unique("refuse");
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

    /// <summary>✓ as the pre-filled form sends it: the request's personal data and establishment with its suggested accesses.</summary>
    private static ApprovalBody Approval(JsonElement prefill) => new(
        prefill.GetProperty("civility").GetString() ?? "Madame",
        prefill.GetProperty("lastName").GetString(),
        prefill.GetProperty("firstName").GetString(),
        prefill.GetProperty("phone").GetString() ?? "0600000000",
        prefill.GetProperty("jobTitle").GetString(),
        [new Grant(prefill.GetProperty("siret").GetString()!, [.. prefill.GetProperty("suggestedHabilitations").EnumerateArray().Select(h => h.GetString()!)])]);

    /// <summary>✓ on a "Rattachement": the existing account keeps its personal data.</summary>
    private static ApprovalBody Attachment(string siret, params string[] habilitations) => new(null, null, null, null, null, [new Grant(siret, habilitations)]);

    private sealed record ApprovalBody(string? Civility, string? LastName, string? FirstName, string? Phone, string? Function, Grant[] Establishments);

    private sealed record Grant(string Siret, string[] Habilitations);

    private async Task<string[]> IdentityHabilitationsAsync(string email, string siret)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("identitydb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT a."Habilitations" FROM establishment_accesses a JOIN "AspNetUsers" u ON u."Id" = a."UserId"
            WHERE u."NormalizedEmail" = upper(@email) AND a."Siret" = @siret
            """, connection);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("siret", siret);
        return (await command.ExecuteScalarAsync() as string[] ?? []).Order().ToArray();
    }

    private async Task<T> IdentityScalarAsync<T>(string sql, string email)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("identitydb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("email", email);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> OnboardingOutboxBodyAsync(string eventName, Guid requestId)
    {
        await using var connection = new NpgsqlConnection(fixture.App.GetConnectionString("onboardingdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT body FROM outbox_messages WHERE message_type LIKE @type AND aggregate_id = @id ORDER BY id LIMIT 1", connection);
        command.Parameters.AddWithValue("type", $"Opco.Contracts.Onboarding.{eventName},%");
        command.Parameters.AddWithValue("id", requestId.ToString());
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
