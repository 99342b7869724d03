namespace Opco.AppHost.Hosting;

/// <summary>Where the external programs live. OPCO_POSTGRES_BIN and OPCO_RABBITMQ_BIN override the Debian locations.</summary>
internal sealed class Toolchain
{
    private const string PostgresRoot = "/usr/lib/postgresql";

    public required string PostgresBin { get; init; }

    public required string RabbitBin { get; init; }

    public string? Epmd { get; init; }

    public string? Node { get; init; }

    public string? Setpriv { get; init; }

    public static Toolchain Resolve() => new()
    {
        PostgresBin = Environment.GetEnvironmentVariable("OPCO_POSTGRES_BIN") ?? HighestPostgresBin(),
        RabbitBin = Environment.GetEnvironmentVariable("OPCO_RABBITMQ_BIN") ?? "/usr/lib/rabbitmq/bin",
        Epmd = Which("epmd"),
        Node = Which("node"),
        Setpriv = Which("setpriv"),
    };

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);

    private static string HighestPostgresBin()
    {
        var version = Directory.Exists(PostgresRoot)
            ? Directory.GetDirectories(PostgresRoot)
                .Select(System.IO.Path.GetFileName)
                .Where(name => int.TryParse(name, out _))
                .MaxBy(name => int.Parse(name!))
            : null;
        return System.IO.Path.Combine(PostgresRoot, version ?? "*", "bin");
    }
}
