using Opco.Api;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Dossier.Data;

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

    /// <summary>The dossier features arrive with their own issue; until then, what the caller may do on an establishment.</summary>
    public static WebApplication MapDossierEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/dossier");
        api.MapEstablishmentPermissions();
        app.MapApiDocument();
        return app;
    }
}
