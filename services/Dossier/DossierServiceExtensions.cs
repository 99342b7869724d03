using Opco.Dossier.Data;

namespace Opco.Dossier;

public static class DossierServiceExtensions
{
    public const string ServiceName = "dossier";

    public static IHostApplicationBuilder AddDossierServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<DossierDbContext>("dossierdb");
        builder.AddReliableMessaging<DossierDbContext>(ServiceName);
        return builder;
    }

    /// <summary>The dossier features arrive with their own issue; the service already runs, migrates and joins the bus.</summary>
    public static WebApplication MapDossierEndpoints(this WebApplication app) => app;
}
