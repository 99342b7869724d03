using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using Opco.AppHost.Supervision;

namespace Opco.AppHost.Local;

public static class PostgresBuilderExtensions
{
    private const string Install = "sudo apt-get install -y postgresql";

    // PostgreSQL's SIGTERM is a "smart" shutdown that waits for every pooled connection, so the orchestrator would kill
    // it; the wrapper turns the orchestrator's TERM into INT (fast shutdown: clean, in a fraction of a second).
    private const string FastShutdownWrapper =
        """
        "$@" & server=$!
        trap 'kill -INT "$server" 2>/dev/null' TERM INT
        wait "$server"; status=$?
        while kill -0 "$server" 2>/dev/null; do wait "$server"; status=$?; done
        exit "$status"
        """;

    /// <summary>
    /// A PostgreSQL cluster in the data folder (initialised on first start, its password reset from the parameter at
    /// every start), listening on 127.0.0.1 only; healthy once it accepts a password connection.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, int port)
    {
        var tools = Toolchain.Resolve(builder.RepositoryRoot());
        var password = builder.AddGeneratedSecret($"{name}-password");
        var server = new PostgresServerResource(name, password.Resource, builder.DataDirectory(name));
        var postgres = Path.Combine(tools.PostgresBin, "postgres");
        var resource = builder.AddResource(server)
            .WithEndpoint(port: builder.Port(port), targetPort: builder.Port(port), scheme: "tcp", name: PostgresServerResource.EndpointName, isProxied: false)
            .WithArgs(context =>
            {
                var (fileName, arguments) = LocalProcess.AsUser(PostgresServerResource.User, tools.Setpriv, postgres, []);
                context.Args.Add("-c");
                context.Args.Add(FastShutdownWrapper);
                context.Args.Add("postgres-fast-shutdown");
                context.Args.Add(fileName);
                foreach (var argument in arguments)
                    context.Args.Add(argument);
                foreach (var argument in new object[]
                {
                    "-D", server.DataDirectory, "-k", server.DataDirectory,
                    "-p", server.Endpoint.Property(EndpointProperty.TargetPort),
                    "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
                })
                    context.Args.Add(argument);
            })
            .WithPrerequisiteFile("PostgreSQL server binaries", postgres, Install)
            .OnBeforeResourceStarted((server, started, cancellationToken) => PrepareClusterAsync(server, tools, started.Services, cancellationToken))
            .OnResourceReady((server, ready, cancellationToken) => CreateDatabasesAsync(server, ready.Services, cancellationToken))
            .OnResourceStopped((server, stopped, _) => PublishDatabasesStateAsync(server, stopped.Services, KnownResourceStates.Finished))
            .WithHealthProbe($"{name}-accepts-connections", async cancellationToken =>
            {
                try
                {
                    await using var connection = new NpgsqlConnection($"{await server.ConnectionStringExpression.GetValueAsync(cancellationToken)};Database=postgres;Pooling=false;Timeout=2");
                    await connection.OpenAsync(cancellationToken);
                    return HealthCheckResult.Healthy();
                }
                catch (Exception error) when (error is NpgsqlException or TimeoutException)
                {
                    return HealthCheckResult.Unhealthy(error.Message);
                }
            })
            .WithIconName("DatabaseMultiple");
        if (LocalProcess.IsRoot)
            resource.WithPrerequisiteCommand("setpriv (runs PostgreSQL as its own user)", "setpriv", tools.Setpriv, "sudo apt-get install -y util-linux");
        return resource;
    }

    /// <summary>
    /// A database created once the server is healthy. Aspire passes a parent's state to its children only for
    /// containers, so the database publishes its own (Waiting, then Running) and <c>WaitFor</c> works on it.
    /// </summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name)
    {
        var database = new PostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithIconName("Database");
    }

    /// <summary>initdb on the first start; the password from the parameter at every start, so a changed one never locks us out.</summary>
    private static async Task PrepareClusterAsync(PostgresServerResource server, Toolchain tools, IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        var password = await server.Password.GetValueAsync(cancellationToken) ?? throw new DistributedApplicationException($"{server.Name}: no password.");
        var root = server.WorkingDirectory;
        var data = server.DataDirectory;
        string? user = LocalProcess.IsRoot ? PostgresServerResource.User : null;
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            logger.LogInformation("Initialising a new cluster in {Data}", data);
            // A previous initdb may have died half-way; it refuses a non-empty folder.
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
            Directory.CreateDirectory(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var passwordFile = Path.Combine(root, "pwfile");
            await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
            try
            {
                if (user is not null)
                    await LocalProcess.RunAsync("chown", ("chown", ["-R", $"{user}:{user}", data, passwordFile]), root, null, cancellationToken);
                await LocalProcess.RunAsync("initdb", LocalProcess.AsUser(user, tools.Setpriv, Path.Combine(tools.PostgresBin, "initdb"),
                    ["-D", data, "-U", PostgresServerResource.User, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]),
                    root, null, cancellationToken);
            }
            finally
            {
                File.Delete(passwordFile);
            }
        }

        // Single-user mode runs before the server, so the password is right before anyone connects.
        await LocalProcess.RunAsync("Setting the PostgreSQL password",
            LocalProcess.AsUser(user, tools.Setpriv, Path.Combine(tools.PostgresBin, "postgres"), ["--single", "-D", data, "postgres"]),
            root, $"ALTER USER {PostgresServerResource.User} PASSWORD '{password}';\n", cancellationToken);
    }

    private static async Task CreateDatabasesAsync(PostgresServerResource server, IServiceProvider services, CancellationToken cancellationToken)
    {
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection($"{connectionString};Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        foreach (var database in server.Databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database.Name);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await PublishDatabasesStateAsync(server, services, KnownResourceStates.Running);
    }

    private static async Task PublishDatabasesStateAsync(PostgresServerResource server, IServiceProvider services, string state)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var database in server.Databases)
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with { State = state });
    }
}
