using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Opco.Identity.Data;
using Opco.Identity.Domain;

namespace Opco.Identity.Authorization;

public static class AuthorizationServerExtensions
{
    /// <summary>ASP.NET Core Identity (accounts, lockout) and the OpenIddict server (code + PKCE with S256, refresh, client credentials).</summary>
    public static IHostApplicationBuilder AddAuthorizationServer(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdentityServerOptions.Section).Get<IdentityServerOptions>() ?? new IdentityServerOptions();
        builder.Services.AddOptions<IdentityServerOptions>().BindConfiguration(IdentityServerOptions.Section);
        var keys = ServerKeys.Load(options);
        var issuer = new Uri(builder.Configuration["Portal:PublicUrl"] ?? throw new InvalidOperationException("Portal:PublicUrl is not configured."));

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("opco-identity");
        if (keys.DataProtectionDirectory is not null) dataProtection.PersistKeysToFileSystem(keys.DataProtectionDirectory);

        builder.Services.AddIdentity<UserAccount, IdentityRole<Guid>>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedEmail = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                // The portal's own rule (PasswordPolicy) replaces Identity's defaults.
                identity.Password.RequiredLength = PasswordPolicy.MinimumLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "opco.identity";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = options.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                // OpenIddict offers "plain" too by default, where the challenge is the verifier itself: S256 only.
                server.Configure(openIddict =>
                {
                    openIddict.CodeChallengeMethods.Clear();
                    openIddict.CodeChallengeMethods.Add(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Sha256);
                });
                server.RegisterScopes([OpenIddict.Abstractions.OpenIddictConstants.Scopes.OpenId,
                    OpenIddict.Abstractions.OpenIddictConstants.Scopes.Profile,
                    OpenIddict.Abstractions.OpenIddictConstants.Scopes.Email,
                    OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess, .. ApiScopes.All]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                server.SetRefreshTokenLifetime(options.RefreshTokenLifetime);
                // Rotation: a refresh token works once; replaying it is refused.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.AddSigningKey(keys.Signing);
                server.AddEncryptionKey(keys.Encryption);
                // Other APIs validate plain signed JWTs against the published keys.
                server.DisableAccessTokenEncryption();

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (!options.RequireHttps) aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences("identity");
                validation.UseAspNetCore();
            });

        builder.Services.AddScoped<IDataSeeder, ClientSeeder>();
        builder.Services.AddScoped<IDataSeeder, Data.Seed.DemoData>();
        builder.Services.AddScoped<PrincipalFactory>();
        builder.Services.AddScoped<Features.Lifecycle.AccountLinks>();
        return builder;
    }
}
