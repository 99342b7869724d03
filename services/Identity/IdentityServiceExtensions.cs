using Opco.Identity.Data;

namespace Opco.Identity;

public static class IdentityServiceExtensions
{
    public const string ServiceName = "identity";

    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<IdentityDbContext>("identitydb");
        builder.AddReliableMessaging<IdentityDbContext>(ServiceName);
        return builder;
    }

    /// <summary>The identity features arrive with their own issue; the service already runs, migrates and joins the bus.</summary>
    public static WebApplication MapIdentityEndpoints(this WebApplication app) => app;
}
