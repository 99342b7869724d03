using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.Contracts.Identity;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Notification;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;
using static Opco.IntegrationTests.Dossier.DossierWorld;

namespace Opco.IntegrationTests.Web;

/// <summary>
/// The home page in headless Chromium, through the gateway: a manager holding every habilitation on an establishment of a
/// DEFi Performance company finds a dossier draft, a transmitted contrat de pro with its deadline, the Versement
/// Volontaire's disponible pour engagement, an unread notification, the latest news (one targeted at the offer), the
/// offer banner and their contacts, each block linking to its page; then on a phone's width.
/// </summary>
[Collection(NewsCollection.Name)]
public sealed class HomeJourneyTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_manager_with_every_habilitation_sees_every_block_of_the_home_page()
    {
        var company = await World.CompanyAsync("DEFi Performance");
        var manager = await World.MemberAsync(company.Siret, Habilitation.Gestionnaire);
        var administrator = await World.AdministratorAsync();
        (await administrator.PostAsJsonAsync("/api/finance/admin/accounts/credits", new
        {
            kind = "CompanyAccount", siren = company.Siren, source = "Versement Volontaire", amount = 1200m, reference = "Versement encaissé", cause = "CashReceipt",
        })).EnsureSuccessStatusCode();
        var draft = await Json(await manager.Api.PostAsync(Dossiers(company.Siret), null), HttpStatusCode.Created);
        var (contract, contractNumber) = await World.CompleteContractAsync(manager.Api, company.Siret);
        await Json(await manager.Api.PostAsync($"{ContractsOf(company.Siret)}/{contract}/transmission", null));
        var word = OnboardingWorld.UniqueWord();
        var targeted = await PublishAsync(administrator, $"Réservé Performance {word}", "DEFi Performance");
        await PublishAsync(administrator, $"Actualité d'accueil {word}", null);

        // Every service learns the user from identity's events; the page shows what each one knows.
        await Eventually.HoldsAsync(async () => (await manager.Api.GetFromJsonAsync<JsonElement>("/api/identity/me/establishments")).GetArrayLength() == 1,
            Delivery, "identity knows the user's establishment");
        await Eventually.HoldsAsync(async () => (await manager.Api.GetFromJsonAsync<JsonElement>("/api/finance/accounts")).GetProperty("companies")
            .EnumerateArray().Any(c => c.GetProperty("siren").GetString() == company.Siren), Delivery, "finance lets the user see the accounts");
        await Eventually.HoldsAsync(async () => (await manager.Api.GetAsync($"/api/notification/news/{targeted}?siret={company.Siret}")).StatusCode == HttpStatusCode.OK,
            Delivery, "the notification service knows the user's rights and the company's offer");
        var userId = await World.ScalarAsync<Guid>("notificationdb", "SELECT user_id FROM user_habilitations WHERE siret = @p", company.Siret);
        await World.Onboarding.Broker.PublishAsync(new UserHabilitationsChanged(userId, manager.Email, "Jeanne", "Testeuse", company.Siret,
            "Établissement de test", ["Gestionnaire"], ["PriseEnCharge"], Guid.NewGuid(), DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => (await manager.Api.GetFromJsonAsync<JsonElement>("/api/notification/me/unread-count")).GetProperty("unread").GetInt32() > 0,
            Delivery, "the user has an unread notification");
        // Onboarding names the advisor once identity announced their account (identity does so when an advisor is created).
        var advisor = (await World.Onboarding.Users.FindByEmailAsync(company.AdvisorEmail))!;
        await World.Onboarding.Broker.PublishAsync(new AdvisorRegistered(advisor.Id, advisor.Email!, advisor.FirstName, advisor.LastName,
            DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await World.CountAsync("onboardingdb",
            "SELECT count(*) FROM known_accounts WHERE user_id = @p AND is_advisor", advisor.Id) == 1, Delivery, "onboarding knows the advisor");

        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_manager_with_every_habilitation_sees_every_block_of_the_home_page));
        var page = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(page, manager.Email, IdentityUsers.Password);
        await PortalBrowser.LoadedAsync(page);

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Offre de service" })).ToContainTextAsync("DEFi Performance");
        var dossiers = page.GetByRole(AriaRole.Region, new() { Name = "Dossiers à traiter" });
        await Expect(dossiers).ToContainTextAsync("1 en cours de saisie");
        await Expect(dossiers.GetByRole(AriaRole.Link, new() { Name = $"Dossier n° {draft.GetProperty("number").GetInt64()}" })).ToBeVisibleAsync();
        var contracts = page.GetByRole(AriaRole.Region, new() { Name = "Contrats de pro à suivre" });
        await Expect(contracts).ToContainTextAsync("1 en attente de décision");
        await Expect(contracts.Locator("li").Filter(new() { HasText = $"Contrat n° {contractNumber}" })).ToContainTextAsync("Décision attendue avant le");
        await Expect(page.GetByRole(AriaRole.Tabpanel, new() { Name = "Mon plan" }))
            .ToContainTextAsync(new Regex(@"Versement Volontaire – montant disponible pour engagement : 1\s?200,00\s€"));
        var notifications = page.GetByRole(AriaRole.Region, new() { Name = "Notifications", Exact = true });
        await Expect(notifications).ToContainTextAsync("non lue");
        await Expect(notifications).ToContainTextAsync("Vos habilitations ont changé");
        var news = page.GetByRole(AriaRole.Region, new() { Name = "Actualités", Exact = true });
        await Expect(news.GetByRole(AriaRole.Link, new() { Name = $"Actualité d'accueil {word}" })).ToBeVisibleAsync();
        await Expect(news.GetByRole(AriaRole.Link, new() { Name = $"Réservé Performance {word}" })).ToBeVisibleAsync();
        var contacts = page.GetByRole(AriaRole.Region, new() { Name = "Vos contacts" });
        await Expect(contacts).ToContainTextAsync($"Votre conseiller formation : {advisor.FirstName} {advisor.LastName} – {company.AdvisorEmail}");
        await Expect(contacts.GetByRole(AriaRole.Link, new() { Name = "assistance@moncompte-opco.fr" })).ToBeVisibleAsync();
        await Expect(contacts.Locator(".contact-grid > div").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Gestionnaires de votre établissement" }) })
            .GetByRole(AriaRole.Link, new() { Name = manager.Email })).ToBeVisibleAsync();
        foreach (var link in new[] { "Voir la liste des dossiers", "Voir la liste des contrats de pro", "Voir toutes les notifications", "Toutes les actualités" })
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "accueil");

        await news.GetByRole(AriaRole.Link, new() { Name = $"Actualité d'accueil {word}" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Actualité d'accueil {word}");
        await Expect(page.Locator(".news-body strong")).ToHaveTextAsync($"Actualité d'accueil {word}");
        await browser.ScreenshotAsync(page, "actualite");

        var phone = await browser.NewVisitorAsync(375, 800);
        await PortalBrowser.SignInAsync(phone, manager.Email, IdentityUsers.Password);
        await PortalBrowser.LoadedAsync(phone);
        await Expect(phone.GetByRole(AriaRole.Region, new() { Name = "Dossiers à traiter" })).ToBeVisibleAsync();
        Assert.True(await PortalBrowser.FitsWidthAsync(phone), "the home page fits 375 px");
        await browser.ScreenshotAsync(phone, "accueil 375 px");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task<Guid> PublishAsync(HttpClient administrator, string title, string? targetOffer)
    {
        var id = (await Json(await administrator.PostAsJsonAsync("/api/notification/admin/news",
            new { title, summary = $"Résumé de {title}", body = $"Le texte de **{title}**.", targetOffer }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await administrator.PostAsJsonAsync($"/api/notification/admin/news/{id}/publish", new { }));
        return id;
    }
}
