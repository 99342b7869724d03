using Npgsql;

namespace Opco.AppHost.Hosting;

/// <summary>A private PostgreSQL cluster run from Debian's binaries, password-protected (scram-sha-256).</summary>
public sealed class PostgresServerResource : Resource, IResourceWithConnectionString
{
    private const string User = "postgres";

    private readonly DistributedApplicationBuilder _builder;
    private readonly Endpoint _tcp;
    private readonly SemaphoreSlim _createDatabase = new(1, 1);
    private string _password = "";
    private ManagedProcess? _process;

    internal PostgresServerResource(DistributedApplicationBuilder builder, string name)
        : base(name)
    {
        _builder = builder;
        _tcp = new Endpoint(name, 55432, "PostgreSQL");
    }

    public override string Kind => "postgres";

    public string ConnectionString => $"Host=127.0.0.1;Port={_tcp.Port};Username={User};Password={_password}";

    internal override string DisplayAddress => $"tcp://127.0.0.1:{_tcp.Port}";

    internal override IEnumerable<Endpoint> Endpoints => [_tcp];

    public PostgresDatabaseResource AddDatabase(string name) => _builder.AddResource(new PostgresDatabaseResource(name, this));

    internal override IEnumerable<Prerequisite> Prerequisites(string repoRoot, Toolchain tools)
    {
        const string install = "sudo apt-get install -y postgresql";
        // initdb ships in the same package as postgres.
        yield return Prerequisite.File("PostgreSQL server binaries", Path.Combine(tools.PostgresBin, "postgres"), install);
        if (Native.IsRoot)
            yield return Prerequisite.Command("setpriv (runs PostgreSQL as its own user)", "setpriv", tools.Setpriv, "sudo apt-get install -y util-linux");
    }

    internal override void Initialize(AppHostContext context) => _password = context.Secrets.GetOrCreate($"{Name}-password");

    internal override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        var log = context.Log(Name);
        var root = Path.Combine(context.DataDir, Name);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
            await InitializeClusterAsync(context, root, data, log, cancellationToken);

        string[] arguments =
        [
            "-D", data, "-p", _tcp.Port.ToString(), "-k", data,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
            .. context.IsTest ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : Array.Empty<string>(),
        ];
        _process = ManagedProcess.Start(Spec("postgres", arguments, data, context), log, context.Tools);
        SetState(ResourceState.Starting, _process.Pid);
        await Readiness.WaitAsync(Name, _process, log, Readiness.Postgres(ConnectionString), cancellationToken);
        ReportUnexpectedExit(_process, context);
    }

    internal override async Task StopAsync(AppHostContext context)
    {
        // SIGINT is PostgreSQL's fast shutdown.
        if (_process is not null)
            await _process.StopAsync(Native.SigInt, TimeSpan.FromSeconds(15));
    }

    internal async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        // Serialised: concurrent CREATE DATABASE from the same template can fail.
        await _createDatabase.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection($"{ConnectionString};Database=postgres;Pooling=false");
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            _createDatabase.Release();
        }
    }

    private async Task InitializeClusterAsync(AppHostContext context, string root, string data, ResourceLog log, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(root, "pwfile");
        await File.WriteAllTextAsync(passwordFile, _password, cancellationToken);
        // A previous initdb may have died half-way; it refuses a non-empty folder.
        if (Directory.Exists(data))
            Directory.Delete(data, recursive: true);
        Directory.CreateDirectory(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (Native.IsRoot)
            await ChownAsync(context, log, cancellationToken, passwordFile, data);

        string[] arguments = ["-D", data, "-U", User, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"];
        using var initdb = ManagedProcess.Start(Spec("initdb", arguments, root, context), log, context.Tools);
        var exitCode = await initdb.Exited.WaitAsync(cancellationToken);
        File.Delete(passwordFile);
        if (exitCode != 0)
            throw new StartupException($"initdb exited with code {exitCode}.", log.Tail());
    }

    private ProcessSpec Spec(string program, string[] arguments, string workingDirectory, AppHostContext context) =>
        new(Path.Combine(context.Tools.PostgresBin, program), arguments, workingDirectory) { RunAsUser = User };

    private static async Task ChownAsync(AppHostContext context, ResourceLog log, CancellationToken cancellationToken, params string[] paths)
    {
        using var chown = ManagedProcess.Start(new ProcessSpec("chown", ["-R", $"{User}:{User}", .. paths], context.DataDir), log, context.Tools);
        if (await chown.Exited.WaitAsync(cancellationToken) != 0)
            throw new StartupException($"chown of {string.Join(", ", paths)} failed.", log.Tail());
    }
}
