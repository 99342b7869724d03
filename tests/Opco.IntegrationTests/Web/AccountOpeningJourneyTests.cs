using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.IntegrationTests.Support;
using Opco.Testing;

namespace Opco.IntegrationTests.Web;

/// <summary>
/// A new user's whole journey in the browser, through the gateway: the 2i wizard, the manager's validation (✓ then the
/// pre-filled form), the two e-mails in MailDev, identity's confirmation and password pages, the first sign-in, the
/// offer banner of the preferred establishment and "Mes établissements".
/// </summary>
public sealed partial class AccountOpeningJourneyTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Password = "Formation-2026-ok";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);
    private OnboardingWorld? _world;
    private OnboardingWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await OnboardingWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_visitor_requests_an_account_with_the_wizard_and_signs_in_once_the_manager_validated_it()
    {
        var advisor = await World.AdvisorAsync();
        var company = await World.CompanyAsync(serviceOffer: "DEFi Performance", sites: 2, advisorEmail: advisor.Email);
        var siret = company.Sirets[0];
        var manager = await World.ManagerAsync("Gestionnaire", [siret]);
        var email = TestEmails.Unique("isabelle");
        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_visitor_requests_an_account_with_the_wizard_and_signs_in_once_the_manager_validated_it));

        // The visitor: sign-in page → "Demander une ouverture de compte" → the wizard, zone by zone.
        var visitor = await browser.NewVisitorAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Demander une ouverture de compte" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Demande de création de compte" })).ToBeVisibleAsync();
        var submit = visitor.GetByRole(AriaRole.Button, new() { Name = "Demander mon compte" });
        await Expect(submit).ToBeDisabledAsync();
        await visitor.GetByRole(AriaRole.Textbox, new() { Name = "Adresse email" }).FillAsync(email);
        await Expect(Gauge(visitor, "Email")).ToHaveClassAsync(new Regex(@"\bcomplete\b"));
        await browser.ScreenshotAsync(visitor, "demande - mon adresse email");
        await OpenZoneAsync(visitor, "Mon entreprise ↓");
        await visitor.GetByLabel("Recherchez votre entreprise").PressSequentiallyAsync(company.Siren);
        await visitor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(Regex.Escape($"{company.Name} - {company.Siren}")) }).ClickAsync();
        await Expect(Gauge(visitor, "Company")).ToHaveClassAsync(new Regex(@"\bcomplete\b"));
        await browser.ScreenshotAsync(visitor, "demande - mon entreprise");
        await OpenZoneAsync(visitor, "Mes informations ↓");
        await visitor.GetByLabel("Madame").CheckAsync();
        await visitor.GetByLabel("Fonction").FillAsync("PROJECT MANAGER");
        await visitor.Locator("#nom").FillAsync("DEBUIRE");
        await visitor.GetByLabel("Prénom").FillAsync("ISABELLE");
        await visitor.GetByLabel("Téléphone").FillAsync("0600000000");
        await visitor.GetByLabel("Sélectionnez votre site").SelectOptionAsync(siret);
        await Expect(Gauge(visitor, "Information")).ToHaveClassAsync(new Regex(@"\bcomplete\b"));
        await Expect(submit).ToBeDisabledAsync();
        await browser.ScreenshotAsync(visitor, "demande - mes informations");
        await OpenZoneAsync(visitor, "Habilitations souhaitées ↓");
        await visitor.GetByLabel("Rôle").SelectOptionAsync(new SelectOptionValue { Label = "Administrateur de l'établissement" });
        await Expect(visitor.Locator(".gauge.incomplete")).ToHaveCountAsync(0);
        await Expect(submit).ToBeEnabledAsync();
        await browser.ScreenshotAsync(visitor, "demande - habilitations souhaitees");
        await submit.ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "La demande de compte est réalisée" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(visitor, "demande - confirmation");

        // The manager: "Demandes de création de compte", ✓, the pre-filled form, the accesses, "Enregistrer".
        var managerPage = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(managerPage, manager.Email, IdentityUsers.Password, "/utilisateurs/demandes");
        var request = managerPage.Locator("tbody tr").Filter(new() { HasText = "DEBUIRE" });
        await Eventually.HoldsAsync(async () =>
        {
            if (await request.CountAsync() > 0) return true;
            await managerPage.ReloadAsync();
            await managerPage.Locator("h1").WaitForAsync();
            await managerPage.WaitForFunctionAsync("() => !document.querySelector('.loading')");
            return await request.CountAsync() > 0;
        }, Delivery, "the request appears in the manager's list");
        await Expect(request).ToContainTextAsync("Ouverture");
        await Expect(request).ToContainTextAsync(company.Name);
        await browser.ScreenshotAsync(managerPage, "gestionnaire - demandes de creation de compte");
        await request.GetByRole(AriaRole.Button, new() { Name = "Valider la demande de ISABELLE DEBUIRE" }).ClickAsync();
        await Expect(managerPage.Locator("#utilisateur-nom")).ToHaveValueAsync("DEBUIRE");
        // The address is the requester's own: shown, not editable.
        await Expect(managerPage.GetByText($"Email : {email}")).ToBeVisibleAsync();
        await Expect(managerPage.Locator(".attached").Filter(new() { HasText = siret })).ToHaveCountAsync(1);
        await Expect(managerPage.GetByLabel("Gestionnaire", new() { Exact = true })).ToBeCheckedAsync();
        await browser.ScreenshotAsync(managerPage, "gestionnaire - nouvel utilisateur pre-rempli");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Expect(managerPage.GetByText("La demande est validée : le compte est en cours de création.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(managerPage, "gestionnaire - utilisateur cree");
        await Eventually.HoldsAsync(async () => await World.StatusAsync(await RequestIdAsync(email)) == "Approved", Delivery, "the request is approved");

        // The new user: the e-mails in MailDev, the confirmation page, the password page, the first sign-in.
        var confirm = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject == "Confirmez votre adresse email", Delivery);
        var newUser = await browser.NewVisitorAsync();
        await newUser.GotoAsync(LinkIn(confirm, "/account/confirm-email"));
        await Expect(newUser.GetByText("Votre adresse email est confirmée.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(newUser, "utilisateur - adresse confirmee");
        var create = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject == "Créez votre mot de passe", Delivery);
        await newUser.GotoAsync(LinkIn(create, "/account/create-password"));
        await newUser.GetByLabel("Nouveau mot de passe").FillAsync(Password);
        await newUser.GetByLabel("Confirmation du mot de passe").FillAsync(Password);
        await browser.ScreenshotAsync(newUser, "utilisateur - creer mon mot de passe");
        await newUser.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon mot de passe" }).ClickAsync();
        await Expect(newUser.GetByText("Votre mot de passe est enregistré.")).ToBeVisibleAsync();
        await newUser.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await PortalBrowser.SignInAsync(newUser, email, Password, "/profil?onglet=etablissements");
        await Expect(newUser.GetByRole(AriaRole.Heading, new() { Name = "Mon profil" })).ToBeVisibleAsync();
        await Expect(newUser.Locator($"li[data-siret='{siret}']")).ToContainTextAsync(company.Names[0]);
        await Expect(newUser.GetByRole(AriaRole.Region, new() { Name = "Offre de service" })).ToContainTextAsync("DEFi Performance");
        await browser.ScreenshotAsync(newUser, "utilisateur - mes etablissements");
        await newUser.GotoAsync("/");
        await Expect(newUser.GetByRole(AriaRole.Region, new() { Name = "Vos contacts" }))
            .ToContainTextAsync($"Votre conseiller formation : Karim Conseiller – {advisor.Email}");
        await browser.ScreenshotAsync(newUser, "utilisateur - accueil");
    }

    private async Task<Guid> RequestIdAsync(string email)
    {
        Guid? id = null;
        await Eventually.HoldsAsync(async () =>
        {
            await using var connection = new Npgsql.NpgsqlConnection(fixture.App.GetConnectionString("onboardingdb"));
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT \"Id\" FROM account_requests WHERE lower(\"Email\") = lower(@email)", connection);
            command.Parameters.AddWithValue("email", email);
            id = (Guid?)await command.ExecuteScalarAsync();
            return id is not null;
        }, Delivery, "the request is stored");
        return id!.Value;
    }

    private static string LinkIn(MailMessage mail, string path) =>
        Link().Matches(mail.Html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).FirstOrDefault(l => l.Contains(path))
        ?? throw new InvalidOperationException($"No {path} link in '{mail.Subject}'.");

    /// <summary>
    /// Opening a zone moves the focus to its title once rendered (for keyboard and screen-reader users): type only after
    /// that, as a person would, or the keys typed meanwhile go to the title.
    /// </summary>
    private static async Task OpenZoneAsync(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(page.Locator("#zone-titre")).ToBeFocusedAsync();
    }

    private static ILocator Gauge(IPage page, string zone) => page.Locator($".gauge[data-zone={zone}]");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Link();
}
