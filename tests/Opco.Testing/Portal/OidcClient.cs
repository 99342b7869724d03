using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace Opco.Testing.Portal;

/// <summary>
/// A browser-less OpenID Connect client driving the real pages through the gateway: authorization code + PKCE,
/// the sign-in form with its anti-forgery token, refresh and client credentials.
/// </summary>
public sealed partial class OidcClient(Uri gateway, string clientId, string clientSecret) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = gateway,
    };

    public Uri RedirectUri { get; } = new(gateway, "/signin-oidc");

    /// <summary>Signs in through the sign-in page; returns its HTML when it refuses, or the tokens.</summary>
    public async Task<SignInOutcome> SignInWithCodeAsync(string email, string password, string scope = "openid profile email offline_access onboarding identity")
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var toLogin = await _http.GetAsync(AuthorizeUrl(Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))), "S256", scope));
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginUrl = toLogin.Headers.Location!;
        Assert.Contains("/account/login", loginUrl.ToString());

        var page = await _http.GetStringAsync(loginUrl);
        var form = new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password,
            ["ReturnUrl"] = WebUtility.HtmlDecode(HiddenField(page, "ReturnUrl")),
            ["__RequestVerificationToken"] = HiddenField(page, "__RequestVerificationToken"),
        };
        var posted = await _http.PostAsync(loginUrl, new FormUrlEncodedContent(form));
        if (posted.StatusCode == HttpStatusCode.OK) return new SignInOutcome(null, await posted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var toClient = await _http.GetAsync(posted.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        var callback = toClient.Headers.Location!;
        Assert.StartsWith(RedirectUri.ToString(), callback.ToString());
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("etat-42", query["state"].ToString());

        var tokens = await TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = query["code"].ToString(),
            ["redirect_uri"] = RedirectUri.ToString(), ["code_verifier"] = verifier,
        });
        return new SignInOutcome(tokens, null);
    }

    /// <summary>Only the authorization request, with a PKCE challenge sent as given: the sign-in redirect or the server's refusal.</summary>
    public Task<HttpResponseMessage> AuthorizeAsync(string codeChallenge, string codeChallengeMethod) =>
        _http.GetAsync(AuthorizeUrl(codeChallenge, codeChallengeMethod, "openid"));

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        PostTokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public async Task<JsonElement> TokenAsync(Dictionary<string, string> form)
    {
        var response = await PostTokenAsync(form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"token endpoint answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public Task<HttpResponseMessage> PostTokenAsync(Dictionary<string, string> form)
    {
        form["client_id"] = clientId;
        form["client_secret"] = clientSecret;
        return _http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Convert.FromBase64String(part)).RootElement;
    }

    private string AuthorizeUrl(string codeChallenge, string codeChallengeMethod, string scope) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["redirect_uri"] = RedirectUri.ToString(), ["response_type"] = "code",
            ["scope"] = scope, ["state"] = "etat-42", ["code_challenge"] = codeChallenge, ["code_challenge_method"] = codeChallengeMethod,
        });

    private static string HiddenField(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        if (!match.Success) match = Regex.Match(html, $"value=\"([^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No hidden field {name} in the page.");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => _http.Dispose();

    public sealed record SignInOutcome(JsonElement? Tokens, string? RefusalPage);
}
