using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.Contracts.Finance;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Web;

/// <summary>
/// « Suivi financier de l'activité » and « Reportings DEFi Performance » in headless Chromium, through the gateway: a manager of a
/// DEFi Performance company, with a dossier accepted and partly paid, reads the chart and the tables of the year, then asks for
/// the company's reporting, watches it become « Prêt » and downloads its PDF.
/// </summary>
public sealed partial class ActivityJourneyTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_manager_reads_the_year_s_chart_and_tables_and_downloads_the_DEFi_reporting()
    {
        var today = Opco.SharedKernel.ParisCalendar.Today(TimeProvider.System);
        var company = await World.CompanyAsync(serviceOffer: "DEFi Performance");
        var manager = await World.MemberAsync(company.Siret, Habilitation.Gestionnaire);
        var dossier = (await ActivityReportsTests.AcceptedDossiersAsync(World, company, manager.Api, twoTrainees: false, 350m))[0];
        await World.Onboarding.Broker.PublishAsync(new PaymentRecorded(Guid.NewGuid(), Guid.NewGuid(), dossier.Id, dossier.Number, company.Siret, "F-1", 150m,
            today, DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await World.CountAsync("dossierdb", "SELECT count(*) FROM dossier_payments WHERE \"DossierId\" = @p", dossier.Id) == 1,
            DossierWorld.Delivery, "the dossier service copied the payment");
        await Eventually.HoldsAsync(async () => (await manager.Api.GetFromJsonAsync<JsonElement>("/api/identity/me/establishments")).GetArrayLength() == 1,
            DossierWorld.Delivery, "identity knows the manager's establishment");

        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_manager_reads_the_year_s_chart_and_tables_and_downloads_the_DEFi_reporting));
        var page = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(page, manager.Email, IdentityUsers.Password);
        await PortalBrowser.LoadedAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Suivi financier de l'activité" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Suivi financier de l'activité");
        await PortalBrowser.LoadedAsync(page);

        // The chart, named and described in words, with its twelve months of bars.
        var chart = page.GetByRole(AriaRole.Img, new() { Name = $"Engagé et payé par mois en {today.Year}" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("rect.chart-committed")).ToHaveCountAsync(12);
        await Expect(page.Locator("svg desc")).ToContainTextAsync(Year());
        var byMonth = page.GetByRole(AriaRole.Table, new() { Name = $"Par mois – {today.Year}" });
        var month = byMonth.Locator("tbody tr").Nth(today.Month - 1);
        await Expect(month.Locator("td").First).ToHaveTextAsync(Committed());
        await Expect(month.Locator("td").Last).ToHaveTextAsync(Paid());
        await Expect(byMonth.Locator("tfoot tr")).ToContainTextAsync(Paid());
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Par salarié – {today.Year}" }).Locator("tbody tr")).ToContainTextAsync("Camille STAGIAIRE");
        await browser.ScreenshotAsync(page, "suivi financier");

        // At a phone's width the page fits (the SVG scales, tables scroll inside their wrapper) and every field has a label.
        await page.SetViewportSizeAsync(375, 812);
        Assert.True(await PortalBrowser.FitsWidthAsync(page), "« Suivi financier de l'activité » scrolls sideways at 375 px");
        Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(page));
        await browser.ScreenshotAsync(page, "suivi financier 375");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByRole(AriaRole.Link, new() { Name = "Reportings DEFi Performance", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Reportings DEFi Performance");
        await PortalBrowser.LoadedAsync(page);
        await page.GetByLabel("Année", new() { Exact = true }).SelectOptionAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Demander le reporting" }).ClickAsync();
        // The page follows the background work by itself until the reporting is ready.
        var job = page.Locator("tbody tr").First;
        await Expect(job.Locator(".status")).ToHaveTextAsync("Prêt", new() { Timeout = 60_000 });
        await Expect(job).ToContainTextAsync("100 % – Terminé");
        await browser.ScreenshotAsync(page, "reporting pret");
        var download = await page.RunAndWaitForDownloadAsync(() => job.GetByRole(AriaRole.Button, new() { Name = $"PDF du reporting {today.Year}" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.StartsWith("%PDF-1.4", Encoding.Latin1.GetString(pdf));
        Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(page));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    // .NET's fr-FR groups thousands with a narrow no-break space (U+202F), which \s matches.
    [GeneratedRegex(@"^350,00\s€$")]
    private static partial Regex Committed();

    [GeneratedRegex(@"150,00\s€")]
    private static partial Regex Paid();

    [GeneratedRegex(@"Sur l'année, engagé 350,00\s€ et payé 150,00\s€")]
    private static partial Regex Year();
}
