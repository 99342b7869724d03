using Opco.SharedKernel;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Opco.Identity.Domain;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Opco.Identity.Features.Connect;

public static class UserInfo
{
    public static IEndpointRouteBuilder MapUserInfo(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .WithName("UserInfo")
            .WithSummary("OpenID Connect userinfo endpoint: the signed-in user's claims.");
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, UserManager<UserAccount> users)
    {
        var user = await users.FindByIdAsync(context.User.UserId()?.ToString() ?? "");
        if (user is null) return Results.Challenge(authenticationSchemes: [OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme]);
        var claims = new Dictionary<string, object?> { [Claims.Subject] = user.Id.ToString() };
        if (context.User.HasScope(Scopes.Email)) claims[Claims.Email] = user.Email;
        if (context.User.HasScope(Scopes.Profile))
        {
            claims[Claims.GivenName] = user.FirstName;
            claims[Claims.FamilyName] = user.LastName;
            claims[Claims.Name] = $"{user.FirstName} {user.LastName}";
        }
        return Results.Ok(claims);
    }
}
