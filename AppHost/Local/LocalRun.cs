using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Opco.AppHost.Local;

/// <summary>
/// How a run keeps its local servers. A developer's run binds fixed ports, keeps data under .data/ and persists
/// generated passwords. When Aspire randomises ports (Aspire.Hosting.Testing does), the run is isolated: every port is
/// allocated, and nothing it generates overwrites what a developer's run keeps. Tests give their own data folder.
/// </summary>
internal static class LocalRun
{
    /// <summary>Configuration key of the folder holding every local server's data (default: .data/ at the repository root).</summary>
    public const string DataDirectoryKey = "Opco:DataDirectory";

    // PostgreSQL runs as its own user and must be able to traverse every parent folder.
    private const UnixFileMode Traversable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static bool IsIsolated(this IDistributedApplicationBuilder builder) =>
        builder.Configuration.GetValue<bool>("DcpPublisher:RandomizePorts");

    /// <summary>The fixed port of a developer's run; null (Aspire allocates one) in an isolated run.</summary>
    public static int? Port(this IDistributedApplicationBuilder builder, int? fixedPort) =>
        builder.IsIsolated() ? null : fixedPort;

    public static string RepositoryRoot(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));

    /// <summary>A resource's own folder under the data folder, created traversable.</summary>
    public static string DataDirectory(this IDistributedApplicationBuilder builder, string resourceName)
    {
        var root = builder.Configuration[DataDirectoryKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(builder.RepositoryRoot(), ".data");
        var path = Path.Combine(root, resourceName);
        Directory.CreateDirectory(root, Traversable);
        Directory.CreateDirectory(path, Traversable);
        return path;
    }

    /// <summary>A generated password (letters and digits only, so it is safe inside URIs and connection strings).</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name, int minLength = 24) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = minLength, Special = false }, secret: true, persist: !builder.IsIsolated());
}
