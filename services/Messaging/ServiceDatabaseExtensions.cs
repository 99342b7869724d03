using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// The service's PostgreSQL context on <c>ConnectionStrings:&lt;name&gt;</c>, with the building blocks' interceptors
    /// (the outbox among them), then Aspire's enrichment: health check, retries on transient failures, tracing and metrics.
    /// Aspire's own <c>AddNpgsqlDbContext</c> registers a pooled context whose options cannot take DI-registered interceptors.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        // The options are built once (the interceptors are singletons), not again for every context a request or a
        // consumed message opens.
        builder.Services.AddDbContext<TContext>((services, options) => options
                .UseNpgsql(connectionString)
                .AddInterceptors(services.GetServices<IInterceptor>()),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        builder.EnrichNpgsqlDbContext<TContext>();
        return builder;
    }
}
