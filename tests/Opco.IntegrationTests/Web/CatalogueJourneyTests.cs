using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Web;

/// <summary>
/// The catalogue Sélection DEFi Formations in headless Chromium at a phone's width: a user finds an offer by a misspelt word,
/// opens it, chooses a session and asks for funding, and lands on the entry of the new draft with the offer's fields filled.
/// </summary>
public sealed class CatalogueJourneyTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_user_searches_the_catalogue_opens_an_offer_and_starts_a_dossier_filled_from_it()
    {
        var company = await World.CompanyAsync();
        var manager = await World.MemberAsync(company.Siret, Habilitation.PriseEnCharge);
        var administrator = await World.AdministratorAsync();
        var provider = await World.ProviderAsync(manager.Api, company.Siret);
        var tag = OnboardingWorld.UniqueWord().ToLowerInvariant();
        var title = $"Négociation commerciale {tag}";
        await DossierWorld.CatalogueOfferAsync(administrator, provider, title, "Commercial", (50, "Normandie", 0), (80, "Bretagne", 7));
        await Eventually.HoldsAsync(async () => (await manager.Api.GetFromJsonAsync<JsonElement>("/api/identity/me/establishments")).GetArrayLength() == 1,
            DossierWorld.Delivery, "identity knows the manager's establishment");

        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_user_searches_the_catalogue_opens_an_offer_and_starts_a_dossier_filled_from_it));
        var page = await browser.NewVisitorAsync(width: 375, height: 800);
        await PortalBrowser.SignInAsync(page, manager.Email, IdentityUsers.Password);
        await PortalBrowser.LoadedAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Catalogue Sélection DEFi Formations" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Catalogue Sélection DEFi Formations");
        await PortalBrowser.LoadedAsync(page);
        await page.GetByLabel("Mots-clés").FillAsync($"negociasion {tag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "trouvée" })).ToHaveTextAsync("1 formation trouvée.");
        var card = page.Locator("article.catalogue-offer");
        await Expect(card).ToContainTextAsync("Institut Avenir Formation");
        await Expect(card).ToContainTextAsync("1 200,00 € HT");
        await Expect(card).ToContainTextAsync("complet");
        await Expect(card).ToContainTextAsync("7 places restantes");
        Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(page));
        Assert.True(await PortalBrowser.FitsWidthAsync(page), "the catalogue fits 375 px");
        await browser.ScreenshotAsync(page, "catalogue recherche");

        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/catalogue/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await PortalBrowser.LoadedAsync(page);
        // The full session cannot be chosen; the one with seats is.
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(80);
        var session = page.GetByLabel($"du {French(start)}");
        await Expect(session).ToBeCheckedAsync();
        await Expect(page.GetByLabel($"du {French(start.AddDays(-30))}")).ToBeDisabledAsync();
        Assert.True(await PortalBrowser.FitsWidthAsync(page), "the offer fits 375 px");
        await browser.ScreenshotAsync(page, "catalogue offre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Demander la prise en charge" }).ClickAsync();

        // The entry of the new draft, at step 1 with « Sélection DEFi » chosen; steps 2 and 3 filled from the offer and the session.
        await Expect(page.Locator("h1")).ToContainTextAsync("saisie");
        await PortalBrowser.LoadedAsync(page);
        Assert.Contains($"/dossiers/{company.Siret}/", page.Url);
        await Expect(page.GetByLabel("Sélection DEFi")).ToBeCheckedAsync();
        await page.Locator("ol.dossier-steps button").Filter(new() { HasText = "Action" }).ClickAsync();
        await Expect(page.GetByLabel("Intitulé de l'action")).ToHaveValueAsync(title);
        await Expect(page.Locator("#action-nature")).ToHaveValueAsync("ActionFormation");
        await Expect(page.Locator("#action-modalite")).ToHaveValueAsync("Mixte");
        await Expect(page.Locator("#action-debut")).ToHaveValueAsync(start.ToString("yyyy-MM-dd"));
        await Expect(page.Locator("#action-fin")).ToHaveValueAsync(start.AddDays(1).ToString("yyyy-MM-dd"));
        await Expect(page.Locator("#action-heures")).ToHaveValueAsync(new Regex(@"^14(\.0+)?$"));
        await Expect(page.Locator("#action-lieu")).ToHaveValueAsync("Centre de Bretagne");
        await browser.ScreenshotAsync(page, "dossier prerempli action");
        await page.Locator("ol.dossier-steps button").Filter(new() { HasText = "Organisme" }).ClickAsync();
        await Expect(page.GetByText("Organisme choisi : Institut Avenir Formation")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_administrator_writes_an_offer_adds_a_session_and_publishes_it_with_french_messages_for_wrong_fields()
    {
        var company = await World.CompanyAsync();
        var manager = await World.UserAsync(company.Siret, Habilitation.PriseEnCharge);
        var administrator = await World.AdministratorMemberAsync();
        var tag = OnboardingWorld.UniqueWord().ToLowerInvariant();
        var providerName = $"Organisme {tag} Formation";
        (await manager.PostAsJsonAsync($"/api/dossier/establishments/{company.Siret}/training-providers", new
        {
            siret = Opco.SharedKernel.FictionalIdentifiers.Siret(Opco.SharedKernel.FictionalIdentifiers.Siren(Random.Shared), 0), nda = "11690000002",
            name = providerName, address = "3 place Bellecour", postalCode = "69002", city = "Lyon", isQualiopiCertified = true,
        })).EnsureSuccessStatusCode();

        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(An_administrator_writes_an_offer_adds_a_session_and_publishes_it_with_french_messages_for_wrong_fields));
        var page = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(page, administrator.Email, IdentityUsers.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Offres du catalogue" }).ClickAsync();
        await PortalBrowser.LoadedAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une offre" }).ClickAsync();
        await PortalBrowser.LoadedAsync(page);

        await page.GetByLabel("Rechercher l'organisme").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Choisir {providerName}" }).ClickAsync();
        await Expect(page.GetByText($"Organisme : {providerName}")).ToBeVisibleAsync();
        var title = $"Gestion du temps {tag}";
        await page.GetByLabel("Intitulé").FillAsync(title);
        await page.GetByLabel("Thème").FillAsync("Efficacité personnelle");
        await page.GetByLabel("Durée (heures)").FillAsync("7");
        await page.GetByLabel("Modalité").SelectOptionAsync("Distance");
        await page.GetByLabel("Prix par stagiaire (€ HT)").FillAsync("450");
        await page.GetByLabel("Prise en charge OPCO par stagiaire").FillAsync("500");
        await page.GetByLabel("Description").FillAsync("Organiser ses priorités.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'offre" }).ClickAsync();
        await Expect(page.Locator("#offre-prise-en-charge-erreur")).ToHaveTextAsync("La prise en charge par l'OPCO ne peut pas dépasser le prix de la formation.");
        Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(page));

        await page.GetByLabel("Prise en charge OPCO par stagiaire").FillAsync("360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'offre" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Offre « {title} »");
        await PortalBrowser.LoadedAsync(page);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await page.GetByLabel("Date de début").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Date de fin").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Lieu").FillAsync("Caen");
        await page.GetByLabel("Région").SelectOptionAsync("Normandie");
        await page.GetByLabel("Places restantes").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la session" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Caen" })).ToContainTextAsync("Normandie");
        // The form is ready for the next session.
        await Expect(page.GetByLabel("Lieu")).ToHaveValueAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(page.GetByText("Offre publiée.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "offre publiee");

        // What the companies now find.
        var found = await manager.GetFromJsonAsync<JsonElement>($"/api/dossier/catalogue/offers?q={tag}");
        var row = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal((title, providerName, "Distance", 450m, 360m), (row.GetProperty("title").GetString(), row.GetProperty("providerName").GetString(),
            row.GetProperty("modality").GetString(), row.GetProperty("price").GetDecimal(), row.GetProperty("coveredAmount").GetDecimal()));
        var session = Assert.Single(row.GetProperty("nextSessions").EnumerateArray());
        Assert.Equal(("Caen", "Normandie", 9), (session.GetProperty("place").GetString(), session.GetProperty("region").GetString(),
            session.GetProperty("seatsLeft").GetInt32()));
    }

    private static string French(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
