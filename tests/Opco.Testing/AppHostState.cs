using System.Text.Json;

namespace Opco.Testing;

/// <summary>The AppHost's state file (--state-file).</summary>
public sealed record AppHostState(
    string Mode,
    bool Ready,
    string DataDir,
    double? TotalSeconds,
    IReadOnlyList<ResourceSnapshot> Resources,
    IReadOnlyDictionary<string, string> ConnectionStrings,
    IReadOnlyDictionary<string, string> Endpoints,
    IReadOnlyDictionary<string, string> Parameters)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Null while the file does not exist yet.</summary>
    public static AppHostState? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<AppHostState>(File.ReadAllText(path), Json);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    public ResourceSnapshot Resource(string name) =>
        Resources.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"No resource named '{name}'. Known: {string.Join(", ", Resources.Select(r => r.Name))}.", nameof(name));
}

/// <summary>One resource as the AppHost last reported it.</summary>
public sealed record ResourceSnapshot(string Name, string Kind, string State, string? Url, int? Pid, int Restarts, double? SecondsToReady);
