using System.Security.Claims;

namespace Opco.SharedKernel;

/// <summary>
/// The claims identity writes in access tokens and every service reads: who the caller is (the subject) and their OPCO
/// staff role. An advisor is a user with the "advisor" role; an administrator is not an advisor. A token lives five
/// minutes, so a role withdrawn in identity stops working within that delay.
/// </summary>
public static class PortalClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Advisor = "advisor";
    public const string Administrator = "administrator";

    /// <summary>The signed-in user's id; null for a machine client, whose subject is its client id.</summary>
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(Subject)?.Value, out var id) ? id : null;

    public static bool IsAdvisor(this ClaimsPrincipal principal) => principal.HasClaim(Role, Advisor);

    public static bool IsAdministrator(this ClaimsPrincipal principal) => principal.HasClaim(Role, Administrator);
}
