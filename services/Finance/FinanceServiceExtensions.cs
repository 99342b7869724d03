using Opco.Api;
using Opco.Api.Security;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Finance.Data;
using Opco.Finance.Features.Accounts;
using Opco.Finance.Features.Collecte;
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
            bus.AddConsumer<TrainingProviderIbanChangedConsumer>();
        });
        builder.Services.AddSingleton<LedgerClosingRun>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LedgerClosingRun>());
        builder.AddIbanProtection("Finance", "opco-finance-iban");
        builder.Services.AddOptions<CollecteDailyRunOptions>().BindConfiguration(CollecteDailyRunOptions.Section);
        builder.Services.AddSingleton<CollecteDailyRun>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CollecteDailyRun>());
        builder.AddPortalAuthentication(ServiceName);
        builder.AddApiDocument(ServiceName);
        return builder;
    }

    /// <summary>
    /// What the caller may do on an establishment; "Mes comptes" (the companies whose accounts the caller may see, each
    /// account's detail); the administrators' credits and corrections; the invoices, their checks and payments; the collecte
    /// (mandates, voluntary payments, contributions).
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
        // The collecte: a user acts on an establishment where they hold the functionality, for its company's money.
        api.MapGroup("/establishments/{siret}").MapMandates().MapVoluntaryContributions().MapContributions();
        api.MapGroup("/admin").RequireAdministrator().MapMandateAdministration().MapVoluntaryContributionAdministration()
            .MapContributionAdministration().MapCollecteAdministration();
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
