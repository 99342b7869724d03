namespace Opco.AppHost.Local;

/// <summary>Where the local servers' programs live. OPCO_POSTGRES_BIN and OPCO_RABBITMQ_BIN override the Debian locations.</summary>
internal sealed class Toolchain
{
    private const string PostgresRoot = "/usr/lib/postgresql";

    public required string PostgresBin { get; init; }

    public required string RabbitBin { get; init; }

    public required string? Epmd { get; init; }

    public required string? Node { get; init; }

    public required string? Setpriv { get; init; }

    public required string MailDevScript { get; init; }

    public static Toolchain Resolve(string repositoryRoot) => new()
    {
        PostgresBin = Environment.GetEnvironmentVariable("OPCO_POSTGRES_BIN") ?? HighestPostgresBin(),
        RabbitBin = Environment.GetEnvironmentVariable("OPCO_RABBITMQ_BIN") ?? "/usr/lib/rabbitmq/bin",
        Epmd = Which("epmd"),
        Node = Which("node"),
        Setpriv = Which("setpriv"),
        MailDevScript = Path.Combine(repositoryRoot, ".tools", "maildev", "node_modules", "maildev", "dist", "bin", "maildev.js"),
    };

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);

    private static string HighestPostgresBin()
    {
        var version = Directory.Exists(PostgresRoot)
            ? Directory.GetDirectories(PostgresRoot)
                .Select(Path.GetFileName)
                .Where(name => int.TryParse(name, out _))
                .MaxBy(name => int.Parse(name!))
            : null;
        return Path.Combine(PostgresRoot, version ?? "*", "bin");
    }
}
