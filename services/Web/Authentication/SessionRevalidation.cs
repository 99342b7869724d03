using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Opco.Web.Authentication;

/// <summary>An open page notices within a minute that its session has ended (sign-out elsewhere, refused refresh).</summary>
internal sealed class SessionRevalidation(ILoggerFactory loggers, ServerSessionStore sessions)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        Task.FromResult(state.User.FindFirst(ServerSessionStore.SessionClaim)?.Value is { } key && sessions.Find(key) is not null);
}
