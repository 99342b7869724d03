using Microsoft.AspNetCore.Builder;
using Opco.SharedKernel;

namespace Microsoft.AspNetCore.Builder;

public static class StaffAuthorizationExtensions
{
    /// <summary>Only OPCO administrators (the role identity writes in the token); others get 403.</summary>
    public static TBuilder RequireAdministrator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireClaim(PortalClaims.Role, PortalClaims.Administrator));

    /// <summary>Only OPCO training advisors; others get 403.</summary>
    public static TBuilder RequireAdvisor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireClaim(PortalClaims.Role, PortalClaims.Advisor));
}
