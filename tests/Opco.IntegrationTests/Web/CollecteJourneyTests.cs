using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Web;

/// <summary>
/// The collecte in headless Chromium, through the gateway: a manager declares the company's contribution and sees its
/// computation, creates a SEPA mandate (its IBAN shown masked only) and signs it; an OPCO administrator activates it in
/// « Collecte »; the manager triggers a voluntary payment by SEPA debit in three instalments and finds its call for funds;
/// the administrator records the first debit received, and the manager sees it « Encaissé ».
/// </summary>
public sealed partial class CollecteJourneyTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_manager_declares_a_contribution_creates_a_mandate_and_triggers_a_voluntary_payment()
    {
        var company = await World.CompanyAsync();
        var manager = await World.MemberAsync(company.Siret, Habilitation.Gestionnaire);
        var administrator = await World.AdministratorMemberAsync();
        await Eventually.HoldsAsync(async () => (await manager.Api.GetAsync($"/api/finance/establishments/{company.Siret}/permissions")).StatusCode == HttpStatusCode.OK
                && (await manager.Api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/identity/me/establishments")).GetArrayLength() == 1,
            DossierWorld.Delivery, "finance and identity know the manager's establishment");

        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_manager_declares_a_contribution_creates_a_mandate_and_triggers_a_voluntary_payment));
        var page = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(page, manager.Email, IdentityUsers.Password);
        await PortalBrowser.LoadedAsync(page);

        // « Mes contributions »: 0,20 % of 1 234 567,89 € for 25 employees on average.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes contributions" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mes contributions");
        await PortalBrowser.LoadedAsync(page);
        await page.GetByLabel("Effectif moyen").FillAsync("25");
        await page.GetByLabel("Masse salariale brute de l'année précédente (€)").FillAsync("1234567,89");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déclarer", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Contribution " })).ToContainTextAsync(Amount());
        // Declared after 1 March, the year's contribution is late at once.
        var declaration = page.Locator("tbody tr").Filter(new() { HasText = $"01/03/{DateTime.UtcNow.Year}" });
        await Expect(declaration).ToContainTextAsync(DateTime.UtcNow < new DateTime(DateTime.UtcNow.Year, 3, 2) ? "Déclarée" : "En retard");
        await Expect(declaration).ToContainTextAsync("De 11 à 49 salariés");
        await Expect(declaration).ToContainTextAsync("0,20 %");
        await browser.ScreenshotAsync(page, "mes contributions");

        // « Mes mandats de prélèvement »: a wrong IBAN is said on its field, a right one shown masked.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes mandats de prélèvement" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mes mandats de prélèvement");
        await PortalBrowser.LoadedAsync(page);
        await page.Locator("#mandat-iban").FillAsync("FR76 3000 6000 0112 3456 7890 188");
        await page.Locator("#mandat-bic").FillAsync("BNPAFRPP");
        await page.GetByLabel("Nom du débiteur").FillAsync("Atelier Démo SAS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le mandat" }).ClickAsync();
        await Expect(page.Locator("#mandat-iban-erreur")).ToHaveTextAsync("Cet IBAN n'est pas valide : vérifiez sa saisie.");
        await page.Locator("#mandat-iban").FillAsync("FR76 3000 6000 0112 3456 7890 189");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le mandat" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Mandat de prélèvement OPCO-RUM-");
        await PortalBrowser.LoadedAsync(page);
        await Expect(page.Locator("main")).ToContainTextAsync("FR76 •••• •••• 0189");
        Assert.DoesNotContain("30006000011234567890", await page.ContentAsync());
        await page.GetByLabel("Signataire").FillAsync("Claire Martin");
        await page.GetByLabel("Date de signature").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Le mandat est signé" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Le mandat est signé" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "mandat signe");
        var mandateUrl = new Uri(page.Url).AbsolutePath;
        var rum = (await page.Locator("h1").TextContentAsync())!.Split(' ')[^1];

        // An OPCO administrator checks the signed mandate and activates it in « Collecte ».
        var staff = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(staff, administrator.Email, IdentityUsers.Password, "/administration/collecte");
        await Expect(staff.Locator("h1")).ToHaveTextAsync("Collecte");
        await PortalBrowser.LoadedAsync(staff);
        await staff.Locator("tbody tr").Filter(new() { HasText = rum }).GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).Filter(new() { HasText = rum })).ToContainTextAsync($"Le mandat {rum} est actif.");

        // « Mes versements volontaires »: 1 200 € in three monthly debits on the mandate.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes versements volontaires" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mes versements volontaires");
        await PortalBrowser.LoadedAsync(page);
        await page.GetByLabel("Montant (€)").FillAsync("1200");
        await page.GetByLabel("Échéancier").SelectOptionAsync("3");
        await page.GetByLabel("Prélèvement SEPA (mandat actif de l'entreprise)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Déclencher le versement" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Appel de fonds" })).ToContainTextAsync(CallIssued());
        var call = page.Locator("article").Filter(new() { HasText = "Appel de fonds AF-" });
        await Expect(call.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(call).ToContainTextAsync("Prélèvement SEPA");
        await Expect(call.Locator("tbody tr").First).ToContainTextAsync(Instalment());
        await browser.ScreenshotAsync(page, "mes versements volontaires");
        var reference = Reference().Match((await call.Locator("h3").TextContentAsync())!).Value;

        // The OPCO receives the first debit: the Versement Volontaire account is credited with it.
        await staff.ReloadAsync();
        await PortalBrowser.LoadedAsync(staff);
        await staff.Locator("tbody tr").Filter(new() { HasText = $"{reference} (1/3)" }).GetByRole(AriaRole.Button, new() { Name = "Encaisser" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).Filter(new() { HasText = reference })).ToContainTextAsync(Cashed());
        await browser.ScreenshotAsync(staff, "collecte encaissement");
        await page.ReloadAsync();
        await PortalBrowser.LoadedAsync(page);
        await Expect(call.Locator("tbody tr").First).ToContainTextAsync("Encaissé");

        // At a phone's width the three screens fit and every field has a label.
        foreach (var path in new[] { "/contributions", "/mandats", mandateUrl, "/versements" })
        {
            await page.SetViewportSizeAsync(375, 812);
            await page.GotoAsync(path);
            await PortalBrowser.LoadedAsync(page);
            Assert.True(await PortalBrowser.FitsWidthAsync(page), $"{path} scrolls sideways at 375 px");
            Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(page));
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"2\s469,14\s€")]
    private static partial Regex Amount();

    [GeneratedRegex(@"Appel de fonds AF-\d{4}-\d{6} émis : 1\s200,00\s€ en 3 échéance")]
    private static partial Regex CallIssued();

    [GeneratedRegex(@"400,00\s€")]
    private static partial Regex Instalment();

    [GeneratedRegex(@"AF-\d{4}-\d{6}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"encaissée : disponible pour engagement du compte 400,00\s€")]
    private static partial Regex Cashed();
}
