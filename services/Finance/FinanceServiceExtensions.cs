using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Finance.Data;
using Opco.Api.Security;
using Opco.Finance.Features.Accounts;
using Opco.Finance.Features.Invoices;
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
            bus.AddConsumer<DossierFundingGrantedConsumer>();
            bus.AddConsumer<DossierCompletedConsumer>();
        });
        builder.Services.AddSingleton<LedgerClosingRun>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LedgerClosingRun>());
        builder.AddPortalAuthentication(ServiceName);
        builder.AddApiDocument(ServiceName);
        builder.AddIbanProtection("Finance", "opco-finance-iban");
        return builder;
    }

    /// <summary>
    /// What the caller may do on an establishment; "Mes comptes" (the companies whose accounts the caller may see, each
    /// account's detail); the administrators' credits and corrections; the invoices, their checks and payments.
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
        // Invoices: the company's of its establishments' dossiers (each endpoint filters by the caller's rights), the advisors'
        // checks, the administrators' payments and settlements.
        var invoices = api.MapGroup("/invoices").RequireAuthorization();
        invoices.MapSubmitInvoice();
        invoices.MapCompanyInvoices();
        api.MapGroup("/advisor/invoices").RequireAdvisor().MapAdvisorInvoices();
        api.MapGroup("/admin/invoices").RequireAdministrator().MapAdministratorInvoices();
        api.MapGroup("/admin/dossiers").RequireAdministrator().MapDossierSettlement();
        app.MapApiDocument();
        return app;
    }
}
