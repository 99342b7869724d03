using System.Diagnostics;

namespace Opco.AppHost.Hosting;

/// <summary>Keeps a project running: restarts it with exponential backoff when it exits unexpectedly.</summary>
internal sealed class ProjectSupervisor(ProjectResource project, AppHostContext context)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    private readonly ResourceLog _log = context.Log(project.Name);
    private readonly CancellationTokenSource _stopping = new();
    private ManagedProcess? _process;
    private Task _supervision = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var process = Launch();
        await Readiness.WaitAsync(project.Name, process, _log, Readiness.Healthy(project.Url), cancellationToken);
        _supervision = SuperviseAsync(process);
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _supervision;
        if (_process is not null)
            await _process.StopAsync(Native.SigTerm, TimeSpan.FromSeconds(10));
    }

    private ManagedProcess Launch()
    {
        _process?.Dispose();
        _process = ManagedProcess.Start(project.Spec(context), _log, context.Tools);
        project.SetState(ResourceState.Starting, _process.Pid);
        return _process;
    }

    private async Task SuperviseAsync(ManagedProcess process)
    {
        var attempt = 0;
        var healthy = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                var exitCode = await process.Exited.WaitAsync(_stopping.Token);
                if (project.IsStopping)
                    return;
                attempt = healthy.IsRunning && healthy.Elapsed >= StableAfter ? 1 : attempt + 1;
                var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, attempt - 1)));
                context.AppLog.Write($"{project.Name} exited with code {exitCode}; restarting in {delay.TotalSeconds:0}s (attempt {attempt})");
                project.CountRestart();
                healthy.Reset();
                await Task.Delay(delay, _stopping.Token);

                process = Launch();
                if (await BecomesHealthyAsync(process))
                {
                    healthy.Restart();
                    project.SetState(ResourceState.Running);
                    context.AppLog.Write($"{project.Name} is healthy again");
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>False when the process exits before it is healthy; the loop then restarts it again.</summary>
    private async Task<bool> BecomesHealthyAsync(ManagedProcess process)
    {
        try
        {
            await Readiness.WaitAsync(project.Name, process, _log, Readiness.Healthy(project.Url), _stopping.Token);
            return true;
        }
        catch (StartupException)
        {
            return false;
        }
    }
}
