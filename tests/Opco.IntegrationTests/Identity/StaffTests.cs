using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Opco.Identity.Domain;
using Opco.Identity.Pages.Account;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Identity;

/// <summary>OPCO administrators: advisors, and the import of the previous platform's accounts.</summary>
public sealed class StaffTests(AppFixture fixture) : IAsyncDisposable
{
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));

    private Task<ManagerSession> AdministratorAsync() =>
        ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]>(), u => u.StaffRole = StaffRole.Administrator);

    [Fact]
    public async Task An_administrator_creates_an_advisor_who_receives_the_confirmation_email()
    {
        var admin = await AdministratorAsync();
        var email = TestEmails.Unique("conseiller");

        var response = await admin.Api.PostAsJsonAsync("/api/identity/admin/advisors", new { civility = "Monsieur", lastName = "Benali", firstName = "Karim", email, phone = "0472000000" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(StaffRole.Advisor, (await _users.FindAsync(id)).StaffRole);
        await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject.Contains("Confirmez"), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Only_administrators_reach_the_staff_api()
    {
        var manager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { ["73282932000074"] = [Habilitation.Gestionnaire] });

        var advisor = await manager.Api.PostAsJsonAsync("/api/identity/admin/advisors", new { civility = "Monsieur", lastName = "X", firstName = "Y", email = "x@y.fr", phone = "0472000000" });
        var import = await manager.Api.PostAsync("/api/identity/admin/imports/users", new StringContent("email\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Forbidden, advisor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
    }

    [Fact]
    public async Task Imported_accounts_keep_their_data_and_must_create_a_new_password()
    {
        var admin = await AdministratorAsync();
        var (first, second) = (TestEmails.Unique("migre"), TestEmails.Unique("migre"));
        var csv = $"""
            email;civilite;nom;prenom;telephone;fonction;siret;habilitations
            {first};Madame;Durand;Sophie;04 72 00 00 01;"Responsable formation; paie";73282932000074;Gestionnaire
            {first};Madame;Durand;Sophie;04 72 00 00 01;Responsable formation;73282932000090;PriseEnCharge|Reporting
            {second};Monsieur;Petit;Marc;0600000002;;73282932000074;ContratPro
            """;

        var response = await admin.Api.PostAsync("/api/identity/admin/imports/users", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 3), (counts.GetProperty("users").GetInt32(), counts.GetProperty("accesses").GetInt32()));
        Assert.True((await _users.FindByEmailAsync(first))!.MustCreatePassword);
        using var oidc = new OidcClient(fixture.App.GetEndpoint("gateway"), "opco-web", fixture.App.GetParameter("web-client-secret"));
        var attempt = await oidc.SignInWithCodeAsync(first, "Nimporte-quoi-1");
        Assert.Contains(LoginModel.Refused, WebUtility.HtmlDecode(attempt.RefusalPage));
    }

    [Fact]
    public async Task A_file_with_one_bad_line_imports_nothing_and_says_which_line()
    {
        var admin = await AdministratorAsync();
        var good = TestEmails.Unique("bon");
        var csv = $"""
            email;civilite;nom;prenom;telephone;fonction;siret;habilitations
            {good};Madame;Bon;Line;0600000003;;73282932000074;Reporting
            pas-un-email;Madame;;Line;12;;73282932000079;Inconnue
            """;

        var response = await admin.Api.PostAsync("/api/identity/admin/imports/users", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Le fichier contient des erreurs : rien n'a été importé.", problem.GetProperty("title").GetString());
        var line3 = problem.GetProperty("errors").GetProperty("ligne 3").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("nom : Le nom est obligatoire.", line3);
        Assert.Contains("email : L'email n'est pas une adresse valide.", line3);
        Assert.Contains(line3, m => m!.StartsWith("siret/habilitations : Choisissez un établissement valide"));
        Assert.Null(await _users.FindByEmailAsync(good));
    }

    public ValueTask DisposeAsync() => _users.DisposeAsync();
}
