using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Opco.Testing;

namespace Opco.IntegrationTests.Support;

/// <summary>
/// One of our services built in process, configured like the running one but with no background work (no relay, no
/// consumers, no jobs), to read what it maps: its endpoint data sources, its OpenAPI document.
/// </summary>
public static class InProcessService
{
    public static WebApplicationFactory<TMarker> Create<TMarker>(PortalApp app, string service)
        where TMarker : class =>
        new WebApplicationFactory<TMarker>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            if (app.HasConnectionString($"{service}db"))
                builder.UseSetting($"ConnectionStrings:{service}db", app.GetConnectionString($"{service}db"));
            builder.UseSetting("ConnectionStrings:messaging", app.GetConnectionString("messaging"));
            builder.UseSetting("ConnectionStrings:mail", app.GetConnectionString("mail"));
            builder.UseSetting("Portal:PublicUrl", app.GetEndpoint("gateway").ToString());
            builder.UseSetting("services:identity:http:0", app.GetEndpoint("identity").ToString());
            builder.UseSetting("services:gateway:http:0", app.GetEndpoint("gateway").ToString());
            builder.UseSetting("Identity:KeyDirectory", Directory.CreateTempSubdirectory("opco-keys-").FullName);
            // The running dossier service's key: what one instance encrypts, another reads.
            builder.UseSetting("Dossier:IbanEncryptionKey", app.GetParameter("iban-encryption-key"));
            builder.UseSetting("Finance:IbanEncryptionKey", app.GetParameter("iban-encryption-key"));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services => services.RemoveAll<IHostedService>());
        });

    /// <summary>Every HTTP endpoint the service maps, as "METHOD /route/pattern".</summary>
    public static IReadOnlyList<(string Method, RouteEndpoint Endpoint)> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => (method, endpoint)))
            .ToList();
}
