using System.Net.Http.Headers;
using Opco.Identity.Domain;
using Opco.SharedKernel.Habilitations;

namespace Opco.IntegrationTests.Support;

/// <summary>A manager signed in through the real sign-in page, calling the APIs through the gateway with their token.</summary>
public sealed class ManagerSession(UserAccount account, HttpClient api)
{
    public UserAccount Account => account;
    public HttpClient Api => api;

    public static async Task<ManagerSession> SignInAsync(AppFixture fixture, IdentityUsers users, IReadOnlyDictionary<string, Habilitation[]> accesses,
        Action<UserAccount>? arrange = null)
    {
        var account = await users.CreateAsync(TestEmails.Unique("gestionnaire"), arrange, accesses);
        using var oidc = new OidcClient(fixture.App.GetEndpoint("gateway"), "opco-web", fixture.App.GetParameter("web-client-secret"));
        var outcome = await oidc.SignInWithCodeAsync(account.Email!, IdentityUsers.Password);
        var api = fixture.App.CreateHttpClient("gateway");
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", outcome.Tokens!.Value.GetProperty("access_token").GetString());
        return new ManagerSession(account, api);
    }
}
