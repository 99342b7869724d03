using Aspire.Hosting.ApplicationModel;

namespace Opco.AppHost.Local;

/// <summary>A private PostgreSQL cluster run from Debian's binaries, password-protected (scram-sha-256).</summary>
public sealed class PostgresServerResource(string name, ParameterResource password, string root)
    : ExecutableResource(name, "/bin/sh", root), IResourceWithConnectionString
{
    public const string User = "postgres";
    internal const string EndpointName = "tcp";

    private EndpointReference? _endpoint;

    public ParameterResource Password { get; } = password;

    public EndpointReference Endpoint => _endpoint ??= new EndpointReference(this, EndpointName);

    /// <summary>The folder holding the cluster (PG_VERSION, postmaster.pid, the Unix socket).</summary>
    public string DataDirectory { get; } = Path.Combine(root, "data");

    /// <summary>Database resources by name, created when the server becomes healthy.</summary>
    internal List<PostgresDatabaseResource> Databases { get; } = [];

    // 127.0.0.1, not localhost: Npgsql would try ::1 first and the server listens on IPv4 only.
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.IPV4Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username={User};Password={Password}");
}

/// <summary>A database of a <see cref="PostgresServerResource"/>; its connection string is the server's plus the database.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource parent)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString
{
    public PostgresServerResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={Name}");
}
