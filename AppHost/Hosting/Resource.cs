namespace Opco.AppHost.Hosting;

/// <summary>Something the AppHost starts, watches and stops.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;

    public abstract string Kind { get; }

    /// <summary>HTTP address of the resource, if it has one.</summary>
    public virtual string? Url => null;

    internal List<Resource> WaitsFor { get; } = [];

    internal ResourceState State { get; private set; } = ResourceState.Waiting;

    internal int? Pid { get; private set; }

    internal int Restarts { get; private set; }

    internal double? SecondsToReady { get; set; }

    /// <summary>Set for every resource as soon as shutdown begins, so exits are no longer unexpected.</summary>
    internal bool IsStopping { get; set; }

    /// <summary>Raised whenever state, PID or restart count change, so the state file can follow.</summary>
    internal event Action? Changed;

    /// <summary>Resources that must be ready before this one starts.</summary>
    internal virtual IEnumerable<Resource> Dependencies => WaitsFor;

    /// <summary>Resources that must outlive this one at shutdown.</summary>
    internal virtual IEnumerable<Resource> ShutdownDependencies => Dependencies;

    internal virtual IEnumerable<Endpoint> Endpoints => [];

    /// <summary>Address shown in the start-up table.</summary>
    internal virtual string? DisplayAddress => Url;

    internal virtual IEnumerable<KeyValuePair<string, string>> PublicEndpoints => [];

    internal virtual IEnumerable<Prerequisite> Prerequisites(string repoRoot, Toolchain tools) => [];

    /// <summary>Called once ports and secrets are known, before anything starts.</summary>
    internal virtual void Initialize(AppHostContext context)
    {
    }

    /// <summary>Starts the resource and returns once it is ready.</summary>
    internal abstract Task StartAsync(AppHostContext context, CancellationToken cancellationToken);

    internal abstract Task StopAsync(AppHostContext context);

    internal void SetState(ResourceState state, int? pid)
    {
        State = state;
        Pid = pid;
        Changed?.Invoke();
    }

    internal void SetState(ResourceState state) => SetState(state, Pid);

    /// <summary>Infrastructure is not restarted: an unexpected exit is reported and the resource marked failed.</summary>
    private protected void ReportUnexpectedExit(ManagedProcess process, AppHostContext context) =>
        process.Exited.ContinueWith(
            exited =>
            {
                if (IsStopping)
                    return;
                context.AppLog.Write($"{Name} exited unexpectedly with code {exited.Result}");
                SetState(ResourceState.Failed, null);
            },
            TaskScheduler.Default);

    internal void CountRestart()
    {
        Restarts++;
        SetState(ResourceState.Restarting, null);
    }
}
