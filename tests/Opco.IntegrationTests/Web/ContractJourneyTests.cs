using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Web;

/// <summary>
/// A contrat de professionnalisation's way to « Pris en charge » in headless Chromium, through the gateway: a manager
/// holding « Contrat de professionnalisation » adds the trainee while entering the contract in seven steps (the tutor is
/// an employee already there), uploads the signed contract and the programme, transmits it and sees when the decision is
/// due; the advisor instructs and accepts it in « Contrats de pro »; the manager sees it taken in charge and is notified.
/// </summary>
[Collection(Opco.IntegrationTests.Dossier.ContractsCollection.Name)]
public sealed partial class ContractJourneyTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_manager_enters_and_transmits_a_contract_the_advisor_accepts_it_and_the_manager_sees_it_taken_in_charge()
    {
        var company = await World.CompanyAsync();
        var manager = await World.MemberAsync(company.Siret, Habilitation.ContratPro);
        var administrator = await World.AdministratorAsync();
        // Contracts are funded from the pooled source « Professionnalisation »: its envelope has room this year and next.
        var today = DateOnly.FromDateTime(DateTime.Today);
        foreach (var year in new[] { today.Year, today.Year + 1 })
            (await administrator.PostAsJsonAsync("/api/finance/admin/accounts/credits",
                new { kind = "PooledSource", source = "Professionnalisation", year, amount = 1_000_000m, reference = "Enveloppe de test" })).EnsureSuccessStatusCode();
        var tutor = await World.EmployeeAsync(manager.Api, company.Siret, "Tuteur");
        var tag = OnboardingWorld.UniqueWord();
        await AddProviderAsync(manager.Api, company.Siret, $"Institut {tag} Alternance");
        // The portal lists the user's establishments from identity's copy of the registry, fed by onboarding's events.
        await Eventually.HoldsAsync(async () => (await manager.Api.GetFromJsonAsync<JsonElement>("/api/identity/me/establishments")).GetArrayLength() == 1,
            DossierWorld.Delivery, "identity knows the manager's establishment");

        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_manager_enters_and_transmits_a_contract_the_advisor_accepts_it_and_the_manager_sees_it_taken_in_charge));
        var page = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(page, manager.Email, IdentityUsers.Password);
        await PortalBrowser.LoadedAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mes dossiers" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes contrats de pro" }).ClickAsync();
        await PortalBrowser.LoadedAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nouveau contrat" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("saisie");
        await PortalBrowser.LoadedAsync(page);

        var start = today.AddDays(14);
        var end = start.AddYears(1).AddDays(-1);
        // 1 Salarié: the trainee (19 at the start: 55 % of the SMIC) is added on the way, then chosen with her public.
        await page.GetByRole(AriaRole.Button, new() { Name = "Le salarié n'est pas dans la liste ? Ajouter un salarié" }).ClickAsync();
        await page.GetByLabel("Civilité").SelectOptionAsync("Madame");
        await page.Locator("#salarie-nom").FillAsync("Alternante");
        await page.Locator("#salarie-prenom").FillAsync("Léa");
        await page.GetByLabel("Date de naissance").FillAsync(start.AddYears(-19).AddMonths(-3).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Date d'entrée").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Catégorie socio-professionnelle").SelectOptionAsync("Employe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le salarié" }).ClickAsync();
        await Expect(page.Locator("#contrat-salarie option:checked")).ToContainTextAsync("ALTERNANTE Léa");
        await page.GetByLabel("Jeune de 16 à 25 ans", new() { Exact = true }).CheckAsync();
        await browser.ScreenshotAsync(page, "etape 1 salarie");
        await SaveStepAsync(page, 2, "Tuteur");
        // 2 Tuteur
        await page.Locator("#contrat-tuteur").SelectOptionAsync(tutor.ToString());
        await page.GetByLabel("Expérience du tuteur dans le domaine (années)").FillAsync("8");
        await page.Locator("#aide-tuteur-oui").CheckAsync();
        await SaveStepAsync(page, 3, "Contrat");
        // 3 Contrat
        await page.Locator("#nature-FixedTerm").CheckAsync();
        await page.GetByLabel("Date de signature").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Date de début").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Date de fin").FillAsync(end.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Durée hebdomadaire de travail (heures)").FillAsync("35");
        await page.GetByLabel("Emploi occupé").FillAsync("Vendeuse conseil");
        await page.Locator("#contrat-qualification").SelectOptionAsync("Rncp");
        await page.GetByLabel("Code de la qualification (RNCP ou CQP)").FillAsync("RNCP35185");
        await SaveStepAsync(page, 4, "Formation");
        // 4 Formation: 400 h of a year of 35 h weeks (15 to 25 %, 150 h at least).
        await page.GetByLabel("SIRET, NDA ou raison sociale de l'organisme").FillAsync($"institut {tag.ToLowerInvariant()}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Choisir Institut {tag} Alternance" }).ClickAsync();
        await Expect(page.GetByText("Organisme choisi")).ToContainTextAsync($"Institut {tag} Alternance");
        await page.GetByLabel("Début de la formation").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Fin de la formation").FillAsync(end.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Heures de formation").FillAsync("400");
        await SaveStepAsync(page, 5, "Rémunération");
        // 5 Rémunération: the minimum for her age is said before the pay is typed.
        await Expect(page.GetByText("55 % du SMIC à 19 ans")).ToBeVisibleAsync();
        await page.GetByLabel("Salaire brut mensuel (€)").FillAsync("1 200");
        await browser.ScreenshotAsync(page, "etape 5 remuneration");
        await SaveStepAsync(page, 6, "Pièces");
        // 6 Pièces
        foreach (var (id, name) in new[] { ("#piece-signedContract", "contrat-signe.pdf"), ("#piece-programme", "programme.pdf") })
        {
            await page.WaitForFunctionAsync($"() => document.querySelector('{id}')?._blazorInputFileNextFileId !== undefined");
            await page.Locator(id).SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = DossierWorld.Pdf });
            await Expect(page.GetByText(name)).ToBeVisibleAsync();
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Continuer" }).ClickAsync();
        // 7 Récapitulatif: nothing blocks, the funding is there.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Étape 7 – Récapitulatif" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Aucun contrôle bloquant : le contrat peut être transmis.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Financement" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "etape 7 recapitulatif");
        await page.GetByRole(AriaRole.Button, new() { Name = "Transmettre le contrat" }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/contrats/\d{14}/[0-9a-f-]+\?transmis=1$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(ContractNumber());
        await Expect(page.GetByText(DecisionDue())).ToBeVisibleAsync();
        await Expect(page.Locator("strong.status")).ToHaveTextAsync("Transmis");
        await browser.ScreenshotAsync(page, "contrat transmis");
        var number = ContractNumber().Match(await page.Locator("h1").InnerTextAsync()).Groups[1].Value;
        var contractUrl = new Uri(page.Url).AbsolutePath;

        var advisorPage = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(advisorPage, company.AdvisorEmail, IdentityUsers.Password);
        await advisorPage.GetByRole(AriaRole.Link, new() { Name = "Contrats de pro" }).ClickAsync();
        await advisorPage.GetByRole(AriaRole.Link, new() { Name = $"Instruire le contrat n° {number}" }).ClickAsync();
        await PortalBrowser.LoadedAsync(advisorPage);
        var advisorUrl = new Uri(advisorPage.Url).AbsolutePath;
        await advisorPage.GetByRole(AriaRole.Button, new() { Name = "Instruire" }).ClickAsync();
        await Expect(advisorPage.GetByText("Le contrat est en instruction.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(advisorPage, "decision du conseiller");
        await advisorPage.GetByRole(AriaRole.Button, new() { Name = "Accepter la prise en charge" }).ClickAsync();
        await Expect(advisorPage.GetByText("Prise en charge enregistrée")).ToBeVisibleAsync();

        // The acceptance waits for finance's commitment: the manager's page says « Pris en charge » once it is recorded.
        var status = page.Locator("strong.status");
        var seen = "";
        await Eventually.HoldsAsync(async () =>
        {
            await page.ReloadAsync();
            await status.WaitForAsync();
            seen = await status.InnerTextAsync();
            return seen == "Pris en charge";
        }, DossierWorld.Delivery, () => $"the manager sees the contract taken in charge, not « {seen} »");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Déclarer un avenant" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Déclarer une rupture" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "contrat pris en charge");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes notifications" }).ClickAsync();
        // The notification travels from the dossier service's outbox to the notification service: the page shows it once it is there.
        var notification = page.GetByText(new Regex($@"n° {number}\b.*Pris en charge"));
        await Eventually.HoldsAsync(async () =>
        {
            await page.GetByRole(AriaRole.Heading, new() { Name = "Mes notifications" }).WaitForAsync();
            if (await notification.CountAsync() > 0) return true;
            await page.ReloadAsync();
            return false;
        }, DossierWorld.Delivery, "the manager is notified that the contract is taken in charge");
        await browser.ScreenshotAsync(page, "notification");

        // At a phone's width every contract screen fits (tables scroll inside their wrapper) and every field has a label.
        foreach (var (visitor, path) in new[]
                 {
                     (page, "/contrats"), (page, contractUrl), (page, $"{contractUrl}/saisie/1"), (page, $"{contractUrl}/saisie/2"),
                     (page, $"{contractUrl}/saisie/3"), (page, $"{contractUrl}/saisie/4"), (page, $"{contractUrl}/saisie/5"),
                     (page, $"{contractUrl}/saisie/6"), (page, $"{contractUrl}/saisie/7"), (advisorPage, "/conseiller/contrats"), (advisorPage, advisorUrl),
                 })
        {
            await visitor.SetViewportSizeAsync(375, 812);
            await visitor.GotoAsync(path);
            await PortalBrowser.LoadedAsync(visitor);
            Assert.True(await PortalBrowser.FitsWidthAsync(visitor), $"{path} scrolls sideways at 375 px");
            Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(visitor));
        }

        // The rupture is declared online: without a date it is refused on its field, then recorded with its reason.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(contractUrl);
        await PortalBrowser.LoadedAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Déclarer une rupture" }).ClickAsync();
        await page.GetByLabel("Motif de la rupture").FillAsync("Rupture d'un commun accord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la rupture" }).ClickAsync();
        await Expect(page.GetByText("Indiquez la date de la rupture.")).ToBeVisibleAsync();
        await page.GetByLabel("Date de la rupture").FillAsync(start.AddMonths(2).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la rupture" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Rompu");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Déclarer une rupture" })).ToHaveCountAsync(0);
        await browser.ScreenshotAsync(page, "contrat rompu");
    }

    /// <summary>« Enregistrer et continuer », then waits for the next step's heading.</summary>
    private static async Task SaveStepAsync(IPage page, int next, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Étape {next} – {name}" })).ToBeVisibleAsync();
    }

    private static async Task AddProviderAsync(HttpClient manager, string siret, string name)
    {
        var response = await manager.PostAsJsonAsync($"/api/dossier/establishments/{siret}/training-providers", new
        {
            siret = Opco.SharedKernel.FictionalIdentifiers.Siret(Opco.SharedKernel.FictionalIdentifiers.Siren(Random.Shared), 0), nda = "11690000002",
            name, address = "12 rue de la République", postalCode = "69002", city = "Lyon", isQualiopiCertified = true,
        });
        response.EnsureSuccessStatusCode();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"^Contrat n° (\d+)")]
    private static partial Regex ContractNumber();

    [GeneratedRegex(@"Décision attendue avant le \d{2}/\d{2}/\d{4}")]
    private static partial Regex DecisionDue();
}
