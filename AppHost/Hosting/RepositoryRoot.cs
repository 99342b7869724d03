namespace Opco.AppHost.Hosting;

internal static class RepositoryRoot
{
    private const string Marker = "Opco.Aspire.sln";

    /// <summary>Walks up from the AppHost's own folder to the one holding the solution.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
                return dir.FullName;
        }
        throw new InvalidOperationException($"{Marker} not found above {AppContext.BaseDirectory}.");
    }
}
