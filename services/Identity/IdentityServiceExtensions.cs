using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.FileProviders;
using Opco.Identity.Authorization;
using Opco.Identity.Data;
using Opco.Identity.Features.Connect;

namespace Opco.Identity;

public static class IdentityServiceExtensions
{
    public const string ServiceName = "identity";

    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<IdentityDbContext>("identitydb");
        builder.AddReliableMessaging<IdentityDbContext>(ServiceName);
        builder.AddAuthorizationServer();
        builder.Services.AddRazorPages();
        builder.Services.AddSingleton(TimeProvider.System);
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
        return app;
    }
}
