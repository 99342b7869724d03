using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;
using Opco.Dossier.Features.Employees;
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
        return builder;
    }

    /// <summary>What the caller may do on an establishment, and its employees ("Gérer les salariés") with their wages.</summary>
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
        app.MapApiDocument();
        return app;
    }
}
