namespace Opco.AppHost.Hosting;

/// <summary>A private RabbitMQ node with its own epmd, both bound to 127.0.0.1.</summary>
public sealed class RabbitMQResource : Resource, IResourceWithConnectionString
{
    private const string User = "opco";

    private readonly DistributedApplicationBuilder _builder;
    private readonly Endpoint _amqp;
    private readonly Endpoint _distribution;
    private readonly Endpoint _epmd;
    private readonly Endpoint _management;
    private bool _managementRequested;
    private string _password = "";
    private ManagedProcess? _epmdProcess;
    private ManagedProcess? _server;
    private string _pidFile = "";

    internal RabbitMQResource(DistributedApplicationBuilder builder, string name)
        : base(name)
    {
        _builder = builder;
        _amqp = new Endpoint(name, 55672, "RabbitMQ AMQP");
        _distribution = new Endpoint($"{name}-dist", 55673, "RabbitMQ distribution");
        _epmd = new Endpoint($"{name}-epmd", 55674, "Erlang port mapper (epmd)");
        _management = new Endpoint($"{name}-management", 15672, "RabbitMQ management UI (run mode)");
    }

    public override string Kind => "rabbitmq";

    public string ConnectionString => $"amqp://{User}:{_password}@127.0.0.1:{_amqp.Port}";

    /// <summary>The management UI is for people: only in run mode.</summary>
    private bool ManagementEnabled => _managementRequested && _builder.Mode == AppHostMode.Run;

    public override string? Url => ManagementEnabled ? $"http://127.0.0.1:{_management.Port}" : null;

    internal override string DisplayAddress => Url ?? $"amqp://127.0.0.1:{_amqp.Port}";

    internal override IEnumerable<Endpoint> Endpoints =>
        ManagementEnabled ? [_amqp, _distribution, _epmd, _management] : [_amqp, _distribution, _epmd];

    internal override IEnumerable<KeyValuePair<string, string>> PublicEndpoints =>
        Url is { } url ? [new("rabbitmq-management", url)] : [];

    public RabbitMQResource WithManagementPlugin()
    {
        _managementRequested = true;
        return this;
    }

    internal override IEnumerable<Prerequisite> Prerequisites(string repoRoot, Toolchain tools)
    {
        const string install = "sudo apt-get install -y rabbitmq-server";
        yield return Prerequisite.File("RabbitMQ server", Path.Combine(tools.RabbitBin, "rabbitmq-server"), install);
        yield return Prerequisite.Command("Erlang port mapper", "epmd", tools.Epmd, install);
    }

    internal override void Initialize(AppHostContext context) => _password = context.Secrets.GetOrCreate($"{Name}-password");

    internal override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        var log = context.Log(Name);
        var root = Path.Combine(context.DataDir, Name);
        var home = Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(Path.Combine(root, "log"));
        _pidFile = Path.Combine(root, "rabbitmq.pid");
        WriteCookie(Path.Combine(home, ".erlang.cookie"), context);
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq-env.conf"), "", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), ManagementEnabled ? "[rabbitmq_management]." : "[].", cancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(root, "rabbitmq.conf"), ConfigLines(), cancellationToken);

        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["ERL_EPMD_PORT"] = _epmd.Port.ToString(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODENAME"] = $"{Name}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = _amqp.Port.ToString(),
            ["RABBITMQ_DIST_PORT"] = _distribution.Port.ToString(),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq.conf"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(root, "rabbitmq-env.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
            ["RABBITMQ_PID_FILE"] = _pidFile,
            // No scheduler busy-waiting: on two cores it steals the CPU the other resources need to start.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none",
        };

        if (RabbitMQPlugins.Link(context.Tools.RabbitBin, Path.Combine(root, "plugins"), ManagementEnabled) is { } plugins)
            environment["RABBITMQ_PLUGINS_DIR"] = plugins;

        // Our own epmd first: otherwise the node spawns a daemon one that outlives everything.
        _epmdProcess = ManagedProcess.Start(
            new ProcessSpec(context.Tools.Epmd!, ["-port", _epmd.Port.ToString(), "-address", "127.0.0.1"], root) { Environment = environment },
            log,
            context.Tools);
        await Readiness.WaitAsync($"{Name} epmd", _epmdProcess, log, Readiness.Tcp(_epmd.Port), cancellationToken);

        _server = ManagedProcess.Start(
            new ProcessSpec(Path.Combine(context.Tools.RabbitBin, "rabbitmq-server"), [], root) { Environment = environment },
            log,
            context.Tools);
        SetState(ResourceState.Starting, _server.Pid);
        await Readiness.WaitAsync(Name, _server, log, Readiness.Amqp(ConnectionString), cancellationToken);
        ReportUnexpectedExit(_server, context);
    }

    internal override async Task StopAsync(AppHostContext context)
    {
        if (_server is not null)
        {
            await _server.StopAsync(Native.SigTerm, TimeSpan.FromSeconds(20));
            // Killing the script orphans beam.smp: make sure the VM itself is gone.
            if (File.Exists(_pidFile) && int.TryParse((await File.ReadAllTextAsync(_pidFile)).Trim(), out var beam) && Native.IsAlive(beam, "beam.smp"))
                Native.Signal(beam, Native.SigKill);
        }
        if (_epmdProcess is not null)
            await _epmdProcess.StopAsync(Native.SigTerm, TimeSpan.FromSeconds(3));
    }

    private IEnumerable<string> ConfigLines()
    {
        yield return $"listeners.tcp.default = 127.0.0.1:{_amqp.Port}";
        yield return "loopback_users = none";
        yield return $"default_user = {User}";
        yield return $"default_pass = {_password}";
        yield return "log.console = true";
        yield return "log.console.level = warning";
        // "off", not "false": with "false" the node fails to boot yet the script exits 0.
        yield return "log.console.use_colors = off";
        yield return "log.file = false";
        if (ManagementEnabled)
        {
            yield return "management.tcp.ip = 127.0.0.1";
            yield return $"management.tcp.port = {_management.Port}";
        }
    }

    private static void WriteCookie(string path, AppHostContext context)
    {
        if (File.Exists(path))
            return;
        File.WriteAllText(path, context.Secrets.GetOrCreate("erlang-cookie"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead);
    }
}
