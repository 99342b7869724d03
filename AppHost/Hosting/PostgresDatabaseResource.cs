namespace Opco.AppHost.Hosting;

/// <summary>A database in a <see cref="PostgresServerResource"/>, created when missing.</summary>
public sealed class PostgresDatabaseResource : Resource, IResourceWithConnectionString
{
    internal PostgresDatabaseResource(string name, PostgresServerResource server)
        : base(name)
    {
        Server = server;
        WaitsFor.Add(server);
    }

    public PostgresServerResource Server { get; }

    public override string Kind => "database";

    public string ConnectionString => $"{Server.ConnectionString};Database={Name}";

    internal override Task StartAsync(AppHostContext context, CancellationToken cancellationToken) =>
        Server.CreateDatabaseAsync(Name, cancellationToken);

    internal override Task StopAsync(AppHostContext context) => Task.CompletedTask;
}
