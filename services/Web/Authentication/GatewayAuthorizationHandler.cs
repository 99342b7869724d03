using System.Net.Http.Headers;
using Microsoft.AspNetCore.Components.Authorization;

namespace Opco.Web.Authentication;

/// <summary>
/// Puts the signed-in user's access token (refreshed when needed) on every call to the APIs behind the gateway.
/// One handler per API client, created in the page's scope: it knows the user of that page (a Blazor circuit).
/// </summary>
public sealed class GatewayAuthorizationHandler(AuthenticationStateProvider authentication, AccessTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.FindFirst(ServerSessionStore.SessionClaim)?.Value is { } session
            && await tokens.GetAsync(session, cancellationToken) is { } accessToken)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
