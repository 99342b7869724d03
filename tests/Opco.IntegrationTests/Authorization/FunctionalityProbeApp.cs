using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Opco.Authorization.Establishments;
using Opco.Dossier.Data;
using Opco.SharedKernel.Habilitations;
using Opco.Testing;

namespace Opco.IntegrationTests.Authorization;

/// <summary>
/// A minimal API built on the building block as a service would, reading the rights the real dossier service copies
/// into dossierdb from the broker: two endpoints guarded by <c>RequireFunctionality</c>.
/// </summary>
public sealed class FunctionalityProbeApp(WebApplication app) : IAsyncDisposable
{
    public HttpClient Client { get; } = app.GetTestClient();

    public static string SuivreDossiers(string siret) => $"/establishments/{siret}/dossiers";
    public static string VisualiserComptes(string siret) => $"/establishments/{siret}/comptes";

    public static async Task<FunctionalityProbeApp> StartAsync(PortalApp platform)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:PublicUrl"] = platform.GetEndpoint("gateway").ToString(),
            ["services:identity:http:0"] = platform.GetEndpoint("identity").ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddPortalAuthentication("dossier");
        builder.Services.AddDbContext<DossierDbContext>(options => options.UseNpgsql(platform.GetConnectionString("dossierdb")));
        builder.Services.AddScoped<IEstablishmentRights, EstablishmentRights<DossierDbContext>>();

        var app = builder.Build();
        app.MapGet(SuivreDossiers("{siret}"), () => TypedResults.NoContent()).RequireFunctionality(Functionality.SuivreDossiers);
        app.MapGet(VisualiserComptes("{siret}"), () => TypedResults.NoContent()).RequireFunctionality(Functionality.VisualiserComptes);
        await app.StartAsync();
        return new FunctionalityProbeApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
