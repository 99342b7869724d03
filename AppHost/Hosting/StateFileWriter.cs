using System.Text.Json;
using System.Text.Json.Serialization;

namespace Opco.AppHost.Hosting;

/// <summary>Writes the state file (for tests and tools) atomically: temp file, then rename.</summary>
internal sealed class StateFileWriter(string path, AppHostContext context, IReadOnlyList<Resource> resources, IReadOnlyList<Parameter> parameters)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lock _lock = new();

    public double? TotalSeconds { get; set; }

    public void Write()
    {
        lock (_lock)
        {
            var state = new
            {
                Mode = context.Mode.ToString().ToLowerInvariant(),
                Ready = TotalSeconds is not null,
                context.DataDir,
                TotalSeconds,
                Resources = resources.Select(r => new
                {
                    r.Name,
                    r.Kind,
                    r.State,
                    r.Url,
                    r.Pid,
                    r.Restarts,
                    r.SecondsToReady,
                }),
                ConnectionStrings = resources.OfType<IResourceWithConnectionString>().ToDictionary(r => r.Name, r => r.ConnectionString),
                Endpoints = resources.SelectMany(r => r.PublicEndpoints).ToDictionary(),
                Parameters = parameters.ToDictionary(p => p.Name, p => p.Value),
            };
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json));
            File.Move(temporary, path, overwrite: true);
        }
    }
}
