using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class PortalAuthenticationExtensions
{
    /// <summary>
    /// Accepts identity's access tokens issued for <paramref name="apiName"/> (issuer, audience, lifetime, signature
    /// against the published keys) and makes every endpoint require them unless it says AllowAnonymous.
    /// </summary>
    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder, string apiName)
    {
        var issuer = new Uri(builder.Configuration["Portal:PublicUrl"]
            ?? throw new InvalidOperationException("Portal:PublicUrl is not configured."));
        var identity = builder.Configuration["services:identity:http:0"]
            ?? throw new InvalidOperationException("services:identity:http:0 is not configured: reference identity from the AppHost.");

        builder.Services.AddOpenIddict().AddValidation(validation =>
        {
            validation.SetIssuer(issuer);
            // The public issuer is the gateway; the metadata is read from identity itself, inside the platform.
            validation.Configure(options => options.ConfigurationEndpoint = new Uri(new Uri(identity), ".well-known/openid-configuration"));
            validation.AddAudiences(apiName);
            validation.UseSystemNetHttp();
            validation.UseAspNetCore();
        });
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
