using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Opco.AppHost.Supervision;

/// <summary>
/// Health checks that see readiness at once. Aspire re-checks an unhealthy resource after 1, 2, 3, 4, then every 5 s,
/// so a resource that has just become ready is noticed up to 5 s late, and each step of the start (broker, services,
/// gateway) would add that delay. Until a resource has first been healthy, a probe polls every 500 ms inside one check
/// (reporting at least every minute); from then on each check is one probe, so a failure shows at once.
/// </summary>
internal static class HealthProbes
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(1);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static IResourceBuilder<T> WithHealthProbe<T>(this IResourceBuilder<T> builder, string key, Func<CancellationToken, Task<HealthCheckResult>> probe)
        where T : IResource
    {
        var started = false;
        builder.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(key, async cancellationToken =>
        {
            var result = started ? await probe(cancellationToken) : await PollAsync(probe, cancellationToken);
            started |= result.Status == HealthStatus.Healthy;
            return result;
        });
        return builder.WithHealthCheck(key);
    }

    /// <summary>Healthy when GET <paramref name="path"/> on the endpoint answers 2xx.</summary>
    public static IResourceBuilder<T> WithHttpHealthProbe<T>(this IResourceBuilder<T> builder, string path, string endpointName = "http")
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.GetEndpoint(endpointName);
        return builder.WithHealthProbe($"{builder.Resource.Name}-{endpointName}-{path.Trim('/')}", async cancellationToken =>
        {
            try
            {
                using var response = await Http.GetAsync(new Uri(new Uri(endpoint.Url), path), cancellationToken);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"GET {path} answered {(int)response.StatusCode}.");
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy(error.Message);
            }
        });
    }

    private static async Task<HealthCheckResult> PollAsync(Func<CancellationToken, Task<HealthCheckResult>> probe, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartPatience;
        while (true)
        {
            var result = await probe(cancellationToken);
            if (result.Status == HealthStatus.Healthy || DateTime.UtcNow >= deadline)
                return result;
            await Task.Delay(Interval, cancellationToken);
        }
    }
}
