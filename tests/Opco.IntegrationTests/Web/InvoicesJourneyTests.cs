using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Web;

/// <summary>
/// Invoices in headless Chromium, through the gateway: a user holding Reporting deposits the invoice of a realised dossier with
/// its file and the account to reimburse; the advisor checks it and gives the « bon à payer »; an administrator records its payment;
/// the user finds it « Payée » with its payment, the masked IBAN and the « avis de règlement ».
/// </summary>
public sealed partial class InvoicesJourneyTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task An_invoice_is_deposited_checked_and_paid_in_the_browser_and_its_payment_shown_to_the_company()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var user = await World.MemberAsync(company.Siret, Habilitation.Reporting);
        var administrator = await World.AdministratorMemberAsync();
        await DossierWorld.CreditAsync(administrator.Api, company.Siren, 2000m);
        var (id, number) = await World.AcceptedDossierAsync(company, manager, administrator.Api, granted: 300m, realised: true);
        await Eventually.HoldsAsync(async () => (await user.Api.GetFromJsonAsync<JsonElement>("/api/finance/invoices/dossiers")).EnumerateArray()
            .Any(d => d.GetProperty("id").GetGuid() == id), DossierWorld.Delivery, "finance lets the user invoice the dossier");

        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(An_invoice_is_deposited_checked_and_paid_in_the_browser_and_its_payment_shown_to_the_company));
        var page = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(page, user.Email, IdentityUsers.Password);
        await PortalBrowser.LoadedAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes factures", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Mes factures");
        await PortalBrowser.LoadedAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Déposer une facture" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Déposer une facture");
        await PortalBrowser.LoadedAsync(page);
        await page.GetByLabel("Dossier").SelectOptionAsync(id.ToString());
        await Expect(page.GetByLabel("IBAN du compte à rembourser")).ToBeVisibleAsync();
        await page.GetByLabel("Numéro de facture").FillAsync($"FA-{number}");
        await page.GetByLabel("Date de la facture").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Heures réalisées").FillAsync("15");
        await page.GetByLabel("Montant HT (€)").FillAsync("200");
        await page.GetByLabel("TVA (€)").FillAsync("40");
        await page.GetByLabel("Montant TTC (€)").FillAsync("240,00");
        await page.GetByLabel("IBAN du compte à rembourser").FillAsync("FR76 3000 6000 0112 3456 7890 189");
        await page.GetByLabel(new Regex("^Facture \\(PDF")).SetInputFilesAsync(new FilePayload
        {
            Name = "facture.pdf", MimeType = "application/pdf", Buffer = DossierWorld.Pdf,
        });
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Fichier choisi" })).ToContainTextAsync("facture.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer la facture" }).ClickAsync();
        // 15 h is more than the 14 h granted: said on the field, nothing stored.
        await Expect(page.Locator("#facture-heures-erreur")).ToContainTextAsync("dépassent les heures accordées");
        await browser.ScreenshotAsync(page, "heures refusées");
        await page.GetByLabel("Heures réalisées").FillAsync("14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer la facture" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Facture n° FA-{number}");
        await Expect(page.Locator(".status").First).ToHaveTextAsync("Reçue");
        await Expect(page.GetByText("FR76 •••• •••• 0189")).ToBeVisibleAsync();
        var invoiceUrl = new Uri(page.Url).AbsolutePath;
        await browser.ScreenshotAsync(page, "facture reçue");

        // The advisor checks it and gives the « bon à payer ».
        var advisorPage = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(advisorPage, company.AdvisorEmail, IdentityUsers.Password);
        await PortalBrowser.LoadedAsync(advisorPage);
        await advisorPage.GetByRole(AriaRole.Link, new() { Name = "Factures à contrôler" }).ClickAsync();
        await PortalBrowser.LoadedAsync(advisorPage);
        await advisorPage.GetByRole(AriaRole.Link, new() { Name = $"Ouvrir la facture n° FA-{number}" }).ClickAsync();
        await PortalBrowser.LoadedAsync(advisorPage);
        await advisorPage.GetByRole(AriaRole.Button, new() { Name = "Contrôler la facture" }).ClickAsync();
        await Expect(advisorPage.Locator(".status").First).ToHaveTextAsync("En contrôle");
        await advisorPage.GetByRole(AriaRole.Button, new() { Name = "Bon à payer" }).ClickAsync();
        await Expect(advisorPage.Locator(".status").First).ToHaveTextAsync("Bon à payer");
        await browser.ScreenshotAsync(advisorPage, "bon à payer");

        // An administrator records its payment.
        var adminPage = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(adminPage, administrator.Email, IdentityUsers.Password);
        await PortalBrowser.LoadedAsync(adminPage);
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "Factures à payer" }).ClickAsync();
        await PortalBrowser.LoadedAsync(adminPage);
        await adminPage.GetByRole(AriaRole.Link, new() { Name = $"Ouvrir la facture n° FA-{number}" }).ClickAsync();
        await PortalBrowser.LoadedAsync(adminPage);
        await Expect(adminPage.GetByLabel("Montant réglé (€)")).ToHaveValueAsync(new Regex("^240(,00)?$"));
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le règlement" }).ClickAsync();
        await Expect(adminPage.Locator(".status").First).ToHaveTextAsync("Payée");
        await browser.ScreenshotAsync(adminPage, "payée");

        await page.GotoAsync(invoiceUrl);
        await PortalBrowser.LoadedAsync(page);
        await Expect(page.Locator(".status").First).ToHaveTextAsync("Payée");
        var payment = page.GetByRole(AriaRole.Region, new() { Name = "Règlement" });
        await Expect(payment).ToContainTextAsync(new Regex(@"240,00\s€"));
        await Expect(payment).ToContainTextAsync($"Dossier n° {number} / facture n° FA-{number}");
        await Expect(payment).ToContainTextAsync("FR76 •••• •••• 0189");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Télécharger l'avis de règlement (PDF)" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "règlement");

        foreach (var path in new[] { "/factures", invoiceUrl, "/factures/nouvelle" })
        {
            await page.SetViewportSizeAsync(375, 812);
            await page.GotoAsync(path);
            await PortalBrowser.LoadedAsync(page);
            Assert.True(await PortalBrowser.FitsWidthAsync(page), $"{path} scrolls sideways at 375 px");
            Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(page));
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
