using System.Globalization;

namespace Opco.AppHost.Local;

/// <summary>Which local TCP ports something listens on, and which process, read from /proc (any address, IPv4 or IPv6).</summary>
internal static class ListeningPorts
{
    private const string ListenState = "0A";

    /// <summary>The socket inodes listening on each port.</summary>
    public static ILookup<int, string> Read() =>
        new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .Where(File.Exists)
            .SelectMany(file => File.ReadLines(file).Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            .Where(fields => fields.Length > 9 && fields[3] == ListenState)
            .ToLookup(fields => int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber), fields => fields[9]);

    /// <summary>"name (pid N)" of the process holding one of the sockets; null when it cannot be seen.</summary>
    public static string? Owner(IEnumerable<string> inodes)
    {
        var sockets = inodes.Select(inode => $"socket:[{inode}]").ToHashSet();
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(path => int.TryParse(Path.GetFileName(path), out _)))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd"))
                    .Any(fd => new FileInfo(fd).LinkTarget is { } target && sockets.Contains(target)))
                    return $"{File.ReadAllText(Path.Combine(process, "comm")).Trim()} (pid {Path.GetFileName(process)})";
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // The process ended meanwhile, or is not ours to read.
            }
        }
        return null;
    }
}
