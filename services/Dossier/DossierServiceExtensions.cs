using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Domain;
using Opco.Dossier.Features.Employees;
using Opco.Dossier.Features.TrainingProviders;
using Opco.Dossier.Security;
using Opco.SharedKernel.Habilitations;

namespace Opco.Dossier;

public static class DossierServiceExtensions
{
    public const string ServiceName = "dossier";

    public static IHostApplicationBuilder AddDossierServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DossierDbContext>("dossierdb");
        builder.AddReliableMessaging<DossierDbContext>(ServiceName, bus => bus.AddHabilitationCopy<DossierDbContext>(ServiceName));
        builder.AddPortalAuthentication(ServiceName);
        builder.AddApiDocument(ServiceName);
        builder.Services.AddOptions<IbanEncryptionOptions>().BindConfiguration(IbanEncryptionOptions.Section)
            .Validate(o => o.IbanEncryptionKey.Length >= AesGcmIbanProtector.MinimumSecretLength,
                $"Dossier:IbanEncryptionKey must hold at least {AesGcmIbanProtector.MinimumSecretLength} characters.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IIbanProtector, AesGcmIbanProtector>();
        return builder;
    }

    /// <summary>What the caller may do on an establishment, its employees ("Gérer les salariés") with their wages, and the training providers.</summary>
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
        app.MapApiDocument();
        return app;
    }
}
