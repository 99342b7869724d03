using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Opco.Identity.Authorization;
using Opco.Identity.Domain;

namespace Opco.Identity.Features.Connect;

/// <summary>/connect/authorize: sends anonymous users to the sign-in page, then issues the code for the signed-in user.</summary>
public static class Authorize
{
    public static IEndpointRouteBuilder MapAuthorize(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], HandleAsync).AllowAnonymous()
            .WithName("Authorize")
            .WithSummary("OpenID Connect authorization endpoint (code + PKCE).");
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, UserManager<UserAccount> users, PrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        if (user is null || !user.IsActive || user.DeletedAt is not null)
        {
            return Results.Challenge(new AuthenticationProperties
            {
                RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(
                    context.Request.HasFormContentType ? context.Request.Form : context.Request.Query),
            }, [IdentityConstants.ApplicationScheme]);
        }

        var principal = await principals.ForUserAsync(user, request.GetScopes(), context.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
