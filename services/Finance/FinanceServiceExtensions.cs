using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Finance.Data;

namespace Opco.Finance;

public static class FinanceServiceExtensions
{
    public const string ServiceName = "finance";

    public static IHostApplicationBuilder AddFinanceServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FinanceDbContext>("financedb");
        builder.AddReliableMessaging<FinanceDbContext>(ServiceName, bus => bus.AddHabilitationCopy<FinanceDbContext>(ServiceName));
        builder.AddPortalAuthentication(ServiceName);
        builder.AddApiDocument(ServiceName);
        return builder;
    }

    /// <summary>The finance features arrive with their own issue; until then, what the caller may do on an establishment.</summary>
    public static WebApplication MapFinanceEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/finance");
        api.MapEstablishmentPermissions();
        app.MapApiDocument();
        return app;
    }
}
