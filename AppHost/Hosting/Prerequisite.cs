namespace Opco.AppHost.Hosting;

/// <summary>A file that must exist before anything starts, with the command that provides it.</summary>
internal sealed record Prerequisite(string What, string? Path, string Display, string Install)
{
    public bool IsMissing => Path is null || !System.IO.File.Exists(Path);

    public string Message => $"Missing prerequisite: {What} ({Display}). Install with: {Install}";

    public static Prerequisite File(string what, string path, string install) => new(what, path, path, install);

    /// <summary>A command looked up on PATH; <paramref name="resolved"/> is null when not found.</summary>
    public static Prerequisite Command(string what, string command, string? resolved, string install) =>
        new(what, resolved, $"{command} on PATH", install);
}
