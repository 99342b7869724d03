using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Opco.Identity.Pages.Account;
using Opco.IntegrationTests.Support;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Identity;

/// <summary>The authorization server through the gateway, with a real HTTP client and real accounts in identitydb.</summary>
public sealed class SignInTests(AppFixture fixture) : IAsyncDisposable
{
    private const string Siret = "73282932000074";
    private readonly Uri _gateway = fixture.App.GetEndpoint("gateway");
    private readonly IdentityUsers _users = new(fixture.App.GetConnectionString("identitydb"));

    private OidcClient WebClient() => new(_gateway, "opco-web", fixture.App.GetParameter("web-client-secret"));

    [Fact]
    public async Task Discovery_and_signing_keys_are_published_with_the_public_issuer()
    {
        using var http = fixture.App.CreateHttpClient("gateway");
        var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal(new Uri(_gateway, "/").ToString(), discovery.GetProperty("issuer").GetString());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()!));
        var jwks = await http.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString());
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
    }

    [Fact]
    public async Task An_authorization_request_with_a_plain_code_challenge_is_refused()
    {
        // RFC 7636's example: the verifier and its S256 challenge.
        const string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        const string challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        using var client = WebClient();

        var s256 = await client.AuthorizeAsync(challenge, "S256");
        var plain = await client.AuthorizeAsync(verifier, "plain");

        // The same request with S256 goes on to the sign-in page: only the method is refused.
        Assert.Equal(HttpStatusCode.Redirect, s256.StatusCode);
        Assert.Contains("/account/login", s256.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("code_challenge_method", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_machine_client_gets_a_five_minute_jwt_for_the_apis_it_asked_for()
    {
        using var client = new OidcClient(_gateway, "opco-batch", fixture.App.GetParameter("batch-client-secret"));

        var tokens = await client.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "dossier finance" });

        var payload = OidcClient.Payload(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal("opco-batch", payload.GetProperty("sub").GetString());
        Assert.Equal(["dossier", "finance"], Audiences(payload).Order());
        Assert.Equal(300, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
        Assert.Equal(new Uri(_gateway, "/").ToString(), payload.GetProperty("iss").GetString());
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused()
    {
        using var client = new OidcClient(_gateway, "opco-batch", "pas-le-bon-secret");
        var response = await client.PostTokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "dossier" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Code_with_pkce_signs_in_records_the_time_and_refresh_tokens_rotate()
    {
        var user = await _users.CreateAsync(TestEmails.Unique("pkce"),
            accesses: new Dictionary<string, Habilitation[]> { [Siret] = [Habilitation.PriseEnCharge] });
        using var client = WebClient();

        var outcome = await client.SignInWithCodeAsync(user.Email!, IdentityUsers.Password);

        var tokens = outcome.Tokens ?? throw new Xunit.Sdk.XunitException($"Sign-in refused: {outcome.RefusalPage}");
        var access = OidcClient.Payload(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(user.Id.ToString(), access.GetProperty("sub").GetString());
        Assert.Contains("onboarding", Audiences(access));
        Assert.True(tokens.TryGetProperty("id_token", out _));
        Assert.NotNull((await _users.FindAsync(user.Id)).LastSignInAt);

        var first = tokens.GetProperty("refresh_token").GetString()!;
        var refreshed = await client.RefreshAsync(first);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString();
        Assert.NotEqual(first, second);
        var replayed = await client.RefreshAsync(first);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
    }

    [Fact]
    public async Task Every_refusal_before_a_right_password_gets_the_same_answer()
    {
        var known = await _users.CreateAsync(TestEmails.Unique("enum"));
        var locked = await _users.CreateAsync(TestEmails.Unique("verrou"), u => u.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(15));
        var migrated = await _users.CreateAsync(TestEmails.Unique("migre"), u => u.MustCreatePassword = true);
        using var client = WebClient();

        var unknown = await client.SignInWithCodeAsync(TestEmails.Unique("personne"), IdentityUsers.Password);
        var wrong = await client.SignInWithCodeAsync(known.Email!, "Mauvais-mot-2026");
        var whileLocked = await client.SignInWithCodeAsync(locked.Email!, IdentityUsers.Password);
        var beforeNewPassword = await client.SignInWithCodeAsync(migrated.Email!, "Quelconque-2026");

        // A migrated e-mail must not be told apart from an unknown one: the page's notice speaks to migrated users.
        Assert.Equal(LoginModel.Refused, Alert(unknown.RefusalPage));
        Assert.Equal(Alert(unknown.RefusalPage), Alert(wrong.RefusalPage));
        Assert.Equal(Alert(unknown.RefusalPage), Alert(whileLocked.RefusalPage));
        Assert.Equal(Alert(unknown.RefusalPage), Alert(beforeNewPassword.RefusalPage));
        Assert.Contains("vos informations ont été transférées", Text(beforeNewPassword.RefusalPage));
        Assert.Contains("<a href=\"/account/forgot-password\">créer un nouveau mot de passe</a>", Text(beforeNewPassword.RefusalPage));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes()
    {
        var user = await _users.CreateAsync(TestEmails.Unique("lock"));
        using var client = WebClient();

        for (var attempt = 0; attempt < 5; attempt++)
            Assert.NotNull((await client.SignInWithCodeAsync(user.Email!, $"Mauvais-{attempt}-mot")).RefusalPage);
        var withRightPassword = await client.SignInWithCodeAsync(user.Email!, IdentityUsers.Password);

        Assert.Contains(LoginModel.Refused, Text(withRightPassword.RefusalPage));
        var lockedUntil = (await _users.FindAsync(user.Id)).LockoutEnd;
        Assert.InRange(lockedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task An_inactive_account_cannot_sign_in()
    {
        var user = await _users.CreateAsync(TestEmails.Unique("inactif"), u => u.IsActive = false);
        using var client = WebClient();

        var outcome = await client.SignInWithCodeAsync(user.Email!, IdentityUsers.Password);

        Assert.Contains(LoginModel.Inactive, Text(outcome.RefusalPage));
    }

    [Fact]
    public async Task The_sign_in_page_is_french_and_offers_password_recovery_and_account_request()
    {
        using var http = fixture.App.CreateHttpClient("gateway");
        var page = await http.GetStringAsync("/account/login");

        Assert.Contains("<html lang=\"fr\">", page);
        foreach (var text in new[] { "Votre identifiant", "Votre mot de passe", "Se connecter", "Vous avez oublié votre mot de passe ?", "Demander une ouverture de compte" })
            Assert.Contains(text, Text(page));
    }

    private static string Text(string? html) => WebUtility.HtmlDecode(html ?? "");

    /// <summary>The page's refusal message, or null when it shows none.</summary>
    private static string? Alert(string? html) =>
        Regex.Match(html ?? "", "<p class=\"error\" role=\"alert\">([^<]*)</p>") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : null;

    private static IEnumerable<string> Audiences(JsonElement payload) =>
        payload.GetProperty("aud") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(a => a.GetString()!)
            : [payload.GetProperty("aud").GetString()!];

    public ValueTask DisposeAsync() => _users.DisposeAsync();
}
