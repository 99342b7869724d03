using System.Security.Claims;

namespace Opco.Notification.Features;

/// <summary>The signed-in user is the token's subject: every "me" endpoint only ever reads or changes their rows.</summary>
public static class CurrentUser
{
    public static Guid? IdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id) ? id : null;
}
