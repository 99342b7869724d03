using System.Diagnostics;

namespace Opco.AppHost.Hosting;

/// <summary>Everything resources need at run time: mode, folders, tools, secrets, logs and the start-up clock.</summary>
internal sealed class AppHostContext : IDisposable
{
    private readonly Dictionary<string, ResourceLog> _logs = [];
    private readonly int _prefixWidth;

    public AppHostContext(AppHostMode mode, string repoRoot, string dataDir, Toolchain tools, SecretStore secrets, IEnumerable<string> names)
    {
        Mode = mode;
        RepoRoot = repoRoot;
        DataDir = dataDir;
        Tools = tools;
        Secrets = secrets;
        _prefixWidth = names.Append(AppHostName).Max(name => name.Length);
        Directory.CreateDirectory(LogsDir);
        AppLog = Log(AppHostName);
    }

    public const string AppHostName = "apphost";

    public AppHostMode Mode { get; }

    public bool IsTest => Mode == AppHostMode.Test;

    public string RepoRoot { get; }

    public string DataDir { get; }

    public string LogsDir => Path.Combine(DataDir, "logs");

    public Toolchain Tools { get; }

    public SecretStore Secrets { get; }

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public ResourceLog AppLog { get; }

    /// <summary>The build configuration of this AppHost; projects are started from the same one.</summary>
    public static string Configuration { get; } =
        typeof(AppHostContext).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>()
            .FirstOrDefault()?.Configuration ?? "Release";

    public ResourceLog Log(string name)
    {
        lock (_logs)
        {
            if (!_logs.TryGetValue(name, out var log))
                _logs[name] = log = new ResourceLog(name, _prefixWidth, Path.Combine(LogsDir, $"{name}.log"));
            return log;
        }
    }

    public void Dispose()
    {
        lock (_logs)
        {
            foreach (var log in _logs.Values)
                log.Dispose();
        }
    }
}
