using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Opco.Gateway;

public static class GatewayExtensions
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section);
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        var (routes, clusters) = ProxyConfigFactory.Build(builder.Configuration);
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString();
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Trop de requêtes.",
                        detail: "Vous avez fait trop de demandes en peu de temps. Merci de réessayer dans quelques instants.")
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(ProxyConfigFactory.PublicRateLimitPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.PublicRateLimit;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 });
            });
        });

        builder.Services.AddHttpClient(nameof(DownstreamHealthCheck), client => client.Timeout = TimeSpan.FromSeconds(5));
        var health = builder.Services.AddHealthChecks();
        foreach (var cluster in clusters)
        {
            var address = cluster.Destinations!.Values.Single().Address;
            health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration($"downstream-{cluster.ClusterId}",
                services => new DownstreamHealthCheck(services.GetRequiredService<IHttpClientFactory>(), cluster.ClusterId, address),
                failureStatus: null, tags: null));
        }
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        // Only a trusted forwarder's X-Forwarded-For replaces the client address; its one last hop is all that counts.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
        foreach (var address in app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.TrustedForwarders)
            forwarded.KnownProxies.Add(IPAddress.Parse(address));
        app.UseForwardedHeaders(forwarded);
        app.UseRateLimiter();
        app.MapReverseProxy();
        return app;
    }
}
