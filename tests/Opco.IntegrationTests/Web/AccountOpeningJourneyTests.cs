using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;
using Opco.Testing;

namespace Opco.IntegrationTests.Web;

/// <summary>
/// A new user's whole journey in the browser: the 2i wizard, the manager's validation (✓ then the pre-filled form),
/// the two e-mails in MailDev, the confirmation and password pages, then the first sign-in and "Mes établissements".
/// Needs onboarding's directory, registration and account-request endpoints (docs: onboarding-api contract).
/// </summary>
public sealed partial class AccountOpeningJourneyTests(AppFixture fixture) : IAsyncDisposable
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));

    [Fact]
    public async Task A_visitor_requests_an_account_with_the_wizard_and_signs_in_once_the_manager_validated_it()
    {
        var (siren, companyName) = (TestSirets.NewSiren(), $"ATELIER PARCOURS {Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}");
        var siret = TestSirets.NewSiret(siren);
        await RegisterCompanyAsync(siren, siret, companyName);
        var manager = await _users.CreateAsync(AccountRequestPayloads.UniqueEmail("gestionnaire"), u => u.PreferredSiret = siret,
            new Dictionary<string, Habilitation[]> { [siret] = [Habilitation.Gestionnaire] });
        // Onboarding learns who manages the establishment from identity's events, as it would for a manager created in the portal.
        await using (var events = await UserRightsEvents.StartAsync(fixture.App.GetConnectionString("messaging")))
            await events.PublishAsync(UserRightsEvents.Habilitations(manager.Id, siret, DateTimeOffset.UtcNow, Habilitation.Gestionnaire));
        var email = AccountRequestPayloads.UniqueEmail("isabelle");
        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_visitor_requests_an_account_with_the_wizard_and_signs_in_once_the_manager_validated_it));

        // The visitor: sign-in page → "Demander une ouverture de compte" → the wizard, zone by zone.
        var visitor = await browser.NewVisitorAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Demander une ouverture de compte" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Demande de création de compte" })).ToBeVisibleAsync();
        var submit = visitor.GetByRole(AriaRole.Button, new() { Name = "Demander mon compte" });
        await Expect(submit).ToBeDisabledAsync();
        await visitor.GetByLabel("Adresse email").FillAsync(email);
        await Expect(Gauge(visitor, "Email")).ToHaveClassAsync(new Regex(@"\bcomplete\b"));
        await browser.ScreenshotAsync(visitor, "demande - mon adresse email");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Mon entreprise ↓" }).ClickAsync();
        await visitor.GetByLabel("Recherchez votre entreprise").PressSequentiallyAsync(siren);
        await visitor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(Regex.Escape($"{companyName} - {siren}")) }).ClickAsync();
        await Expect(Gauge(visitor, "Company")).ToHaveClassAsync(new Regex(@"\bcomplete\b"));
        await browser.ScreenshotAsync(visitor, "demande - mon entreprise");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Mes informations ↓" }).ClickAsync();
        await visitor.GetByLabel("Madame").CheckAsync();
        await visitor.GetByLabel("Fonction").FillAsync("PROJECT MANAGER");
        await visitor.Locator("#nom").FillAsync("DEBUIRE");
        await visitor.GetByLabel("Prénom").FillAsync("ISABELLE");
        await visitor.GetByLabel("Téléphone").FillAsync("0600000000");
        await visitor.GetByLabel("Sélectionnez votre site").SelectOptionAsync(siret);
        await Expect(Gauge(visitor, "Information")).ToHaveClassAsync(new Regex(@"\bcomplete\b"));
        await Expect(submit).ToBeDisabledAsync();
        await browser.ScreenshotAsync(visitor, "demande - mes informations");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Habilitations souhaitées ↓" }).ClickAsync();
        await visitor.GetByLabel("Rôle").SelectOptionAsync(new SelectOptionValue { Label = "Administrateur de l'établissement" });
        await Expect(visitor.Locator(".gauge.incomplete")).ToHaveCountAsync(0);
        await Expect(submit).ToBeEnabledAsync();
        await browser.ScreenshotAsync(visitor, "demande - habilitations souhaitees");
        await submit.ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "La demande de compte est réalisée" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(visitor, "demande - confirmation");

        // The manager: "Demandes de création de compte", ✓, the pre-filled form, a box to tick, "Enregistrer".
        var managerPage = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(managerPage, manager.Email!, IdentityUsers.Password, "/utilisateurs/demandes");
        var request = managerPage.Locator("tbody tr").Filter(new() { HasText = "DEBUIRE" });
        await Eventually.HoldsAsync(async () =>
        {
            if (await request.CountAsync() > 0) return true;
            await managerPage.ReloadAsync();
            await managerPage.Locator("h1").WaitForAsync();
            return await request.CountAsync() > 0;
        }, Delivery, "the request appears in the manager's list");
        await Expect(request).ToContainTextAsync("Ouverture");
        await browser.ScreenshotAsync(managerPage, "gestionnaire - demandes de creation de compte");
        await request.GetByRole(AriaRole.Button, new() { Name = "Valider la demande de ISABELLE DEBUIRE" }).ClickAsync();
        await Expect(managerPage.Locator("#utilisateur-nom")).ToHaveValueAsync("DEBUIRE");
        await Expect(managerPage.GetByLabel("Email")).ToHaveValueAsync(email);
        var preAttached = managerPage.Locator(".attached").Filter(new() { HasText = siret });
        await Expect(preAttached).ToHaveCountAsync(1);
        if (!await managerPage.GetByLabel("Prise en charge").IsCheckedAsync()) await managerPage.GetByLabel("Prise en charge").CheckAsync();
        await browser.ScreenshotAsync(managerPage, "gestionnaire - nouvel utilisateur pre-rempli");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Expect(managerPage.GetByText("Le compte est créé.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(managerPage, "gestionnaire - utilisateur cree");

        // The new user: the e-mails in MailDev, the confirmation page, the password page, the first sign-in.
        var confirm = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject == "Confirmez votre adresse email", Delivery);
        var newUser = await browser.NewVisitorAsync();
        await newUser.GotoAsync(LinkIn(confirm, "/account/confirm-email"));
        await Expect(newUser.GetByText("Votre adresse email est confirmée.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(newUser, "utilisateur - adresse confirmee");
        var create = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject == "Créez votre mot de passe", Delivery);
        await newUser.GotoAsync(LinkIn(create, "/account/create-password"));
        await newUser.GetByLabel("Nouveau mot de passe").FillAsync("Formation-2026-ok");
        await newUser.GetByLabel("Confirmation du mot de passe").FillAsync("Formation-2026-ok");
        await browser.ScreenshotAsync(newUser, "utilisateur - creer mon mot de passe");
        await newUser.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon mot de passe" }).ClickAsync();
        await Expect(newUser.GetByText("Votre mot de passe est enregistré.")).ToBeVisibleAsync();
        await newUser.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await PortalBrowser.SignInAsync(newUser, email, "Formation-2026-ok", "/profil?onglet=etablissements");
        await Expect(newUser.GetByRole(AriaRole.Heading, new() { Name = "Mon profil" })).ToBeVisibleAsync();
        await Expect(newUser.Locator($"li[data-siret='{siret}']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(newUser, "utilisateur - mes etablissements");
    }

    /// <summary>Puts a fresh company in onboarding's directory the way the contract allows: a registration request an advisor approves.</summary>
    private async Task RegisterCompanyAsync(string siren, string siret, string name)
    {
        using var gateway = fixture.App.CreateHttpClient("gateway");
        var requested = await gateway.PostAsJsonAsync("/api/onboarding/registration-requests", new
        {
            kind = "Company", siren, siret, name, address = "25, rue des Ancres", postalCode = "75116", city = "PARIS",
            requesterEmail = AccountRequestPayloads.UniqueEmail("demandeur"), requesterLastName = "Martin", requesterFirstName = "Paul",
        });
        Assert.True(requested.IsSuccessStatusCode, $"registration request: {(int)requested.StatusCode} {await requested.Content.ReadAsStringAsync()}");
        var requestId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();

        var advisor = await _users.CreateAsync(AccountRequestPayloads.UniqueEmail("conseiller"), u => u.StaffRole = Opco.Identity.Domain.StaffRole.Advisor);
        using var oidc = new OidcClient(fixture.App.GetEndpoint("gateway"), "opco-web", fixture.App.GetParameter("web-client-secret"));
        var tokens = (await oidc.SignInWithCodeAsync(advisor.Email!, IdentityUsers.Password, "openid onboarding")).Tokens!.Value;
        using var api = fixture.App.CreateHttpClient("gateway");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        var approved = await api.PostAsJsonAsync($"/api/onboarding/registration-requests/{requestId}/approve", new { });
        Assert.True(approved.IsSuccessStatusCode, $"approval: {(int)approved.StatusCode} {await approved.Content.ReadAsStringAsync()}");

        await Eventually.HoldsAsync(async () =>
        {
            var found = await gateway.GetFromJsonAsync<JsonElement>($"/api/onboarding/directory/companies?q={siren}");
            return found.EnumerateArray().Any(c => c.GetProperty("siren").GetString() == siren);
        }, Delivery, "the company is in the directory");
    }

    private static string LinkIn(MailMessage mail, string path) =>
        Link().Matches(mail.Html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).FirstOrDefault(l => l.Contains(path))
        ?? throw new InvalidOperationException($"No {path} link in '{mail.Subject}'.");

    private static ILocator Gauge(IPage page, string zone) => page.Locator($".gauge[data-zone={zone}]");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Link();

    public ValueTask DisposeAsync() => _users.DisposeAsync();
}
