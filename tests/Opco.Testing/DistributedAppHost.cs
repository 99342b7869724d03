using System.Diagnostics;

namespace Opco.Testing;

/// <summary>
/// The whole application started by the AppHost in test mode (random ports, throw-away data),
/// for tests that talk to it over HTTP, PostgreSQL, RabbitMQ and MailDev.
/// </summary>
public sealed class DistributedAppHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly OutputLog _log;
    private readonly string _stateFile;

    private DistributedAppHost(Process process, OutputLog log, string stateFile, AppHostState state)
    {
        _process = process;
        _log = log;
        _stateFile = stateFile;
        State = state;
        MailDev = new MailDevClient(GetEndpoint("maildev"));
    }

    /// <summary>The state when everything became ready; <see cref="Resource"/> gives the current one.</summary>
    public AppHostState State { get; }

    /// <summary>Everything the AppHost and its resources printed.</summary>
    public string LogPath => _log.Path;

    public MailDevClient MailDev { get; }

    public static async Task<DistributedAppHost> StartAsync(CancellationToken cancellationToken = default)
    {
        var workDir = Directory.CreateTempSubdirectory("opco-tests-").FullName;
        var stateFile = Path.Combine(workDir, "state.json");
        var logDir = Directory.CreateDirectory(Path.Combine(TestEnvironment.RepositoryRoot, "TestResults")).FullName;
        var log = new OutputLog(Path.Combine(logDir, $"apphost-{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log"));

        // setsid: the AppHost leads its own process group, so a last-resort kill reaches all its children.
        var info = new ProcessStartInfo("setsid", ["dotnet", TestEnvironment.AppHostDll, "--mode", "test", "--state-file", stateFile])
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var state = await WaitUntilReadyAsync(process, stateFile, log, cancellationToken);
            return new DistributedAppHost(process, log, stateFile, state);
        }
        catch
        {
            await StopAsync(process);
            log.Dispose();
            Directory.Delete(workDir, recursive: true);
            throw;
        }
    }

    public HttpClient CreateHttpClient(string resourceName) =>
        new() { BaseAddress = new Uri(State.Resource(resourceName).Url ?? throw new ArgumentException($"{resourceName} has no URL.", nameof(resourceName))) };

    public string GetConnectionString(string name) =>
        State.ConnectionStrings.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"No connection string '{name}'. Known: {string.Join(", ", State.ConnectionStrings.Keys)}.", nameof(name));

    /// <summary>A named endpoint (e.g. "maildev"), or the URL of a resource.</summary>
    public Uri GetEndpoint(string name) =>
        new(State.Endpoints.TryGetValue(name, out var url) ? url : State.Resource(name).Url ?? throw new ArgumentException($"No endpoint '{name}'.", nameof(name)));

    /// <summary>The resource as the AppHost reports it now (state, PID, restarts).</summary>
    public ResourceSnapshot Resource(string name) =>
        (AppHostState.TryRead(_stateFile) ?? throw new InvalidOperationException("The state file has disappeared.")).Resource(name);

    public async ValueTask DisposeAsync()
    {
        MailDev.Dispose();
        await StopAsync(_process);
        _process.Dispose();
        _log.Dispose();
        Directory.Delete(Path.GetDirectoryName(_stateFile)!, recursive: true);
    }

    private static async Task<AppHostState> WaitUntilReadyAsync(Process process, string stateFile, OutputLog log, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (AppHostState.TryRead(stateFile) is { Ready: true } state)
                return state;
            if (process.HasExited)
                throw new InvalidOperationException($"The AppHost exited with code {process.ExitCode} before it was ready (log: {log.Path}):{Environment.NewLine}{log.Tail()}");
            if (deadline.Elapsed > StartTimeout)
                throw new TimeoutException($"The AppHost was not ready within {StartTimeout.TotalSeconds:0} s (log: {log.Path}):{Environment.NewLine}{log.Tail()}");
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>SIGTERM lets the AppHost stop everything in order; SIGKILL to its whole group is the last resort.</summary>
    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            Signals.Send(process.Id, Signals.SigTerm);
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Still running: the group kill below ends it.
            }
        }
        Signals.SendToGroup(process.Id, Signals.SigKill);
        await process.WaitForExitAsync();
    }
}
