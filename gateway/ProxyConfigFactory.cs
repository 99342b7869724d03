using Yarp.ReverseProxy.Configuration;

namespace Opco.Gateway;

/// <summary>Builds YARP's routes and clusters from the discovered service addresses.</summary>
public static class ProxyConfigFactory
{
    public const string PublicRateLimitPolicy = "public";

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(IConfiguration configuration)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var service in Downstream.Services)
        {
            var address = Downstream.Address(configuration, service);
            if (address is null) continue;

            clusters.Add(new ClusterConfig
            {
                ClusterId = service,
                Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = address } },
            });
            routes.Add(Route($"{service}-api", service, $"/api/{service}/{{**rest}}"));
            // Each service publishes its API description at /openapi/…; the gateway shows it under the service's prefix.
            routes.Add(Route($"{service}-openapi", service, $"/api/{service}/openapi/{{**rest}}") with
            {
                Order = -2,
                Transforms = [new Dictionary<string, string> { ["PathPattern"] = "/openapi/{**rest}" }],
            });
            if (service == "identity")
                routes.AddRange(Downstream.IdentityPaths.Select(path => Route($"identity{path.Replace('/', '-')}", service, $"{path}/{{**rest}}")));
        }

        if (Downstream.Address(configuration, Downstream.WebFrontEnd) is { } web)
        {
            clusters.Add(new ClusterConfig
            {
                ClusterId = Downstream.WebFrontEnd,
                Destinations = new Dictionary<string, DestinationConfig> { [Downstream.WebFrontEnd] = new() { Address = web } },
            });
            // Last resort: any more specific route (APIs, identity's pages, the gateway's own /health) wins.
            routes.Add(Route("web", Downstream.WebFrontEnd, "/{**rest}") with { Order = int.MaxValue });
        }

        routes.AddRange(Downstream.PublicEndpoints
            .Where(endpoint => clusters.Any(c => c.ClusterId == endpoint.Service))
            .Select((endpoint, index) => Route($"public-{index}", endpoint.Service, endpoint.Path) with
            {
                Order = -1,
                RateLimiterPolicy = PublicRateLimitPolicy,
                Match = new RouteMatch { Path = endpoint.Path, Methods = endpoint.Methods },
            }));
        return (routes, clusters);
    }

    private static RouteConfig Route(string id, string cluster, string path) =>
        new() { RouteId = id, ClusterId = cluster, Match = new RouteMatch { Path = path } };
}
