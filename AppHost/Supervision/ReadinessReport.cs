using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Opco.AppHost.Supervision;

/// <summary>An address a person opens once everything is ready, printed with its label.</summary>
internal sealed record ReadinessLink(string Label, EndpointReference Endpoint);

/// <summary>
/// The console's short story of a start: one line per resource as it becomes ready (healthy, or completed for a job),
/// with the time since the AppHost started, one line for a resource that fails, then the addresses people open.
/// Everything else the resources print goes to the dashboard. It watches from before the orchestrator starts anything
/// (a plain hosted service would only start once the orchestrator has started every resource).
/// </summary>
internal sealed class ReadinessReport(
    ResourceNotificationService notifications,
    DistributedApplicationModel model,
    IEnumerable<ReadinessLink> links,
    ILogger<ReadinessReport> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _watch = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _watch = WatchAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watch;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var waiting = model.Resources
            .Where(resource => resource is not ParameterResource && !resource.HasAnnotationOfType<ExplicitStartupAnnotation>())
            .Select(resource => resource.Name)
            .ToHashSet();
        // A job is ready when it has completed, not when it runs.
        var jobs = model.Resources
            .SelectMany(resource => resource.Annotations.OfType<WaitAnnotation>())
            .Where(wait => wait.WaitType == WaitType.WaitForCompletion)
            .Select(wait => wait.Resource.Name)
            .ToHashSet();
        var total = waiting.Count;
        var failed = new HashSet<string>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                var name = update.Resource.Name;
                var snapshot = update.Snapshot;
                if (!waiting.Contains(name))
                    continue;
                if (snapshot.IsHidden)
                {
                    waiting.Remove(name);
                    total--;
                }
                else if (jobs.Contains(name) ? HasCompleted(snapshot) : IsReady(snapshot))
                {
                    waiting.Remove(name);
                    logger.LogInformation("{Resource} ready ({Seconds:0.0} s)", name, SinceStart());
                    if (waiting.Count == 0)
                    {
                        await ReportAllReadyAsync(total, stoppingToken);
                        return;
                    }
                }
                else if (HasFailed(snapshot) && failed.Add(name))
                {
                    logger.LogError("{Resource} failed to start ({State}, exit code {ExitCode}): see its console logs in the dashboard",
                        name, snapshot.State?.Text, snapshot.ExitCode);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before everything was ready.
        }
    }

    private async Task ReportAllReadyAsync(int total, CancellationToken cancellationToken)
    {
        logger.LogInformation("All {Count} resources ready in {Seconds:0.0} s", total, SinceStart());
        foreach (var link in links)
            logger.LogInformation("{Label}: {Url}", link.Label, await link.Endpoint.GetValueAsync(cancellationToken));
    }

    private static bool IsReady(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy;

    private static bool HasCompleted(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Finished && snapshot.ExitCode == 0;

    private static bool HasFailed(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.FailedToStart
        || snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state) && snapshot.ExitCode is not (null or 0);

    private static double SinceStart() => (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
}

internal static class ReadinessReportExtensions
{
    /// <summary>Prints each resource as it becomes ready, then <paramref name="links"/>.</summary>
    public static IDistributedApplicationBuilder ReportReadiness(this IDistributedApplicationBuilder builder, params (string Label, EndpointReference Endpoint)[] links)
    {
        foreach (var (label, endpoint) in links)
            builder.Services.AddSingleton(new ReadinessLink(label, endpoint));
        builder.Services.AddHostedService<ReadinessReport>();
        // One line per message: the console is a short list, not a log viewer (that is the dashboard).
        builder.Services.AddLogging(logging => logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));
        return builder;
    }
}
