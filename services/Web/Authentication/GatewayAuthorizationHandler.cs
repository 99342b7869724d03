using System.Net.Http.Headers;
using Microsoft.AspNetCore.Components.Authorization;
using Opco.Web.State;

namespace Opco.Web.Authentication;

/// <summary>
/// Puts the signed-in user's access token (refreshed when needed) on every call to the APIs behind the gateway.
/// One handler per API client, created in the page's scope: it knows the user of that page (a Blazor circuit), and
/// the visitor's address, forwarded so the gateway's public rate limit counts each visitor, not the web server.
/// </summary>
public sealed class GatewayAuthorizationHandler(AuthenticationStateProvider authentication, AccessTokens tokens, Visitor visitor)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.FindFirst(ServerSessionStore.SessionClaim)?.Value is { } session
            && await tokens.GetAsync(session, cancellationToken) is { } accessToken)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (visitor.Address is { } address) request.Headers.TryAddWithoutValidation("X-Forwarded-For", address);
        return await base.SendAsync(request, cancellationToken);
    }
}
