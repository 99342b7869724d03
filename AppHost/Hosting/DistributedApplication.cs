using System.Runtime.InteropServices;

namespace Opco.AppHost.Hosting;

/// <summary>The built application: checks prerequisites, allocates ports, runs the orchestrator until SIGINT/SIGTERM.</summary>
public sealed class DistributedApplication
{
    private const int InvalidUsageExitCode = 2;
    private const int MissingPrerequisiteExitCode = 2;
    private const int FailureExitCode = 1;

    private readonly DistributedApplicationBuilder _builder;
    private readonly AppHostOptions _options;
    private readonly IReadOnlyList<Resource> _resources;
    private readonly IReadOnlyList<Parameter> _parameters;

    internal DistributedApplication(DistributedApplicationBuilder builder, IReadOnlyList<Resource> resources, IReadOnlyList<Parameter> parameters)
    {
        _builder = builder;
        _options = builder.Options;
        _resources = resources;
        _parameters = parameters;
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(AppHostOptions.Parse(args));

    /// <summary>Blocks until shut down; the outcome is in <see cref="Environment.ExitCode"/>.</summary>
    public void Run() => Environment.ExitCode = RunAsync().GetAwaiter().GetResult();

    private async Task<int> RunAsync()
    {
        var endpoints = _resources.SelectMany(r => r.Endpoints).ToList();
        if (_options.Error is not null || _options.Help)
        {
            (_options.Error is null ? Console.Out : Console.Error).WriteLine(_options.Error ?? AppHostOptions.Usage(endpoints));
            return _options.Error is null ? 0 : InvalidUsageExitCode;
        }

        var repoRoot = RepositoryRoot.Find();
        var tools = Toolchain.Resolve();
        var missing = Prerequisites.Missing(_resources, repoRoot, tools);
        if (missing.Count > 0)
        {
            missing.ForEach(Console.Error.WriteLine);
            return MissingPrerequisiteExitCode;
        }

        var portProblems = PortAllocator.Allocate(endpoints, _options);
        if (portProblems.Count > 0)
        {
            foreach (var problem in portProblems)
                Console.Error.WriteLine(problem);
            return FailureExitCode;
        }

        var dataDir = _builder.DataDir = DataDirectory.Create(_options.Mode, repoRoot);
        using var shutdown = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            shutdown.Cancel();
        }

        try
        {
            var secrets = new SecretStore(_options.Mode == AppHostMode.Run ? Path.Combine(dataDir, "secrets.json") : null);
            using var context = new AppHostContext(_options.Mode, repoRoot, dataDir, tools, secrets, _resources.Select(r => r.Name));
            context.AppLog.Write($"Mode {_options.Mode.ToString().ToLowerInvariant()}, data in {dataDir}, logs in {context.LogsDir}");
            foreach (var parameter in _parameters)
                parameter.Initialize(secrets);
            foreach (var resource in _resources)
                resource.Initialize(context);
            if (context.IsTest)
                _ = ParentWatch.StopWhenOrphanedAsync(shutdown, context.AppLog);
            var stateFile = _options.StateFile is null ? null : new StateFileWriter(_options.StateFile, context, _resources, _parameters);
            return await new Orchestrator(_resources, context, stateFile).RunAsync(shutdown.Token);
        }
        finally
        {
            if (_options.Mode == AppHostMode.Test)
                DataDirectory.Delete(dataDir);
        }
    }
}
