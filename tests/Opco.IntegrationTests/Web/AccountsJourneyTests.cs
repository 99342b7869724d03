using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Web;

/// <summary>
/// « Mes comptes » in headless Chromium, through the gateway: an OPCO administrator credits the company's « Plan
/// obligatoire » and corrects it; a user holding Reporting on its establishment sees what is left for new trainings on
/// the synthesis, opens the account, finds both movements signed, and keeps the correction alone with the Type filter.
/// </summary>
public sealed partial class AccountsJourneyTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_reporting_user_sees_the_plan_obligatoire_credited_and_corrected_and_filters_its_movements()
    {
        var company = await World.CompanyAsync();
        var user = await World.MemberAsync(company.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorAsync();
        (await administrator.PostAsJsonAsync("/api/finance/admin/accounts/credits", new
        {
            kind = "CompanyAccount", siren = company.Siren, source = "Plan obligatoire", amount = 5000m, reference = "Dotation 2027", cause = "Allocation",
        })).EnsureSuccessStatusCode();
        (await administrator.PostAsJsonAsync("/api/finance/admin/accounts/adjustments", new
        {
            kind = "CompanyAccount", siren = company.Siren, source = "Plan obligatoire", amount = -250.50m, reason = "Erreur de saisie du versement",
        })).EnsureSuccessStatusCode();
        (await administrator.PostAsJsonAsync("/api/finance/admin/accounts/credits", new
        {
            kind = "CompanyAccount", siren = company.Siren, source = "Versement Volontaire", amount = 1200m, reference = "Versement encaissé", cause = "CashReceipt",
        })).EnsureSuccessStatusCode();
        // The portal names the company from identity's copy of the registry, fed by onboarding's events.
        await Eventually.HoldsAsync(async () => (await user.Api.GetFromJsonAsync<JsonElement>("/api/identity/me/establishments")).GetArrayLength() == 1,
            DossierWorld.Delivery, "identity knows the user's establishment");
        // Finance learns the user's rights from identity's events: the company is absent from the synthesis until then.
        await Eventually.HoldsAsync(async () => (await user.Api.GetFromJsonAsync<JsonElement>("/api/finance/accounts")).GetProperty("companies")
                .EnumerateArray().Any(c => c.GetProperty("siren").GetString() == company.Siren),
            DossierWorld.Delivery, "finance lets the user see the company's accounts");

        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_reporting_user_sees_the_plan_obligatoire_credited_and_corrected_and_filters_its_movements));
        var page = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(page, user.Email, IdentityUsers.Password);
        await PortalBrowser.LoadedAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mes dossiers" })).ToHaveCountAsync(0);
        // The home page's « Suivi financier », tab « Mon plan »: the Versement Volontaire's disponible pour engagement (seed 001).
        var monPlan = page.GetByRole(AriaRole.Tabpanel, new() { Name = "Mon plan" });
        await Expect(monPlan).ToContainTextAsync(new Regex(@"Versement Volontaire – montant disponible pour engagement : 1\s?200,00\s€"));
        await browser.ScreenshotAsync(page, "accueil mon plan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes comptes", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mes comptes");
        await PortalBrowser.LoadedAsync(page);

        // 5 000 € credited less the 250,50 € corrected, on the right of the account's line.
        var plan = page.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Plan obligatoire" }) });
        await Expect(plan).ToHaveCountAsync(1);
        await Expect(plan.Locator("td").Last).ToHaveTextAsync(Available());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Synthèse" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes financements" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Définitions" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "mes comptes");

        await plan.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Plan obligatoire");
        await PortalBrowser.LoadedAsync(page);
        var accountUrl = new Uri(page.Url).AbsolutePath;
        var lines = page.Locator("tbody tr");
        await Expect(lines).ToHaveCountAsync(2);
        await Expect(lines.Filter(new() { HasText = "Dotation 2027" })).ToContainTextAsync(Credit());
        await Expect(lines.Filter(new() { HasText = "Correction" })).ToContainTextAsync(Correction());
        await browser.ScreenshotAsync(page, "plan obligatoire");

        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Correction" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(lines).ToHaveCountAsync(1);
        await Expect(lines).ToContainTextAsync(Correction());
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Nombre total de mouvements" })).ToContainTextAsync("1");
        await browser.ScreenshotAsync(page, "corrections");

        // At a phone's width both screens fit (tables scroll inside their wrapper) and every field has a label.
        foreach (var path in new[] { "/comptes", accountUrl })
        {
            await page.SetViewportSizeAsync(375, 812);
            await page.GotoAsync(path);
            await PortalBrowser.LoadedAsync(page);
            Assert.True(await PortalBrowser.FitsWidthAsync(page), $"{path} scrolls sideways at 375 px");
            Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(page));
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    // .NET's fr-FR groups thousands with a narrow no-break space (U+202F), which \s matches.
    [GeneratedRegex(@"^4\s749,50\s€$")]
    private static partial Regex Available();

    [GeneratedRegex(@"\+5\s000,00\s€")]
    private static partial Regex Credit();

    [GeneratedRegex(@"\u2212250,50\s€")]
    private static partial Regex Correction();
}
