using Opco.Identity.Domain;

namespace Opco.Testing.Portal;

/// <summary>A real account signed in through the gateway, with an access token for every API.</summary>
public sealed record PortalUser(UserAccount Account, string AccessToken)
{
    public const string AllApis = "openid onboarding dossier finance notification";

    public static async Task<PortalUser> SignInAsync(IdentityUsers users, Uri gateway, string webClientSecret, string emailPrefix,
        Action<UserAccount>? arrange = null)
    {
        var account = await users.CreateAsync(TestEmails.Unique(emailPrefix), arrange);
        using var client = new OidcClient(gateway, "opco-web", webClientSecret);
        var outcome = await client.SignInWithCodeAsync(account.Email!, IdentityUsers.Password, AllApis);
        var tokens = outcome.Tokens ?? throw new InvalidOperationException($"Sign-in refused: {outcome.RefusalPage}");
        return new PortalUser(account, tokens.GetProperty("access_token").GetString()!);
    }

    public Guid Id => Account.Id;
}
