using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Opco.Identity.Authorization;
using Opco.Identity.Domain;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Opco.Identity.Features.Connect;

/// <summary>
/// /connect/token: codes and refresh tokens are exchanged only while the account is still active (rights are
/// re-read each time); client credentials give a machine its own identity.
/// </summary>
public static class Token
{
    public static IEndpointRouteBuilder MapToken(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", HandleAsync).AllowAnonymous()
            .WithName("Token")
            .WithSummary("OpenID Connect token endpoint (code, refresh token, client credentials).");
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, UserManager<UserAccount> users,
        IOpenIddictApplicationManager applications, PrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
                ?? throw new InvalidOperationException("The client was validated but cannot be found.");
            var displayName = await applications.GetDisplayNameAsync(application, context.RequestAborted);
            return Results.SignIn(await principals.ForClientAsync(request.ClientId!, displayName, request.GetScopes(), context.RequestAborted),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
            return Refuse(Errors.UnsupportedGrantType, "Ce type d'autorisation n'est pas pris en charge.");

        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? "");
        if (user is null || !user.IsActive || user.DeletedAt is not null)
            return Refuse(Errors.InvalidGrant, "Ce compte n'est plus actif.");
        if (result.Principal!.GetClaim(PrincipalFactory.SecurityStampClaim) != user.SecurityStamp)
            return Refuse(Errors.InvalidGrant, "Votre mot de passe ou votre adresse email a changé : reconnectez-vous.");

        var principal = await principals.ForUserAsync(user, result.Principal!.GetScopes(), context.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
