using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Opco.AppHost.Supervision;

/// <summary>Marks a resource to be started again when it exits unexpectedly.</summary>
internal sealed class RestartOnCrashAnnotation : IResourceAnnotation;

/// <summary>
/// Aspire 13.6 has no restart policy for executables: a crashed service would stay "Exited". A service marked
/// <see cref="RestartOnCrashAnnotation"/> that exits with a non-zero code while the application is not stopping is
/// started again (the dashboard's own Start command) after 1, 2, 4… up to 30 s; the delay starts over once it has
/// stayed up a minute. Every restart is logged and counted in the resource's "restarts" property. A service stopped
/// from the dashboard exits with 0 and stays stopped.
/// </summary>
internal sealed class CrashRestarts(
    ResourceCommandService commands,
    ResourceNotificationService notifications,
    IHostApplicationLifetime lifetime,
    ILogger<CrashRestarts> logger) : IDistributedApplicationEventingSubscriber
{
    public const string RestartsProperty = "restarts";

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (int Restarts, int Attempt, DateTime LastStart)> _history = new();

    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        eventing.Subscribe<ResourceStoppedEvent>((stopped, cancellationToken) =>
        {
            if (stopped.Resource.HasAnnotationOfType<RestartOnCrashAnnotation>()
                && stopped.ResourceEvent.Snapshot.ExitCode is { } exitCode and not 0
                && !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // Not awaited: the orchestrator raises this event from its own update loop.
                _ = RestartAsync(stopped.Resource, exitCode);
            }
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    private async Task RestartAsync(IResource resource, int exitCode)
    {
        var now = DateTime.UtcNow;
        var (restarts, attempt, _) = _history.AddOrUpdate(resource.Name,
            _ => (1, 1, now),
            (_, previous) => (previous.Restarts + 1, now - previous.LastStart >= StableAfter ? 1 : previous.Attempt + 1, now));
        var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, attempt - 1)));
        logger.LogWarning("{Resource} exited unexpectedly with code {ExitCode}; restarting in {Delay:0} s (attempt {Attempt})",
            resource.Name, exitCode, delay.TotalSeconds, attempt);
        try
        {
            await Task.Delay(delay, lifetime.ApplicationStopping);
            _history[resource.Name] = (restarts, attempt, DateTime.UtcNow);
            await notifications.PublishUpdateAsync(resource, snapshot => snapshot with
            {
                Properties = [.. snapshot.Properties.Where(p => p.Name != RestartsProperty), new ResourcePropertySnapshot(RestartsProperty, restarts) { DisplayName = "Restarts" }],
            });
            var result = await commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, lifetime.ApplicationStopping);
            if (!result.Success)
                logger.LogError("Restarting {Resource} failed: {Message}", resource.Name, result.Message);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Shutting down: nothing to restart.
        }
    }
}

internal static class CrashRestartExtensions
{
    public static IResourceBuilder<T> WithRestartOnCrash<T>(this IResourceBuilder<T> builder)
        where T : IResource
    {
        builder.ApplicationBuilder.Services.TryAddEventingSubscriber<CrashRestarts>();
        return builder.WithAnnotation(new RestartOnCrashAnnotation(), ResourceAnnotationMutationBehavior.Replace);
    }
}
