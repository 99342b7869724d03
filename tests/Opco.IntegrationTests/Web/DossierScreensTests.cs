using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.IntegrationTests.Dossier;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Web;

/// <summary>
/// A dossier's whole life in headless Chromium, through the gateway: the manager adds the trainee in "Mes salariés",
/// enters the dossier in seven steps and transmits it, the nightly run moves it, the advisor accepts it in "Dossiers à instruire", and the manager sees Accepté and is notified.
/// </summary>
public sealed partial class DossierScreensTests(AppFixture fixture) : IAsyncLifetime
{
    private DossierWorld? _world;
    private DossierWorld World => _world!;

    public async ValueTask InitializeAsync() => _world = await DossierWorld.StartAsync(fixture);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_manager_enters_and_transmits_a_dossier_the_night_moves_it_the_advisor_accepts_it_and_the_manager_sees_it()
    {
        var company = await World.CompanyAsync();
        var manager = await World.MemberAsync(company.Siret, Habilitation.PriseEnCharge, Habilitation.DonneesSensibles);
        var administrator = await World.AdministratorAsync();
        await DossierWorld.CreditAsync(administrator, company.Siren, 10_000m);
        var tag = OnboardingWorld.UniqueWord();
        await AddProviderAsync(manager.Api, company.Siret, $"Institut {tag} Formation");
        // The portal lists the user's establishments from identity's copy of the registry, fed by onboarding's events.
        await Eventually.HoldsAsync(async () => (await manager.Api.GetFromJsonAsync<JsonElement>("/api/identity/me/establishments")).GetArrayLength() == 1,
            DossierWorld.Delivery, "identity knows the manager's establishment");

        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_manager_enters_and_transmits_a_dossier_the_night_moves_it_the_advisor_accepts_it_and_the_manager_sees_it));
        var page = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(page, manager.Email, IdentityUsers.Password);

        await PortalBrowser.LoadedAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mes dossiers" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dispositifs" })).ToHaveCountAsync(0);

        // The trainee: an employee with an hourly wage, entered in "Mes salariés".
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes salariés" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un salarié +" }).ClickAsync();
        await page.GetByLabel("Civilité").SelectOptionAsync("Madame");
        await page.Locator("#salarie-nom").FillAsync("Stagiaire");
        await page.Locator("#salarie-prenom").FillAsync("Camille");
        await page.GetByLabel("Date de naissance").FillAsync("1990-03-14");
        await page.GetByLabel("Date d'entrée").FillAsync("2020-09-01");
        await page.GetByLabel("Contrat").SelectOptionAsync("Cdi");
        await page.GetByLabel("Catégorie socio-professionnelle").SelectOptionAsync("Employe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier Camille Stagiaire" }).ClickAsync();
        await page.GetByLabel("Nouveau salaire horaire brut (€)").FillAsync("14");
        await page.GetByLabel("À compter du").FillAsync("2020-09-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le salaire" }).ClickAsync();
        await Expect(page.GetByText("Salaire horaire brut en vigueur : 14,00 € depuis le 01/09/2020")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Mes dossiers" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer un dossier" }).ClickAsync();

        // 1 Cadre, with the keyboard alone: Tab reaches each radio group, the arrows choose, Enter saves the step.
        await Expect(page.Locator("h1")).ToContainTextAsync("saisie");
        await PortalBrowser.LoadedAsync(page);
        await TabToAsync(page, "() => document.activeElement?.name === 'dispositif'");
        await ArrowToAsync(page, page.GetByLabel("Plan de développement des compétences"));
        await TabToAsync(page, "() => document.activeElement?.name === 'subrogation'");
        await ArrowToAsync(page, page.GetByLabel("Non, l'entreprise est remboursée"));
        await browser.ScreenshotAsync(page, "etape 1 cadre");
        await TabToAsync(page, "() => document.activeElement?.textContent.trim() === 'Enregistrer et continuer'");
        await page.Keyboard.PressAsync("Enter");
        // 2 Action
        await page.GetByLabel("Intitulé de l'action").FillAsync("Management d'équipe");
        await page.GetByLabel("Nature").SelectOptionAsync("ActionFormation");
        await page.GetByLabel("Modalité").SelectOptionAsync("Presentiel");
        var start = DateOnly.FromDateTime(DateTime.Today).AddDays(45);
        await page.GetByLabel("Date de début").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Date de fin").FillAsync(start.AddDays(1).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Durée (heures)").FillAsync("14");
        await page.GetByLabel("Lieu").FillAsync("Lyon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        // 3 Organisme
        await page.GetByLabel("SIRET, NDA ou raison sociale de l'organisme").FillAsync($"institut {tag.ToLowerInvariant()}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Choisir Institut {tag} Formation" }).ClickAsync();
        // 4 Stagiaires
        await page.GetByLabel("STAGIAIRE Camille", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Heures de STAGIAIRE Camille").FillAsync("14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        // 5 Coûts: the salary cost is computed, 14 h × min(14 €, 11,88 €).
        await Expect(page.GetByText("Frais de salaire : 166,32 €")).ToBeVisibleAsync();
        await page.GetByLabel("Coûts pédagogiques HT (€)").FillAsync("400");
        await page.GetByLabel("Montant demandé (€)").FillAsync("500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer" }).ClickAsync();
        // 6 Pièces
        foreach (var (id, name) in new[] { ("#piece-Quote", "devis.pdf"), ("#piece-Programme", "programme.pdf"), ("#piece-Agreement", "convention.pdf") })
        {
            await page.WaitForFunctionAsync($"() => document.querySelector('{id}')?._blazorInputFileNextFileId !== undefined");
            await page.Locator(id).SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = DossierWorld.Pdf });
            await Expect(page.GetByText(name)).ToBeVisibleAsync();
        }
        await browser.ScreenshotAsync(page, "etape 6 pieces");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        // 7 Récapitulatif
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Récapitulatif" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "etape 7 recapitulatif");
        await page.GetByRole(AriaRole.Button, new() { Name = "Transmettre le dossier" }).ClickAsync();
        // The dossier's page, once it has loaded the dossier (its heading says "Dossier" until then). Its status is not
        // asserted here: another test's nightly run may already have moved it.
        await page.WaitForURLAsync(new Regex(@"/dossiers/\d{14}/[0-9a-f-]+\?transmis=1$"));
        // The entry's heading (« Dossier n° 19 – saisie ») also starts with the number: wait for the dossier page's own.
        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex(@"^Dossier n° \d+ – Management d'équipe$"));
        var number = DossierNumber().Match(await page.Locator("h1").InnerTextAsync()).Groups[1].Value;
        var dossierUrl = new Uri(page.Url).AbsolutePath;

        await DossierWorld.RunNightlyAsync(administrator);

        var advisorPage = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(advisorPage, company.AdvisorEmail, IdentityUsers.Password);
        await advisorPage.GetByRole(AriaRole.Link, new() { Name = "Dossiers à instruire" }).ClickAsync();
        await advisorPage.GetByRole(AriaRole.Link, new() { Name = $"Instruire le dossier n° {number}" }).ClickAsync();
        await advisorPage.GetByLabel("Montant accordé (€)").FillAsync("450");
        await browser.ScreenshotAsync(advisorPage, "decision du conseiller");
        await advisorPage.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await Expect(advisorPage.GetByText("Acceptation enregistrée")).ToBeVisibleAsync();

        var status = page.Locator("strong.status");
        var seen = "";
        await Eventually.HoldsAsync(async () =>
        {
            await page.ReloadAsync();
            await status.WaitForAsync();
            seen = await status.InnerTextAsync();
            return seen == "Accepté";
        }, DossierWorld.Delivery, () => $"the manager sees the dossier accepted, not « {seen} »");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Télécharger l'accord de prise en charge (PDF)" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "dossier accepte");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes notifications" }).ClickAsync();
        // The notification travels from the dossier service's outbox to the notification service: the page shows it once it is there.
        var notification = page.GetByText($"Dossier n° {number} : Accepté");
        var received = "";
        await Eventually.HoldsAsync(async () =>
        {
            await page.GetByRole(AriaRole.Heading, new() { Name = "Mes notifications" }).WaitForAsync();
            if (await notification.CountAsync() > 0) return true;
            received = string.Join(" | ", (await manager.Api.GetFromJsonAsync<JsonElement>("/api/notification/me/notifications")).GetProperty("items")
                .EnumerateArray().Select(n => n.GetProperty("title").GetString()));
            await page.ReloadAsync();
            return false;
        }, DossierWorld.Delivery, () => $"the manager is notified that the dossier n° {number} is accepted; the API lists: {received}");
        await browser.ScreenshotAsync(page, "notification");

        // At a phone's width every dossier screen fits (tables scroll inside their wrapper) and every field has a label.
        foreach (var (visitor, path) in new[]
                 {
                     (page, "/dossiers"), (page, dossierUrl), (page, $"{dossierUrl}/saisie?etape=1"), (page, $"{dossierUrl}/saisie?etape=2"),
                     (page, $"{dossierUrl}/saisie?etape=3"), (page, $"{dossierUrl}/saisie?etape=4"), (page, $"{dossierUrl}/saisie?etape=5"),
                     (page, $"{dossierUrl}/saisie?etape=6"), (advisorPage, "/conseiller/dossiers"),
                 })
        {
            await visitor.SetViewportSizeAsync(375, 812);
            await visitor.GotoAsync(path);
            await PortalBrowser.LoadedAsync(visitor);
            Assert.True(await PortalBrowser.FitsWidthAsync(visitor), $"{path} scrolls sideways at 375 px");
            Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(visitor));
        }
    }

    [Fact]
    public async Task An_administrator_changes_a_scheme_ceiling_in_dispositifs_and_a_wrong_amount_is_refused_in_french()
    {
        var administrator = await World.AdministratorMemberAsync();
        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(An_administrator_changes_a_scheme_ceiling_in_dispositifs_and_a_wrong_amount_is_refused_in_french));
        var page = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(page, administrator.Email, IdentityUsers.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Dispositifs" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Plan de développement des compétences" }))
            .ToContainTextAsync("Proposé aux entreprises bénéficiant de l'offre DEFi Performance");
        await browser.ScreenshotAsync(page, "dispositifs");

        // Pro-A: no other test uses or edits it. Whatever happens, it is put back as it was.
        const string label = "Pro-A (reconversion ou promotion par alternance)";
        static JsonElement ProA(JsonElement schemes) => schemes.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "ProA");
        var original = ProA(await administrator.Api.GetFromJsonAsync<JsonElement>("/api/dossier/schemes"));
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = $"Modifier {label}" }).ClickAsync();
            var perKm = page.GetByLabel("Par kilomètre (€)");
            await PortalBrowser.LoadedAsync(page);
            await perKm.FillAsync("-1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Expect(page.Locator("#plafond-km-erreur")).ToHaveTextAsync("Le plafond doit être positif ou nul.");
            Assert.Equal("true", await perKm.GetAttributeAsync("aria-invalid"));
            Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(page));
            await browser.ScreenshotAsync(page, "dispositif plafond refuse");

            // Text that is not an amount is said on its field, and nothing is sent while it is there.
            var meal = page.GetByLabel("Repas (€)");
            await meal.FillAsync("douze");
            await meal.BlurAsync();
            await Expect(page.Locator("#plafond-repas-erreur")).ToHaveTextAsync("Saisissez un montant en euros, par exemple 12,50.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Expect(page.GetByText("Le dispositif n'a pas été modifié : corrigez les champs signalés.")).ToBeVisibleAsync();
            Assert.Equal(original.GetProperty("mealCost").GetRawText(),
                ProA(await administrator.Api.GetFromJsonAsync<JsonElement>("/api/dossier/schemes")).GetProperty("mealCost").GetRawText());

            // Typed the French way, or with a dot.
            await meal.FillAsync("25,50");
            var changed = original.GetProperty("costPerKm").ValueKind == JsonValueKind.Number && original.GetProperty("costPerKm").GetDecimal() == 0.37m
                ? "0.38" : "0.37";
            await perKm.FillAsync(changed);
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Expect(page.GetByText($"Dispositif « {label} » enregistré")).ToBeVisibleAsync();
            var saved = ProA(await administrator.Api.GetFromJsonAsync<JsonElement>("/api/dossier/schemes"));
            Assert.Equal((decimal.Parse(changed, System.Globalization.CultureInfo.InvariantCulture), 25.50m),
                (saved.GetProperty("costPerKm").GetDecimal(), saved.GetProperty("mealCost").GetDecimal()));
            await page.GetByRole(AriaRole.Link, new() { Name = "Retour aux dispositifs" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = label })).ToContainTextAsync($"par km {changed.Replace('.', ',')} €");
        }
        finally
        {
            // The scheme as it was: the answer's extra fields (code, texts) are ignored by the edit.
            (await administrator.Api.PutAsJsonAsync("/api/dossier/schemes/ProA", original)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Presses Tab until the focused element is the one the script recognises.</summary>
    private static async Task TabToAsync(IPage page, string isFocused)
    {
        for (var presses = 0; !await page.EvaluateAsync<bool>(isFocused); presses++)
        {
            Assert.True(presses < 40, $"Tab never reached {isFocused}");
            await page.Keyboard.PressAsync("Tab");
        }
    }

    /// <summary>Chooses a radio of the focused group with the keyboard: Space when it has the focus, else the arrow keys.</summary>
    private static async Task ArrowToAsync(IPage page, ILocator radio)
    {
        for (var presses = 0; !await radio.IsCheckedAsync(); presses++)
        {
            Assert.True(presses < 10, "the keyboard never reached the wanted radio");
            await page.Keyboard.PressAsync(await radio.EvaluateAsync<bool>("e => e === document.activeElement") ? "Space" : "ArrowDown");
        }
        await Expect(radio).ToBeCheckedAsync();
    }

    private static async Task AddProviderAsync(HttpClient manager, string siret, string name)
    {
        var response = await manager.PostAsJsonAsync($"/api/dossier/establishments/{siret}/training-providers", new
        {
            siret = Opco.SharedKernel.FictionalIdentifiers.Siret(Opco.SharedKernel.FictionalIdentifiers.Siren(Random.Shared), 0), nda = "11690000001",
            name, address = "3 place Bellecour", postalCode = "69002", city = "Lyon", isQualiopiCertified = true,
        });
        response.EnsureSuccessStatusCode();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"^Dossier n° (\d+)")]
    private static partial Regex DossierNumber();
}
