using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Opco.Identity.Domain;
using Opco.SharedKernel;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Opco.Identity.Authorization;

/// <summary>Builds the claims that go into tokens, and where each one goes (access token, identity token or both).</summary>
public sealed class PrincipalFactory(IOpenIddictScopeManager scopes)
{
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    public async Task<ClaimsPrincipal> ForUserAsync(UserAccount user, IEnumerable<string> requestedScopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, $"{user.FirstName} {user.LastName}")
            .SetClaim(Claims.GivenName, user.FirstName)
            .SetClaim(Claims.FamilyName, user.LastName)
            // Kept in codes and refresh tokens only: a password or e-mail change rotates it and ends every session.
            .SetClaim(SecurityStampClaim, user.SecurityStamp);
        if (user.StaffRole != StaffRole.None)
            identity.SetClaim(Claims.Role, user.StaffRole == StaffRole.Advisor ? PortalClaims.Advisor : PortalClaims.Administrator);
        return await WithScopesAsync(identity, requestedScopes, cancellationToken);
    }

    public async Task<ClaimsPrincipal> ForClientAsync(string clientId, string? displayName, IEnumerable<string> requestedScopes,
        CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.Name, displayName ?? clientId);
        return await WithScopesAsync(identity, requestedScopes, cancellationToken);
    }

    private async Task<ClaimsPrincipal> WithScopesAsync(ClaimsIdentity identity, IEnumerable<string> requestedScopes, CancellationToken cancellationToken)
    {
        var granted = requestedScopes.ToList();
        identity.SetScopes(granted);
        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync([.. granted], cancellationToken)) resources.Add(resource);
        identity.SetResources(resources);
        identity.SetDestinations(Destinations);
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Name or Claims.GivenName or Claims.FamilyName when claim.Subject!.HasScope(Scopes.Profile) =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Email when claim.Subject!.HasScope(Scopes.Email) =>
            [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Role => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        SecurityStampClaim => [],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}
