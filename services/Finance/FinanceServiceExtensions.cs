using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Finance.Data;
using Opco.Finance.Features.Accounts;
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
        builder.Services.AddSingleton<LedgerClosingRun>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LedgerClosingRun>());
        builder.AddPortalAuthentication(ServiceName);
        builder.AddApiDocument(ServiceName);
        return builder;
    }

    /// <summary>
    /// What the caller may do on an establishment; "Mes comptes" (the companies whose accounts the caller may see, each
    /// account's detail); the administrators' credits and corrections.
    /// </summary>
    public static WebApplication MapFinanceEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/finance");
        api.MapEstablishmentPermissions();
        // Which companies' money the caller sees is decided by each endpoint from their rights (a company, not a SIRET, is asked for).
        var accounts = api.MapGroup("/accounts").RequireAuthorization();
        accounts.MapMyAccounts();
        accounts.MapAccountDetail();
        api.MapGroup("/admin/accounts").RequireAdministrator().MapAccountAdministration();
        api.MapStartLedgerClosing();
        app.MapApiDocument();
        return app;
    }
}
