using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Opco.Web.Authentication;

public static class PortalSignInExtensions
{
    /// <summary>
    /// Sign-in with identity by OpenID Connect (authorization code + PKCE, confidential client). Tokens are kept on
    /// the server; the browser holds one HttpOnly cookie with the session key.
    /// </summary>
    public static IHostApplicationBuilder AddPortalSignIn(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        builder.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section);
        var publicUrl = new Uri(builder.Configuration["Portal:PublicUrl"] ?? throw new InvalidOperationException("Portal:PublicUrl is not configured."));
        var identityUrl = new Uri(builder.Configuration["services:identity:http:0"]
            ?? throw new InvalidOperationException("services:identity:http:0 is not configured: reference identity from the AppHost."));
        var secure = options.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ServerSessionStore>();
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        // A refresh token works once: its POST is never retried (see AddWebServices).
        builder.Services.AddHttpClient(AccessTokens.BackchannelClient, client => client.BaseAddress = identityUrl);

        builder.Services.AddAuthentication(authentication =>
            {
                authentication.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                authentication.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "opco.portal";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = secure;
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.AccessDeniedPath = "/acces-refuse";
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = publicUrl.ToString();
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = options.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                // A plain redirect back: the session cookies then only need SameSite=Lax.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = "role";
                oidc.Scope.Clear();
                foreach (var scope in options.Scopes) oidc.Scope.Add(scope);
                oidc.CallbackPath = "/signin-oidc";
                oidc.SignedOutCallbackPath = "/signout-callback-oidc";
                oidc.SignedOutRedirectUri = "/";
                oidc.RequireHttpsMetadata = options.RequireHttps;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = secure;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = secure;
                var internalConfiguration = new InternalIdentityConfiguration(publicUrl, identityUrl);
                oidc.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    new Uri(identityUrl, ".well-known/openid-configuration").ToString(), internalConfiguration,
                    new HttpDocumentRetriever { RequireHttps = options.RequireHttps });
                oidc.Events.OnRemoteFailure = context =>
                {
                    // A refused or stale sign-in (back button, expired correlation): start again rather than show an error page.
                    context.Response.Redirect("/");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ServerSessionStore>((cookie, store) => cookie.SessionStore = store);
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>/connexion starts a sign-in and comes back to the page asked for; /deconnexion ends both sessions.</summary>
    public static IEndpointRouteBuilder MapPortalSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/connexion", (string? returnUrl) => TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }))
            .AllowAnonymous();
        app.MapPost("/deconnexion", () => TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization();
        return app;
    }

    private static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
}
