using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>What Aspire's Npgsql EF Core client integration would give: one call from ConnectionStrings:&lt;name&gt;.</summary>
public static class NpgsqlDbContextExtensions
{
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 5))
            // Building blocks (the outbox among them) hook into every context through registered interceptors.
            .AddInterceptors(services.GetServices<IInterceptor>()));

        builder.Services.AddHealthChecks().AddCheck<DbContextHealthCheck<TContext>>(connectionName);
        return builder;
    }
}
