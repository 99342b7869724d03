using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;

namespace Opco.Web.Authentication;

/// <summary>
/// One signed-in browser, kept on the server: the browser's cookie holds only the key. The tokens live here and are
/// refreshed here, one refresh at a time (identity rotates refresh tokens and refuses a replayed one).
/// </summary>
public sealed class ServerSession(ClaimsPrincipal principal, AuthenticationProperties properties, SessionTokens tokens)
{
    public ClaimsPrincipal Principal { get; set; } = principal;
    public AuthenticationProperties Properties { get; set; } = properties;
    public SessionTokens Tokens { get; set; } = tokens;
    public SemaphoreSlim RefreshGate { get; } = new(1, 1);
}

public sealed record SessionTokens(string AccessToken, string? RefreshToken, string? IdToken, DateTimeOffset ExpiresAt)
{
    public const string AccessTokenName = "access_token";
    public const string RefreshTokenName = "refresh_token";
    public const string IdTokenName = "id_token";
    public const string ExpiresAtName = "expires_at";

    public static SessionTokens From(AuthenticationProperties properties) => new(
        properties.GetTokenValue(AccessTokenName) ?? "",
        properties.GetTokenValue(RefreshTokenName),
        properties.GetTokenValue(IdTokenName),
        DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAtName), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind, out var expiresAt) ? expiresAt : DateTimeOffset.MinValue);

    public IEnumerable<AuthenticationToken> ToTokens()
    {
        yield return new AuthenticationToken { Name = AccessTokenName, Value = AccessToken };
        if (RefreshToken is not null) yield return new AuthenticationToken { Name = RefreshTokenName, Value = RefreshToken };
        if (IdToken is not null) yield return new AuthenticationToken { Name = IdTokenName, Value = IdToken };
        yield return new AuthenticationToken { Name = ExpiresAtName, Value = ExpiresAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture) };
    }
}
