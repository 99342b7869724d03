using System.Collections.Concurrent;

namespace Opco.AppHost.Hosting;

/// <summary>Starts resources as soon as what they wait for is ready, in parallel; stops them in reverse dependency order.</summary>
internal sealed class Orchestrator(IReadOnlyList<Resource> resources, AppHostContext context, StateFileWriter? stateFile)
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private readonly ConcurrentQueue<(Resource Resource, Exception Error)> _failures = new();

    /// <summary>Runs until <paramref name="shutdown"/> fires; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken shutdown)
    {
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        startup.CancelAfter(StartupTimeout);
        var started = new Dictionary<Resource, Task>();
        foreach (var resource in resources)
        {
            var dependencies = resource.Dependencies.Select(dependency => started[dependency]).ToArray();
            started[resource] = StartAsync(resource, dependencies, startup);
        }

        try
        {
            await Task.WhenAll(started.Values);
        }
        catch (Exception)
        {
            ReportStartupFailure(shutdown.IsCancellationRequested);
            await StopAllAsync();
            return shutdown.IsCancellationRequested && _failures.IsEmpty ? 0 : 1;
        }

        var total = context.Clock.Elapsed.TotalSeconds;
        StartupTable.Print(resources, total, context.AppLog);
        if (stateFile is not null)
        {
            stateFile.TotalSeconds = total;
            stateFile.Write();
            foreach (var resource in resources)
                resource.Changed += stateFile.Write;
        }

        await Task.Delay(Timeout.Infinite, shutdown).ContinueWith(_ => { }, TaskScheduler.Default);
        await StopAllAsync();
        return 0;
    }

    private async Task StartAsync(Resource resource, Task[] dependencies, CancellationTokenSource startup)
    {
        await Task.WhenAll(dependencies);
        startup.Token.ThrowIfCancellationRequested();
        try
        {
            resource.SetState(ResourceState.Starting);
            await resource.StartAsync(context, startup.Token);
            resource.SecondsToReady = context.Clock.Elapsed.TotalSeconds;
            if (resource.State != ResourceState.Completed)
                resource.SetState(ResourceState.Running);
        }
        catch (Exception error) when (!startup.IsCancellationRequested)
        {
            resource.SetState(ResourceState.Failed);
            _failures.Enqueue((resource, error));
            await startup.CancelAsync();
            throw;
        }
    }

    private void ReportStartupFailure(bool shutdownRequested)
    {
        if (_failures.TryPeek(out var failure))
        {
            // A StartupException names the resource itself and carries its last output.
            if (failure.Error is StartupException startup)
                context.AppLog.Write($"Start-up failed: {startup.Message}");
            else
                context.AppLog.Write($"Start-up failed: {failure.Resource.Name}: {failure.Error}");
            if (failure.Error is StartupException { LogTail: { Length: > 0 } tail })
                context.AppLog.Write($"Last output of {failure.Resource.Name}:{Environment.NewLine}{tail}");
        }
        else if (shutdownRequested)
        {
            context.AppLog.Write("Shutdown requested during start-up.");
        }
        else
        {
            var waiting = resources.Where(r => r.State is not (ResourceState.Running or ResourceState.Completed)).ToList();
            context.AppLog.Write($"Start-up failed: not ready within {StartupTimeout.TotalSeconds:0} s: {string.Join(", ", waiting.Select(r => $"{r.Name} ({r.State})"))}");
            foreach (var resource in waiting.Where(r => r.State == ResourceState.Starting))
                context.AppLog.Write($"Last output of {resource.Name}:{Environment.NewLine}{context.Log(resource.Name).Tail()}");
        }
    }

    /// <summary>A resource stops once everything that depends on it has stopped; independent ones stop in parallel.</summary>
    private async Task StopAllAsync()
    {
        context.AppLog.Write("Stopping...");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var resource in resources)
            resource.IsStopping = true;
        var stopped = new Dictionary<Resource, Task>();
        foreach (var resource in resources.Reverse())
        {
            var dependents = resources.Where(r => r.ShutdownDependencies.Contains(resource)).Select(r => stopped[r]).ToArray();
            stopped[resource] = StopAsync(resource, dependents);
        }
        await Task.WhenAll(stopped.Values);
        context.AppLog.Write($"Stopped in {stopwatch.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task StopAsync(Resource resource, Task[] dependents)
    {
        await Task.WhenAll(dependents);
        try
        {
            if (resource.State is ResourceState.Waiting or ResourceState.Completed)
                return;
            resource.SetState(ResourceState.Stopping);
            await resource.StopAsync(context);
            resource.SetState(ResourceState.Stopped, null);
        }
        catch (Exception error)
        {
            context.AppLog.Write($"Stopping {resource.Name} failed: {error.Message}");
        }
    }
}
