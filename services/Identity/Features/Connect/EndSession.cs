using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;
using Opco.Identity.Domain;

namespace Opco.Identity.Features.Connect;

/// <summary>/connect/logout: ends the identity session, then returns to the client's post-logout address.</summary>
public static class EndSession
{
    public static IEndpointRouteBuilder MapEndSession(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context, SignInManager<UserAccount> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }).AllowAnonymous()
            .WithName("EndSession")
            .WithSummary("OpenID Connect end-session endpoint: signs the user out of identity.");
        return app;
    }
}
