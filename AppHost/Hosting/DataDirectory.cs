namespace Opco.AppHost.Hosting;

/// <summary>Run mode keeps data in .data/ at the repository root; test mode uses a throw-away folder.</summary>
internal static class DataDirectory
{
    // PostgreSQL runs as its own user and must be able to traverse every parent folder.
    private const UnixFileMode Traversable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static string Create(AppHostMode mode, string repoRoot)
    {
        var path = mode == AppHostMode.Run
            ? Path.Combine(repoRoot, ".data")
            : Path.Combine(Path.GetTempPath(), $"opco-apphost-{Guid.NewGuid():N}"[..22]);
        Directory.CreateDirectory(path, Traversable);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException error)
        {
            Console.Error.WriteLine($"[apphost] Could not delete {path}: {error.Message}");
        }
    }
}
