using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Opco.Web.Authentication;

/// <summary>Puts the signed-in user's access token (refreshed when needed) on every call to the APIs behind the gateway.</summary>
public sealed class GatewayAuthorizationHandler(CircuitServicesAccessor circuit, IHttpContextAccessor http, AccessTokens tokens)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (user?.FindFirst(ServerSessionStore.SessionClaim)?.Value is { } session
            && await tokens.GetAsync(session, cancellationToken) is { } accessToken)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<ClaimsPrincipal?> CurrentUserAsync()
    {
        if (circuit.Services?.GetService<AuthenticationStateProvider>() is { } provider)
            return (await provider.GetAuthenticationStateAsync()).User;
        return http.HttpContext?.User;
    }
}
