using Opco.Api;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;
using Opco.Identity.Authorization;
using Opco.Identity.Data;
using Opco.Identity.Features.Connect;
using Opco.Identity.Features.Profile;
using Opco.Identity.Features.Staff;
using Opco.Identity.Features.Users;
using Opco.Identity.Messaging;
using OpenIddict.Validation.AspNetCore;

namespace Opco.Identity;

public static class IdentityServiceExtensions
{
    public const string ServiceName = "identity";

    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>("identitydb");
        builder.AddReliableMessaging<IdentityDbContext>(ServiceName, bus =>
        {
            // One queue, one message at a time: an establishment's events apply in the order onboarding committed them.
            bus.AddConsumer<EstablishmentRegisteredConsumer>().Endpoint(RegistryEndpoint);
            bus.AddConsumer<EstablishmentUpdatedConsumer>().Endpoint(RegistryEndpoint);
            bus.AddConsumer<EstablishmentClosedConsumer>().Endpoint(RegistryEndpoint);
            bus.AddConsumer<AccountRequestAcceptedConsumer>();
            bus.AddConsumer<PreferredEstablishmentSnapshotConsumer>();
            bus.AddConsumer<UserRightsSnapshotConsumer>();
        });
        builder.AddAuthorizationServer();
        builder.Services.AddRazorPages();
        // French pages: accented letters are written as they are, not as numeric entities.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddApiDocument(ServiceName);
        return builder;
    }

    public static WebApplication MapIdentityEndpoints(this WebApplication app)
    {
        // Behind the gateway: links, redirects and the issuer use the public host and scheme.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/account/assets",
            FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "wwwroot")),
        });
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapAuthorize().MapToken().MapUserInfo().MapEndSession();
        app.MapRazorPages();
        ApiGroup(app, "/api/identity/users")
            .MapCreateUser().MapListUsers().MapUserProfile().MapEditPersonalData().MapDeleteUser()
            .MapSetHabilitations().MapChangeActivation().MapUserAudit();
        ApiGroup(app, "/api/identity/me")
            .MapMyProfile().MapChangeEmail().MapPreferredEstablishment().MapMyEstablishments();
        ApiGroup(app, "/api/identity/admin")
            .MapCreateAdvisor().MapImportMigratedAccounts();
        app.MapApiDocument();
        return app;
    }

    private static void RegistryEndpoint(MassTransit.IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.Name = $"{ServiceName}-establishment-registry";
        endpoint.ConcurrentMessageLimit = 1;
    }

    /// <summary>Identity's own API: callers present an access token issued for the "identity" audience.</summary>
    private static RouteGroupBuilder ApiGroup(WebApplication app, string prefix) =>
        app.MapGroup(prefix).RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
}
