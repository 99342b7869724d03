namespace Opco.AppHost.Hosting;

/// <summary>One-shot "dotnet DLL --migrate" with the project's environment; must exit 0 before the project starts.</summary>
public sealed class MigrationJobResource : Resource
{
    private readonly ProjectResource _project;
    private ManagedProcess? _process;

    internal MigrationJobResource(ProjectResource project)
        : base($"{project.Name}-migrations") => _project = project;

    public override string Kind => "job";

    /// <summary>Only the databases: migrations need neither the bus nor other services.</summary>
    internal override IEnumerable<Resource> Dependencies =>
        WaitsFor.Concat(_project.ConnectionStringReferences.OfType<PostgresDatabaseResource>());

    internal override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        var log = context.Log(Name);
        _process = ManagedProcess.Start(_project.Spec(context, "--migrate"), log, context.Tools);
        SetState(ResourceState.Starting, _process.Pid);
        var exitCode = await _process.Exited.WaitAsync(cancellationToken);
        if (exitCode != 0)
            throw new StartupException($"{Name} exited with code {exitCode}.", log.Tail());
        SetState(ResourceState.Completed, null);
    }

    internal override async Task StopAsync(AppHostContext context)
    {
        if (_process is not null)
            await _process.StopAsync(Native.SigTerm, TimeSpan.FromSeconds(5));
    }
}
