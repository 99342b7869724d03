using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Opco.SharedKernel;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Web;

/// <summary>The portal's screens in headless Chromium, through the gateway, as a manager and as a plain user would use them.</summary>
public sealed class PortalScreensTests(AppFixture fixture) : IAsyncDisposable
{
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));

    [Fact]
    public async Task A_manager_uses_the_profile_and_manages_users()
    {
        var siren = FictionalIdentifiers.Siren(Random.Shared);
        var (headOffice, closed) = (FictionalIdentifiers.Siret(siren, 0), FictionalIdentifiers.Siret(siren, 1));
        await _users.AddEstablishmentAsync(headOffice, "Atelier Test – Siège", "ATELIER TEST", isHeadOffice: true);
        await _users.AddEstablishmentAsync(closed, "Atelier Test – Ancien site", "ATELIER TEST", closedOn: new DateOnly(2024, 12, 31));
        var manager = await _users.CreateAsync(TestEmails.Unique("gestionnaire"), u => u.PreferredSiret = headOffice,
            new Dictionary<string, Habilitation[]> { [headOffice] = [Habilitation.Gestionnaire], [closed] = [Habilitation.PriseEnCharge] });
        var luke = await _users.CreateAsync(TestEmails.Unique("luke"), u => (u.LastName, u.FirstName, u.Function) = ("Skywalker", "Luke", "Directeur des Ressources Jedi"),
            new Dictionary<string, Habilitation[]> { [headOffice] = [Habilitation.Reporting] });
        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_manager_uses_the_profile_and_manages_users));
        var page = await browser.NewVisitorAsync();

        await PortalBrowser.SignInAsync(page, manager.Email!, IdentityUsers.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Jeanne Testeuse" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "accueil");

        // Mon profil: three tabs; the preferred establishment highlighted, the closed one struck through.
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu de Jeanne Testeuse" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mon profil", Exact = true }).ClickAsync();
        await Expect(page.Locator("#profil-nom")).ToHaveValueAsync("Testeuse");
        await browser.ScreenshotAsync(page, "mon profil - mes informations");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Mes établissements" }).ClickAsync();
        await Expect(page.Locator("li.preferred")).ToContainTextAsync(headOffice);
        await Expect(page.Locator("li.closed")).ToContainTextAsync(closed);
        Assert.Equal("line-through", await page.Locator("li.closed .establishment-name").EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        await page.Locator($"li[data-siret='{headOffice}'] button").ClickAsync();
        await Expect(page.Locator($"#details-{headOffice}")).ToContainTextAsync("TESTEUSE Jeanne");
        await Expect(page.Locator($"#details-{headOffice}")).ToContainTextAsync("Gestionnaire");
        await browser.ScreenshotAsync(page, "mon profil - mes etablissements");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Mes notifications" }).ClickAsync();
        await page.GetByLabel("Alerte par email : Modification de mes habilitations").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes préférences" }).ClickAsync();
        await Expect(page.GetByText("Vos préférences de notification sont enregistrées.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "mon profil - mes notifications");

        // Mes utilisateurs: total, filters, sort.
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu de Jeanne Testeuse" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes utilisateurs", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Nombre total de clients" })).ToContainTextAsync("2");
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        Assert.Empty(await CutOffLastColumnAsync(page));
        await page.GetByLabel("Nom / Prénom").FillAsync("Skywalker");
        await page.GetByLabel("Nom / Prénom").PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Directeur des Ressources Jedi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Réinitialiser le filtre" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nom", Exact = true }).ClickAsync();
        await Expect(page.Locator("th[aria-sort=descending]")).ToContainTextAsync("Nom");
        await Expect(rows.First).ToContainTextAsync("Testeuse");
        await browser.ScreenshotAsync(page, "mes utilisateurs");

        // Ajouter: personal data, "Choisissez un établissement +", the accesses, then "Éditer un utilisateur".
        var leia = TestEmails.Unique("leia");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter +" }).ClickAsync();
        await page.GetByLabel("Mme").CheckAsync();
        await page.Locator("#utilisateur-nom").FillAsync("Organa");
        await page.GetByLabel("Prénom").FillAsync("Leia");
        await page.GetByLabel("Email").FillAsync(leia);
        await page.GetByLabel("Téléphone").FillAsync("0612345678");
        await page.GetByLabel("Fonction").FillAsync("Chargée de formation");
        await page.GetByLabel("Choisissez un établissement").SelectOptionAsync(headOffice);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'établissement choisi" }).ClickAsync();
        await page.GetByLabel("Prise en charge").CheckAsync();
        await browser.ScreenshotAsync(page, "ajouter un utilisateur");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Éditer un utilisateur" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Le compte est créé.")).ToBeVisibleAsync();
        var mail = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(leia), TimeSpan.FromSeconds(30));
        Assert.Equal("Confirmez votre adresse email", mail.Subject);

        await page.GetByLabel("Données des reporting").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Les accès sont enregistrés.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Désactiver l'utilisateur" }).ClickAsync();
        await Expect(page.GetByText("L'utilisateur est désactivé.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "editer un utilisateur");
        await page.GetByRole(AriaRole.Link, new() { Name = "Historique des modifications" }).ClickAsync();
        await Expect(page.Locator("tbody")).ToContainTextAsync("Désactivation");
        await Expect(page.Locator("tbody")).ToContainTextAsync("Modification des accès");
        await Expect(page.Locator("tbody")).ToContainTextAsync("Création du compte");
        await browser.ScreenshotAsync(page, "historique d'un utilisateur");

        // Delete with confirmation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à la liste" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer Skywalker Luke" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Supprimer un utilisateur" });
        await Expect(dialog).ToContainTextAsync("Luke Skywalker");
        await browser.ScreenshotAsync(page, "supprimer un utilisateur");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Supprimer" }).ClickAsync();
        await Expect(page.GetByText("Le compte de Luke Skywalker est supprimé.")).ToBeVisibleAsync();
        Assert.NotNull((await _users.FindAsync(luke.Id)).DeletedAt);

        // The bell and "Mes notifications".
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Notifications") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Dernières notifications" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "cloche des notifications");
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir toutes mes notifications" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes notifications" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "mes notifications");
    }

    [Fact]
    public async Task A_user_without_gestion_des_utilisateurs_does_not_see_mes_utilisateurs()
    {
        var siret = FictionalIdentifiers.Siret(FictionalIdentifiers.Siren(Random.Shared), 0);
        await _users.AddEstablishmentAsync(siret, "Atelier Test – Siège", "ATELIER TEST", isHeadOffice: true);
        var user = await _users.CreateAsync(TestEmails.Unique("utilisateur"), u => u.PreferredSiret = siret,
            new Dictionary<string, Habilitation[]> { [siret] = [Habilitation.PriseEnCharge] });
        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_user_without_gestion_des_utilisateurs_does_not_see_mes_utilisateurs));
        var page = await browser.NewVisitorAsync();

        await PortalBrowser.SignInAsync(page, user.Email!, IdentityUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu de Jeanne Testeuse" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mon profil", Exact = true })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "menu sans gestion des utilisateurs");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mes utilisateurs" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Demandes de création de compte" })).ToHaveCountAsync(0);

        await page.GotoAsync("/utilisateurs");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Vous n'avez pas l'habilitation nécessaire pour accéder à cette page.")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "acces refuse");

        // "Se déconnecter" ends the portal's session and identity's: the next page asks to sign in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu de Jeanne Testeuse" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connect/") && !url.Contains("/signout-callback-oidc"));
        await page.GotoAsync("/profil");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Pages_fit_a_phone_width_and_every_field_has_a_label()
    {
        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(Pages_fit_a_phone_width_and_every_field_has_a_label));
        var phone = await browser.NewVisitorAsync(width: 375, height: 812);

        foreach (var (path, step) in new[] { ("/demande-de-compte", "demande de compte sur telephone"), ("/demande-de-compte/formulaire", "formulaire simple sur telephone") })
        {
            await phone.GotoAsync(path);
            await browser.ScreenshotAsync(phone, step);
            Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 375 px");
            Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(phone));
        }

        var siret = FictionalIdentifiers.Siret(FictionalIdentifiers.Siren(Random.Shared), 0);
        await _users.AddEstablishmentAsync(siret, "Atelier Test – Siège", "ATELIER TEST", isHeadOffice: true);
        var manager = await _users.CreateAsync(TestEmails.Unique("mobile"), u => u.PreferredSiret = siret,
            new Dictionary<string, Habilitation[]> { [siret] = [Habilitation.Gestionnaire] });
        await PortalBrowser.SignInAsync(phone, manager.Email!, IdentityUsers.Password);
        foreach (var (path, step) in new[] { ("/", "accueil sur telephone"), ("/utilisateurs", "mes utilisateurs sur telephone"), ("/utilisateurs/nouveau", "ajouter sur telephone") })
        {
            await phone.GotoAsync(path);
            await browser.ScreenshotAsync(phone, step);
            Assert.True(await phone.EvaluateAsync<bool>("() => document.body.scrollWidth <= window.innerWidth + 1"), $"{path} scrolls sideways at 375 px");
            Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(phone));
        }

        // Wider than a phone, the users table scrolls inside its own wrapper; the page itself does not.
        await phone.GotoAsync("/utilisateurs");
        await Expect(phone.Locator("tbody tr")).ToHaveCountAsync(1);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "/utilisateurs scrolls sideways at 375 px");
        Assert.True(await phone.EvaluateAsync<bool>("""
            () => {
                const wrap = document.querySelector('.table-wrap');
                return getComputedStyle(wrap).overflowX === 'auto' && wrap.scrollWidth > wrap.clientWidth;
            }
            """), "the users table does not scroll inside its wrapper at 375 px");
    }

    [Fact]
    public async Task The_simple_form_works_with_the_keyboard_alone_and_says_what_is_wrong_in_french()
    {
        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(The_simple_form_works_with_the_keyboard_alone_and_says_what_is_wrong_in_french));
        var page = await browser.NewVisitorAsync();
        await page.GotoAsync("/demande-de-compte/formulaire");
        // After a navigation the portal moves the focus to the page's heading, once the server has heard that the page is shown.
        await Expect(page.Locator("h1")).ToBeFocusedAsync();

        // From the heading, Tab reaches each field in order; nothing is clicked.
        for (var presses = 0; await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "nom"; presses++)
        {
            Assert.True(presses < 30, "Tab never reached the first field");
            await page.Keyboard.PressAsync("Tab");
        }
        // On a busy server that call can come after the visitor has reached a field: it then leaves the field alone.
        await page.EvaluateAsync("() => portal.focusHeading('h1')");
        await Expect(page.Locator("#nom")).ToBeFocusedAsync();
        // Each key goes to the server and back: wait for the field to hold what was typed and for Tab to land, never race it.
        foreach (var (field, value, next) in new[]
                 {
                     ("nom", "Dupont", "#prenom"), ("prenom", "Jeanne", "#siret"), ("siret", "73282932000079", "#email"),
                     ("email", "jeanne@example.fr", "#confirmation-email"), ("confirmation-email", "autre", "button[type=submit]"),
                 })
        {
            await page.Locator($"#{field}").PressSequentiallyAsync(value);
            await Expect(page.Locator($"#{field}")).ToHaveValueAsync(value);
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.Locator(next)).ToBeFocusedAsync();
        }
        Assert.Equal("Valider", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        // "autre" is not an address: the browser's own check would stop the form here, in the browser's language.
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#siret-erreur")).ToContainTextAsync("SIRET");
        await Expect(page.Locator("#confirmation-email-erreur")).ToContainTextAsync("ne correspond pas");
        Assert.Equal("true", await page.GetByLabel("Confirmation de l'email").GetAttributeAsync("aria-invalid"));
        await browser.ScreenshotAsync(page, "formulaire simple avec erreurs");
    }

    [Fact]
    public async Task An_address_no_page_serves_says_page_introuvable_in_the_portal_and_every_page_has_its_icon()
    {
        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(An_address_no_page_serves_says_page_introuvable_in_the_portal_and_every_page_has_its_icon));
        var page = await browser.NewVisitorAsync();
        foreach (var path in new[] { "/nimporte-quoi", "/utilisateurs/pas-un-identifiant" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Page introuvable");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Retour à l'accueil" })).ToBeVisibleAsync();
        }
        await browser.ScreenshotAsync(page, "page introuvable");
        // A client that does not ask for a page keeps the problem details.
        var api = await page.APIRequest.GetAsync("/api/inconnu/1", new() { Headers = new Dictionary<string, string> { ["Accept"] = "application/json" } });
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"]);

        // The portal's pages and identity's sign-in page, where an anonymous visitor of "/" lands, both name an icon that is served.
        await IconIsServedAsync(page);
        await page.GotoAsync("/");
        await Expect(page.GetByLabel("Votre mot de passe")).ToBeVisibleAsync();
        await IconIsServedAsync(page);
    }

    [Fact]
    public async Task A_manager_adds_an_employee_records_a_wage_and_imports_a_file_in_mes_salaries()
    {
        var siret = FictionalIdentifiers.Siret(FictionalIdentifiers.Siren(Random.Shared), 0);
        await _users.AddEstablishmentAsync(siret, "Atelier Salariés – Siège", "ATELIER SALARIES", isHeadOffice: true);
        Habilitation[] held = [Habilitation.PriseEnCharge, Habilitation.DonneesSensibles];
        var manager = await _users.CreateAsync(TestEmails.Unique("salaries"), u => u.PreferredSiret = siret,
            new Dictionary<string, Habilitation[]> { [siret] = held });
        // Arranged straight in identitydb, so the dossier service learns the rights from the event identity would publish.
        await using (var events = await UserRightsEvents.StartAsync(fixture.App.GetConnectionString("messaging")))
            await events.PublishAsync(UserRightsEvents.Habilitations(manager.Id, siret, DateTimeOffset.UtcNow, held));
        await Eventually.HoldsAsync(() => DossierKnowsAsync(manager.Id), TimeSpan.FromSeconds(30), "the dossier service knows the manager's rights");
        await using var browser = await PortalBrowser.LaunchAsync(fixture, nameof(A_manager_adds_an_employee_records_a_wage_and_imports_a_file_in_mes_salaries));
        var page = await browser.NewVisitorAsync();
        await PortalBrowser.SignInAsync(page, manager.Email!, IdentityUsers.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Mes salariés" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Nombre total de salariés" })).ToContainTextAsync("0");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un salarié +" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.Locator("#salarie-nom-erreur")).ToHaveTextAsync("Le nom est obligatoire.");
        await Expect(page.Locator("#salarie-naissance-erreur")).ToHaveTextAsync("La date de naissance est obligatoire.");
        Assert.Empty(await PortalBrowser.UnlabelledFieldsAsync(page));
        await page.GetByLabel("Civilité").SelectOptionAsync("Madame");
        // "Nom" is also in "Prénom": the field's id says which.
        await page.Locator("#salarie-nom").FillAsync("Martin");
        await page.Locator("#salarie-prenom").FillAsync("Camille");
        await page.GetByLabel("Date de naissance").FillAsync("1990-03-14");
        await page.GetByLabel("Date d'entrée").FillAsync("2020-09-01");
        await page.GetByLabel("Contrat").SelectOptionAsync("Cdi");
        await page.GetByLabel("Catégorie socio-professionnelle").SelectOptionAsync("Employe");
        await browser.ScreenshotAsync(page, "ajouter un salarie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Martin", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "14/03/1990" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "mes salaries");
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier Camille Martin" }).ClickAsync();
        await Expect(page.GetByText("Salaire horaire brut en vigueur : non renseigné")).ToBeVisibleAsync();
        await page.GetByLabel("Nouveau salaire horaire brut (€)").FillAsync("15.20");
        await page.GetByLabel("À compter du").FillAsync("2026-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le salaire" }).ClickAsync();
        await Expect(page.GetByText("Salaire horaire brut en vigueur : 15,20 € depuis le 01/01/2026")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "salaire horaire");

        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à la liste" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer un fichier" }).ClickAsync();
        var file = "civilite;nom;prenom;date_naissance;matricule;date_entree;date_sortie;contrat;temps_travail;csp;emploi\r\n"
                   + "Monsieur;Petit;Jean;20/07/1975;;01/03/2001;;CDD;100;Ouvrier;Cariste\r\n"
                   + "Madame;Sans;Date;;;01/03/2001;;CDD;100;Ouvrier;\r\n";
        // A file chosen before Blazor has attached its listener to the input would go unnoticed: wait for that state
        // (its script marks the element when it does).
        await page.WaitForFunctionAsync("() => document.querySelector('#import-fichier')?._blazorInputFileNextFileId !== undefined");
        await page.Locator("#import-fichier").SetInputFilesAsync(new FilePayload { Name = "salaries.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(file) });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vérification du fichier" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "La date de naissance est obligatoire." })).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "import verification");
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer les lignes valides" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import terminé" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à la liste des salariés" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Petit", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Nombre total de salariés" })).ToContainTextAsync("2");

        // At a phone's width the list scrolls inside its wrapper, not the page.
        await page.SetViewportSizeAsync(375, 812);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "/salaries scrolls sideways at 375 px");
    }

    private async Task<bool> DossierKnowsAsync(Guid userId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.App.GetConnectionString("dossierdb"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM user_habilitations WHERE user_id = @id", connection);
        command.Parameters.AddWithValue("id", userId);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task IconIsServedAsync(IPage page)
    {
        // As the browser resolves it (against <base href>).
        var href = await page.EvaluateAsync<string?>("() => document.querySelector('link[rel=icon]')?.href ?? null");
        Assert.False(string.IsNullOrEmpty(href), $"no icon on {page.Url}");
        var icon = await page.APIRequest.GetAsync(href);
        Assert.Equal(200, icon.Status);
        Assert.StartsWith("image/svg+xml", icon.Headers["content-type"]);
    }

    /// <summary>The cells of the table's last column (its actions) that stick out of its wrapper or its card, i.e. are cut off.</summary>
    private static Task<string[]> CutOffLastColumnAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const wrap = document.querySelector('.table-wrap');
            const right = Math.min(wrap.getBoundingClientRect().right, wrap.closest('.page').getBoundingClientRect().right);
            return [...wrap.querySelectorAll('tr > :last-child')]
                .filter(cell => cell.getBoundingClientRect().right > right + 0.5)
                .map(cell => `${cell.textContent.trim()} (right edge ${cell.getBoundingClientRect().right} > ${right})`);
        }
        """);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    public ValueTask DisposeAsync() => _users.DisposeAsync();
}
