using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Data.Seed;
using Opco.Dossier.Domain;
using Opco.Dossier.Features.Activity;
using Opco.Dossier.Features.Advisors;
using Opco.Dossier.Features.Catalogue;
using Opco.Dossier.Features.Contracts;
using Opco.Dossier.Features.Dossiers;
using Opco.Dossier.Features.Employees;
using Opco.Dossier.Features.Home;
using Opco.Dossier.Features.Schemes;
using Opco.Dossier.Features.TrainingProviders;
using Opco.Dossier.Messaging;
using Opco.Contracts.Identity;
using Opco.Contracts.Onboarding;
using Opco.Messaging.Copies;
using Opco.Api.Security;
using Opco.SharedKernel.Habilitations;

namespace Opco.Dossier;

public static class DossierServiceExtensions
{
    public const string ServiceName = "dossier";

    public static IHostApplicationBuilder AddDossierServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DossierDbContext>("dossierdb");
        builder.AddReliableMessaging<DossierDbContext>(ServiceName, bus =>
        {
            bus.AddHabilitationCopy<DossierDbContext>(ServiceName);
            // What the schemes' rules read: each company's offer and headcount, each user's preferred establishment.
            bus.AddConsumer<CompanyRegisteredCopyConsumer>().Endpoint(e => e.Name = $"{ServiceName}-{CompanyCopy.Name}");
            bus.AddConsumer<CompanyUpdatedCopyConsumer>().Endpoint(e => e.Name = $"{ServiceName}-{CompanyCopy.Name}");
            bus.AddConsumer<CompanySnapshotCopyConsumer>().Endpoint(e => e.Name = $"{ServiceName}-{CompanyCopy.Name}");
            bus.AddConsumer<PreferredEstablishmentChangedCopyConsumer>().Endpoint(e => e.Name = $"{ServiceName}-{PreferredEstablishmentCopy.Name}");
            bus.AddConsumer<PreferredEstablishmentSnapshotCopyConsumer>().Endpoint(e => e.Name = $"{ServiceName}-{PreferredEstablishmentCopy.Name}");
            // Finance's answers to the commitment an acceptance asks for.
            bus.AddConsumer<CommitmentRecordedConsumer>();
            bus.AddConsumer<CommitmentRefusedConsumer>();
            bus.AddConsumer<DossierSettledConsumer>();
            // Finance's payments, for « Suivi financier de l'activité » and the reportings DEFi Performance.
            bus.AddConsumer<PaymentRecordedConsumer>();
        });
        builder.Services.AddOptions<NightlyRunOptions>().BindConfiguration(NightlyRunOptions.Section);
        builder.Services.AddSingleton<NightlyRun>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NightlyRun>());
        builder.Services.AddOptions<ContractDailyRunOptions>().BindConfiguration(ContractDailyRunOptions.Section);
        builder.Services.AddSingleton<ContractDailyRun>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ContractDailyRun>());
        builder.Services.AddOptions<DefiReportOptions>().BindConfiguration(DefiReportOptions.Section);
        builder.Services.AddSingleton<DefiReportQueue>();
        builder.Services.AddHostedService<DefiReportWorker>();
        builder.Services.AddScoped<IDataSeeder, DemoCatalogue>();
        builder.Services.AddCopyFill<DossierDbContext>(CompanyCopy.Name, at => new CompanySnapshotRequested(ServiceName, at));
        builder.Services.AddCopyFill<DossierDbContext>(PreferredEstablishmentCopy.Name, at => new PreferredEstablishmentSnapshotRequested(ServiceName, at));
        builder.AddPortalAuthentication(ServiceName);
        builder.AddApiDocument(ServiceName);
        builder.AddIbanProtection("Dossier", "opco-dossier-iban");
        return builder;
    }

    /// <summary>What the caller may do on an establishment, its employees ("Gérer les salariés") with their wages, the training providers, the schemes, the dossiers, the contrats de professionnalisation and the advisors' side of them, the activity's financial follow-up, the reportings DEFi Performance and the catalogue Sélection DEFi Formations.</summary>
    public static WebApplication MapDossierEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/dossier");
        api.MapEstablishmentPermissions();

        var employees = api.MapGroup("/establishments/{siret}/employees").RequireFunctionality(Functionality.GererSalaries);
        employees.MapListEmployees();
        employees.MapEmployeeDetails();
        employees.MapCreateEmployee();
        employees.MapEditEmployee();
        employees.MapImportEmployees();
        api.MapGroup("/establishments/{siret}/employees/{employeeId:guid}/wages")
            .RequireFunctionality(Functionality.GererSalaireHoraire)
            .MapHourlyWages();
        // The registry is shared by every company; searching and adding it is part of filing a dossier or a contrat de pro
        // on an establishment (the company declares the organisme's Qualiopi certification; the advisor who decides checks it).
        var providers = api.MapGroup("/establishments/{siret}/training-providers")
            .RequireAnyFunctionality(Functionality.CreerDossier, Functionality.CreerContratPro);
        providers.MapSearchTrainingProviders();
        providers.MapAddTrainingProvider();
        // Dossiers: read by "Suivre les dossiers", changed by "Créer un dossier", on the establishment of the route.
        var readers = api.MapGroup("/establishments/{siret}/dossiers").RequireFunctionality(Functionality.SuivreDossiers);
        readers.MapDossierDetails();
        readers.MapDossierComments();
        readers.MapFundingAgreement();
        var writers = api.MapGroup("/establishments/{siret}/dossiers").RequireFunctionality(Functionality.CreerDossier);
        writers.MapCreateDossier();
        writers.MapEntrySteps();
        writers.MapDossierDocuments(readers);
        writers.MapDossierMoves();
        writers.MapRequestFromCatalogue();
        api.MapListDossiers();
        api.MapStartNightlyRun();
        api.MapGroup("/advisor/dossiers").RequireAdvisor().MapAdvisorDossiers();

        // Contrats de professionnalisation: read by "Suivre les contrats de pro", changed by "Créer un contrat de pro".
        var contractReaders = api.MapGroup("/establishments/{siret}/contracts").RequireFunctionality(Functionality.SuivreContratsPro);
        contractReaders.MapContractDetails();
        var contractWriters = api.MapGroup("/establishments/{siret}/contracts").RequireFunctionality(Functionality.CreerContratPro);
        contractWriters.MapContractEntry();
        contractWriters.MapContractDocuments(contractReaders);
        contractWriters.MapContractMoves();
        api.MapListContracts();
        api.MapStartContractDailyRun();
        api.MapGroup("/advisor/contracts").RequireAdvisor().MapAdvisorContracts();
        // The home page's dossier side: any habilitation on the establishment, each block only with its own.
        api.MapGroup("/establishments/{siret}").MapHomeSummary();

        // « Suivi financier de l'activité » of an establishment; the reportings DEFi Performance of a company (checked per establishment inside).
        api.MapGroup("/establishments/{siret}/activity").RequireFunctionality(Functionality.VisualiserSuiviFinancier).MapActivityFollowUp();
        api.MapGroup("/companies/{siren}/defi-reports").RequireAuthorization().MapDefiReports();

        // The catalogue Sélection DEFi Formations: read by every habilitation and the staff (checked inside), managed by administrators.
        var catalogue = api.MapGroup("/catalogue").RequireAuthorization();
        catalogue.MapCatalogueSearch();
        catalogue.MapCatalogueOfferDetails();
        api.MapGroup("/admin/catalogue").RequireAdministrator().MapManageCatalogue();
        api.MapGroup("/admin/training-providers").RequireAdministrator().MapChangeTrainingProviderIban();

        var schemes = api.MapGroup("/schemes");
        schemes.MapListSchemes();
        schemes.MapOfferedSchemes();
        schemes.MapEditScheme();
        app.MapApiDocument();
        return app;
    }
}
