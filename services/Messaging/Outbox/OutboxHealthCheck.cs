using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Opco.Messaging.Outbox;

/// <summary>Degraded when more events wait than the configured backlog: the broker or the relay is behind.</summary>
internal sealed class OutboxHealthCheck<TContext>(MessagingDatabase<TContext> database, IOptions<MessagingOptions> options)
    : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = await database.CountPendingAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["pending"] = pending };
        return pending > options.Value.Outbox.DegradedBacklog
            ? HealthCheckResult.Degraded($"{pending} events wait to be published.", data: data)
            : HealthCheckResult.Healthy($"{pending} events wait to be published.", data);
    }
}
