using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Opco.Gateway;

/// <summary>The gateway is only as healthy as what it routes to: asks each service's /health.</summary>
internal sealed class DownstreamHealthCheck(IHttpClientFactory clients, string service, string address) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = clients.CreateClient(nameof(DownstreamHealthCheck));
            using var response = await client.GetAsync(new Uri(new Uri(address), "/health"), cancellationToken);
            var status = await response.Content.ReadAsStringAsync(cancellationToken);
            return status switch
            {
                "Healthy" => HealthCheckResult.Healthy($"{service} is healthy."),
                "Degraded" => HealthCheckResult.Degraded($"{service} is degraded."),
                _ => new HealthCheckResult(context.Registration.FailureStatus, $"{service} answered {(int)response.StatusCode} {status}."),
            };
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{service} is unreachable.", error);
        }
    }
}
