using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Opco.Web.Authentication;

/// <summary>
/// The cookie handler's ticket store: sessions stay in server memory and the cookie carries only their key, so tokens
/// never reach the browser. A restart of the web front end ends the sessions (users sign in again, usually without
/// typing anything since identity's own session is still open).
/// </summary>
public sealed class ServerSessionStore(IMemoryCache cache, IOptions<OidcOptions> options) : ITicketStore
{
    /// <summary>Added to the principal so code running in a Blazor circuit can find the session of its user.</summary>
    public const string SessionClaim = "portal_session";

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var stale in identity.FindAll(SessionClaim).ToList()) identity.RemoveClaim(stale);
            identity.AddClaim(new Claim(SessionClaim, key));
        }
        var tokens = SessionTokens.From(ticket.Properties);
        Keep(key, new ServerSession(ticket.Principal, WithoutTokens(ticket.Properties), tokens));
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // The tokens kept here may be newer than the ticket's copy: a refresh can happen between reading and renewing.
        if (Find(key) is { } session)
        {
            session.Principal = ticket.Principal;
            session.Properties = WithoutTokens(ticket.Properties);
            Keep(key, session);
        }
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (Find(key) is not { } session) return Task.FromResult<AuthenticationTicket?>(null);
        var properties = session.Properties.Clone();
        properties.StoreTokens(session.Tokens.ToTokens());
        return Task.FromResult<AuthenticationTicket?>(new AuthenticationTicket(session.Principal, properties,
            CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public Task RemoveAsync(string key)
    {
        cache.Remove(CacheKey(key));
        return Task.CompletedTask;
    }

    public ServerSession? Find(string key) => cache.TryGetValue<ServerSession>(CacheKey(key), out var session) ? session : null;

    private void Keep(string key, ServerSession session) =>
        cache.Set(CacheKey(key), session, new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = session.Properties.ExpiresUtc,
            SlidingExpiration = options.Value.SessionLifetime,
        });

    private static AuthenticationProperties WithoutTokens(AuthenticationProperties properties)
    {
        var copy = properties.Clone();
        copy.StoreTokens([]);
        return copy;
    }

    private static string CacheKey(string key) => "session:" + key;
}
