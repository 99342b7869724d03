using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Opco.Web.Authentication;

/// <summary>
/// Gives the access token of a session, refreshed with the refresh token shortly before it expires (identity issues
/// 5-minute access tokens). The refresh goes straight to identity, inside the platform. When identity refuses it (the
/// account was deactivated, the password changed), the session ends.
/// </summary>
public sealed class AccessTokens(ServerSessionStore sessions, IHttpClientFactory clients, IOptions<OidcOptions> options,
    TimeProvider time, ILogger<AccessTokens> logger)
{
    public const string BackchannelClient = "identity-backchannel";
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    public async Task<string?> GetAsync(string sessionKey, CancellationToken cancellationToken)
    {
        if (sessions.Find(sessionKey) is not { } session) return null;
        if (session.Tokens.ExpiresAt - time.GetUtcNow() > Margin) return session.Tokens.AccessToken;

        await session.RefreshGate.WaitAsync(cancellationToken);
        try
        {
            // Another call may have refreshed while this one waited.
            if (session.Tokens.ExpiresAt - time.GetUtcNow() > Margin) return session.Tokens.AccessToken;
            if (session.Tokens.RefreshToken is null || await RefreshAsync(session.Tokens.RefreshToken, cancellationToken) is not { } refreshed)
            {
                await sessions.RemoveAsync(sessionKey);
                return null;
            }
            session.Tokens = session.Tokens with
            {
                AccessToken = refreshed.AccessToken,
                RefreshToken = refreshed.RefreshToken ?? session.Tokens.RefreshToken,
                IdToken = refreshed.IdToken ?? session.Tokens.IdToken,
                ExpiresAt = time.GetUtcNow().AddSeconds(refreshed.ExpiresIn),
            };
            return session.Tokens.AccessToken;
        }
        finally
        {
            session.RefreshGate.Release();
        }
    }

    private async Task<TokenResponse?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(BackchannelClient);
        using var response = await client.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = options.Value.ClientId,
            ["client_secret"] = options.Value.ClientSecret ?? "",
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogInformation("Identity refused to refresh a session's tokens ({Status}); the session ends.", (int)response.StatusCode);
            return null;
        }
        return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("id_token")] string? IdToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
