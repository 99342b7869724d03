using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>Seeds data after migrations; only runs inside the migration job.</summary>
public interface IDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}

public static class MigrationExtensions
{
    public const string MigrateSwitch = "--migrate";

    /// <summary>
    /// With <c>--migrate</c> the process applies the database migrations, runs the seeders and exits:
    /// the AppHost runs that as a one-shot job before the service starts, so instances never race to migrate.
    /// </summary>
    public static async Task RunOrMigrateAsync<TContext>(this WebApplication app, string[] args) where TContext : DbContext
    {
        if (!args.Contains(MigrateSwitch))
        {
            await app.RunAsync();
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        // Migrate also compares the model with the last migration, which builds the design-time model: a few CPU-seconds
        // per service at every start of a developer's run, on the start-up's critical path. A fresh database (every test
        // run's) still goes through it.
        if (pending.Count > 0) await db.Database.MigrateAsync();
        logger.LogInformation("Applied {Count} migration(s) to {Database}", pending.Count, db.Database.GetDbConnection().Database);
        foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>())
            await seeder.SeedAsync(CancellationToken.None);
    }
}
