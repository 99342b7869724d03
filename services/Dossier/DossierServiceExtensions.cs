using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.Dossier.Features.Employees;
using Opco.Dossier.Features.Schemes;
using Opco.Dossier.Features.TrainingProviders;
using Opco.Dossier.Messaging;
using Opco.Contracts.Identity;
using Opco.Contracts.Onboarding;
using Opco.Messaging.Copies;
using Opco.Dossier.Security;
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
        });
        builder.Services.AddCopyFill<DossierDbContext>(CompanyCopy.Name, at => new CompanySnapshotRequested(ServiceName, at));
        builder.Services.AddCopyFill<DossierDbContext>(PreferredEstablishmentCopy.Name, at => new PreferredEstablishmentSnapshotRequested(ServiceName, at));
        builder.AddPortalAuthentication(ServiceName);
        builder.AddApiDocument(ServiceName);
        builder.Services.AddOptions<IbanEncryptionOptions>().BindConfiguration(IbanEncryptionOptions.Section)
            .Validate(o => o.IbanEncryptionKey.Length >= AesGcmIbanProtector.MinimumSecretLength,
                $"Dossier:IbanEncryptionKey must hold at least {AesGcmIbanProtector.MinimumSecretLength} characters.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IIbanProtector, AesGcmIbanProtector>();
        return builder;
    }

    /// <summary>What the caller may do on an establishment, its employees ("Gérer les salariés") with their wages, the training providers and the schemes.</summary>
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
        // The registry is shared by every company; searching and adding it is part of filing a dossier on an establishment.
        var providers = api.MapGroup("/establishments/{siret}/training-providers").RequireFunctionality(Functionality.CreerDossier);
        providers.MapSearchTrainingProviders();
        providers.MapAddTrainingProvider();
        var schemes = api.MapGroup("/schemes");
        schemes.MapListSchemes();
        schemes.MapOfferedSchemes();
        schemes.MapEditScheme();
        app.MapApiDocument();
        return app;
    }
}
