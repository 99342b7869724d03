using System.Reflection;

namespace Opco.Testing;

/// <summary>Where the repository and the built AppHost are, seen from a test run.</summary>
public static class TestEnvironment
{
    /// <summary>The build configuration of the tests; the AppHost is started from the same one.</summary>
    public static string Configuration { get; } =
        typeof(TestEnvironment).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string AppHostDll => Path.Combine(RepositoryRoot, "AppHost", "bin", Configuration, "net10.0", "Opco.AppHost.dll");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Opco.Aspire.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Opco.Aspire.sln not found above {AppContext.BaseDirectory}.");
    }
}
