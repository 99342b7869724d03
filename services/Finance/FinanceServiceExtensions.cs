using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Finance.Data;
using Opco.Finance.Features.Ledger;
using Opco.Finance.Messaging;

namespace Opco.Finance;

public static class FinanceServiceExtensions
{
    public const string ServiceName = "finance";

    public static IHostApplicationBuilder AddFinanceServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FinanceDbContext>("financedb");
        builder.AddReliableMessaging<FinanceDbContext>(ServiceName, bus =>
        {
            bus.AddHabilitationCopy<FinanceDbContext>(ServiceName);
            bus.AddConsumer<CommitmentRequestedConsumer>();
            bus.AddConsumer<DossierCancelledConsumer>();
        });
        builder.AddPortalAuthentication(ServiceName);
        builder.AddApiDocument(ServiceName);
        return builder;
    }

    /// <summary>
    /// What the caller may do on an establishment, and the minimal ledger dossiers need (commitments, administrators'
    /// credits); "Mes comptes" and the rest of the money arrive with their own issue.
    /// </summary>
    public static WebApplication MapFinanceEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/finance");
        api.MapEstablishmentPermissions();
        api.MapGroup("/admin/accounts").RequireAdministrator().MapAccountAdministration();
        app.MapApiDocument();
        return app;
    }
}
