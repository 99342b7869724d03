namespace Opco.AppHost.Hosting;

/// <summary>How to launch one child process.</summary>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>When the AppHost runs as root, the process runs as this user instead (PostgreSQL refuses root).</summary>
    public string? RunAsUser { get; init; }
}
