using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Opco.Messaging.Outbox;

namespace Opco.Messaging.Copies;

/// <summary>One copy of the service: its name, and the request its source answers with a snapshot of everything.</summary>
public sealed record CopySource(string CopyName, Func<DateTimeOffset, object> Request);

/// <summary>
/// At start, asks the source of each copy that never asked yet for a snapshot: the request goes through the outbox in
/// the same transaction as the row recording it, so it is sent exactly once whatever the crashes, and a second
/// instance starting at the same time finds the row and asks nothing. Applying a snapshot is an upsert that keeps the
/// newer state, so one arriving after later changes undoes none of them.
/// </summary>
internal sealed class CopyFillRequests<TContext>(IServiceScopeFactory scopes, IEnumerable<CopySource> sources, TimeProvider time,
    ILogger<CopyFillRequests<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var source in sources)
        {
            // The database may not be reachable yet (or not migrated, for a service started by hand): retry, never stop the host.
            for (var delay = TimeSpan.FromSeconds(1); !stoppingToken.IsCancellationRequested; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks)))
            {
                try
                {
                    await RequestIfNewAsync(source, stoppingToken);
                    break;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    logger.LogWarning(error, "Could not check whether copy {Copy} needs a snapshot; next try in {Delay}.", source.CopyName, delay);
                    await Task.Delay(delay, time, stoppingToken);
                }
            }
        }
    }

    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    private async Task RequestIfNewAsync(CopySource source, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var requested = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(stoppingToken);
            var now = time.GetUtcNow();
            var first = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO copy_fills (copy_name, requested_at) VALUES ({source.CopyName}, {now}) ON CONFLICT DO NOTHING", stoppingToken) == 1;
            if (first)
            {
                db.PublishOnCommit(source.Request(now));
                await db.SaveChangesAsync(stoppingToken);
            }
            await transaction.CommitAsync(stoppingToken);
            return first;
        });
        if (requested) logger.LogInformation("Copy {Copy} is new: its source was asked for a snapshot.", source.CopyName);
    }
}

public static class CopyFillRegistration
{
    /// <summary>
    /// Declares a copy of <typeparamref name="TContext"/> filled from its source by <paramref name="request"/> when it
    /// is new (see <see cref="CopyFillRequests{TContext}"/>). The copy's consumers apply the snapshot's pages.
    /// </summary>
    public static IServiceCollection AddCopyFill<TContext>(this IServiceCollection services, string copyName, Func<DateTimeOffset, object> request)
        where TContext : DbContext
    {
        services.AddSingleton(new CopySource(copyName, request));
        // Registered once however many copies: AddHostedService adds an implementation only once.
        services.AddHostedService<CopyFillRequests<TContext>>();
        return services;
    }
}
