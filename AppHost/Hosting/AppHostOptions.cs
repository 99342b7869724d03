namespace Opco.AppHost.Hosting;

/// <summary>Command line: --mode run|test, --state-file PATH, --KEY-port N, --help.</summary>
internal sealed class AppHostOptions
{
    public AppHostMode Mode { get; private init; } = AppHostMode.Run;

    public string? StateFile { get; private init; }

    public bool Help { get; private init; }

    public IReadOnlyDictionary<string, int> Ports { get; private init; } = new Dictionary<string, int>();

    public string? Error { get; private init; }

    public static AppHostOptions Parse(IReadOnlyList<string> args)
    {
        var mode = AppHostMode.Run;
        string? stateFile = null;
        var help = false;
        var ports = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var start = i;
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            string? Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            switch (name)
            {
                case "-h" or "--help":
                    help = true;
                    break;
                case "--mode" when Enum.TryParse(Value(), ignoreCase: true, out AppHostMode parsed):
                    mode = parsed;
                    break;
                case "--state-file" when Value() is { } path:
                    stateFile = Path.GetFullPath(path);
                    break;
                case not null when name.StartsWith("--", StringComparison.Ordinal) && name.EndsWith("-port", StringComparison.Ordinal)
                                   && int.TryParse(Value(), out var port) && port is > 0 and < 65536:
                    ports[name[2..^5]] = port;
                    break;
                default:
                    return new AppHostOptions { Error = $"Invalid argument '{string.Join(' ', args.Skip(start).Take(i - start + 1))}'. See --help." };
            }
        }
        return new AppHostOptions { Mode = mode, StateFile = stateFile, Help = help, Ports = ports };
    }

    public static string Usage(IEnumerable<Endpoint> endpoints) =>
        $"""
        Usage: dotnet Opco.AppHost.dll [--mode run|test] [--state-file PATH] [--KEY-port N]...

          --mode run    (default) stable ports, data kept in .data/, demo data, RabbitMQ management UI
          --mode test   random free ports, throw-away data folder, fast PostgreSQL settings
          --state-file  JSON file written once everything is ready and rewritten on every change

        Ports (run-mode default; override with --KEY-port N or the variable OPCO_KEY_PORT, e.g. OPCO_GATEWAY_PORT):
        {string.Join(Environment.NewLine, endpoints.Select(e => $"  {e.Key,-24} {e.RunPort,5}  {e.Description}"))}

        Environment: OPCO_POSTGRES_BIN, OPCO_RABBITMQ_BIN override the server binary folders;
        OTEL_EXPORTER_OTLP_ENDPOINT is passed on to the projects when set.
        """;
}
