using System.Security.Claims;

namespace Opco.Authorization;

/// <summary>
/// OPCO staff roles, as identity writes them in access tokens (claim "role"). A token lives five minutes, so a role
/// withdrawn in identity stops working within that delay.
/// </summary>
public static class StaffRoles
{
    public const string ClaimType = "role";
    public const string Advisor = "advisor";
    public const string Administrator = "administrator";

    public static bool IsAdvisor(this ClaimsPrincipal principal) => principal.HasClaim(ClaimType, Advisor);

    public static bool IsAdministrator(this ClaimsPrincipal principal) => principal.HasClaim(ClaimType, Administrator);

    /// <summary>The signed-in user's id; null for a machine client, whose subject is its client id.</summary>
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id) ? id : null;
}
