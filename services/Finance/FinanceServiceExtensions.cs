using Opco.Finance.Data;

namespace Opco.Finance;

public static class FinanceServiceExtensions
{
    public const string ServiceName = "finance";

    public static IHostApplicationBuilder AddFinanceServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<FinanceDbContext>("financedb");
        builder.AddReliableMessaging<FinanceDbContext>(ServiceName);
        return builder;
    }

    /// <summary>The finance features arrive with their own issue; the service already runs, migrates and joins the bus.</summary>
    public static WebApplication MapFinanceEndpoints(this WebApplication app) => app;
}
