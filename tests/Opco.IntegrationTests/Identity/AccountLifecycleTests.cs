using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Opco.Identity.Data;
using Opco.Identity.Domain;
using Opco.Identity.Features.Lifecycle;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Identity;

/// <summary>
/// A manager creates a user; the user confirms the address and creates a password from the e-mails read in
/// MailDev, then signs in: the whole lifecycle through the gateway.
/// </summary>
public sealed partial class AccountLifecycleTests(AppFixture fixture) : IAsyncDisposable
{
    private const string SiretA = "73282932000074";
    private static readonly TimeSpan Mail = TimeSpan.FromSeconds(30);
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));

    [Fact]
    public async Task A_user_created_by_a_manager_confirms_creates_a_password_and_signs_in()
    {
        var manager = await ManagerSession.SignInAsync(fixture, _users, new Dictionary<string, Habilitation[]> { [SiretA] = [Habilitation.Gestionnaire] });
        var email = TestEmails.Unique("nouveau");

        var created = await manager.Api.PostAsJsonAsync("/api/identity/users", new
        {
            civility = "Monsieur", lastName = "Skywalker", firstName = "Luke", email, phone = "06 12 34 56 78", function = "Directeur des Ressources Jedi",
            establishments = new[] { new { siret = SiretA, habilitations = new[] { "PriseEnCharge", "Reporting" } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var confirm = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject.Contains("Confirmez"), Mail);
        var confirmLink = Link(confirm.Text, "/account/confirm-email");
        using var browser = new HttpClient { BaseAddress = fixture.App.GetEndpoint("gateway") };
        Assert.Contains("Votre adresse email est confirmée", Text(await browser.GetStringAsync(confirmLink)));
        Assert.Contains("Ce lien n'est plus valable", Text(await browser.GetStringAsync(confirmLink)));

        var create = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(email) && m.Subject.Contains("mot de passe"), Mail);
        var passwordLink = Link(create.Text, "/account/create-password");
        var weak = await PostPasswordAsync(browser, passwordLink, "azerty123", "azerty123");
        Assert.Contains(PasswordPolicy.TooCommon, weak);
        var mismatch = await PostPasswordAsync(browser, passwordLink, "Jedi-Temple-2026", "Jedi-Temple-2027");
        Assert.Contains("Les deux mots de passe ne sont pas identiques.", mismatch);
        var done = await PostPasswordAsync(browser, passwordLink, "Jedi-Temple-2026", "Jedi-Temple-2026");
        Assert.Contains("Votre mot de passe est enregistré", done);

        using var oidc = new OidcClient(fixture.App.GetEndpoint("gateway"), "opco-web", fixture.App.GetParameter("web-client-secret"));
        var signedIn = await oidc.SignInWithCodeAsync(email, "Jedi-Temple-2026");
        Assert.NotNull(signedIn.Tokens);
    }

    [Fact]
    public async Task Forgotten_password_answers_the_same_for_everyone_and_mails_only_real_accounts()
    {
        var user = await _users.CreateAsync(TestEmails.Unique("oubli"), u => u.MustCreatePassword = true);
        var nobody = TestEmails.Unique("personne");
        using var browser = new HttpClient { BaseAddress = fixture.App.GetEndpoint("gateway") };

        var forUser = await PostFormAsync(browser, "/account/forgot-password", new() { ["Email"] = user.Email! });
        var forNobody = await PostFormAsync(browser, "/account/forgot-password", new() { ["Email"] = nobody });

        Assert.Equal(Answer(forUser), Answer(forNobody));
        var reset = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(user.Email!), Mail);
        var done = await PostPasswordAsync(browser, Link(reset.Text, "/account/reset-password"), "Migration-reussie-7", "Migration-reussie-7");
        Assert.Contains("Votre mot de passe est enregistré", done);
        Assert.False((await _users.FindAsync(user.Id)).MustCreatePassword);
        Assert.Empty(await fixture.App.MailDev.GetMessagesAsync(nobody));
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_opened_before_it()
    {
        var user = await _users.CreateAsync(TestEmails.Unique("session"));
        using var oidc = new OidcClient(fixture.App.GetEndpoint("gateway"), "opco-web", fixture.App.GetParameter("web-client-secret"));
        var refresh = (await oidc.SignInWithCodeAsync(user.Email!, IdentityUsers.Password)).Tokens!.Value.GetProperty("refresh_token").GetString()!;
        using var browser = new HttpClient { BaseAddress = fixture.App.GetEndpoint("gateway") };

        await PostFormAsync(browser, "/account/forgot-password", new() { ["Email"] = user.Email! });
        var reset = await fixture.App.MailDev.WaitForMessageAsync(m => m.To.Contains(user.Email!), Mail);
        Assert.Contains("Votre mot de passe est enregistré",
            await PostPasswordAsync(browser, Link(reset.Text, "/account/reset-password"), "Nouveau-depart-42", "Nouveau-depart-42"));

        Assert.Equal(HttpStatusCode.BadRequest, (await oidc.RefreshAsync(refresh)).StatusCode);
    }

    [Fact]
    public async Task A_new_link_cancels_the_older_one_in_the_transaction_that_saves_it()
    {
        var user = await _users.CreateAsync(TestEmails.Unique("liens"));
        await RequestPasswordResetAsync(user.Id, save: true);
        var older = Assert.Single(await ResetLinksAsync(user.Id));

        await RequestPasswordResetAsync(user.Id, save: false);
        Assert.Null(Assert.Single(await ResetLinksAsync(user.Id)).UsedAt);

        await RequestPasswordResetAsync(user.Id, save: true);
        var links = await ResetLinksAsync(user.Id);
        Assert.Equal(2, links.Count);
        Assert.NotNull(links.Single(l => l.Id == older.Id).UsedAt);
        Assert.Null(links.Single(l => l.Id != older.Id).UsedAt);
    }

    /// <summary>Identity's own AccountLinks on identitydb, as a page uses it; without the save, its transaction never commits.</summary>
    private async Task RequestPasswordResetAsync(Guid userId, bool save)
    {
        await using var db = IdentityDb();
        var links = new AccountLinks(db, new ConfigurationBuilder().Build(), TimeProvider.System);
        await links.RequestPasswordResetAsync(await db.Users.SingleAsync(u => u.Id == userId), CancellationToken.None);
        if (save) await db.SaveChangesAsync();
    }

    private async Task<List<OneTimeToken>> ResetLinksAsync(Guid userId)
    {
        await using var db = IdentityDb();
        return await db.OneTimeTokens.AsNoTracking().Where(t => t.UserId == userId && t.Purpose == TokenPurpose.ResetPassword).ToListAsync();
    }

    private IdentityDbContext IdentityDb() =>
        new(new DbContextOptionsBuilder<IdentityDbContext>().UseNpgsql(fixture.App.GetConnectionString("identitydb")).Options);

    private static string Answer(string page) => Regex.Match(page, "role=\"status\">([^<]*)<").Groups[1].Value;

    private static string Link(string text, string path) =>
        Regex.Match(text, $@"https?://\S*{Regex.Escape(path)}\?token=[A-Za-z0-9_\-%]+") is { Success: true } match
            ? new Uri(match.Value).PathAndQuery
            : throw new Xunit.Sdk.XunitException($"No {path} link in: {text}");

    private static async Task<string> PostPasswordAsync(HttpClient browser, string link, string password, string confirmation)
    {
        var token = Regex.Match(link, "token=([^&]+)").Groups[1].Value;
        return await PostFormAsync(browser, link, new()
        {
            ["Token"] = Uri.UnescapeDataString(token), ["Password"] = password, ["PasswordConfirmation"] = confirmation,
        });
    }

    /// <summary>Posts a page's form with its anti-forgery token, as a browser would.</summary>
    private static async Task<string> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        fields["__RequestVerificationToken"] = AntiForgery().Match(page).Groups[1].Value;
        var response = await browser.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Text(await response.Content.ReadAsStringAsync());
    }

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    public ValueTask DisposeAsync() => _users.DisposeAsync();
}
