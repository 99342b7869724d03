namespace Opco.AppHost.Hosting;

/// <summary>A generated secret (e.g. an OAuth client secret), kept in secrets.json in run mode and published in the state file.</summary>
public sealed class Parameter(string name) : IValueReference
{
    private string? _value;

    public string Name { get; } = name;

    public string Value => _value ?? throw new InvalidOperationException($"Parameter '{Name}' is read before the application runs.");

    internal void Initialize(SecretStore secrets) => _value = secrets.GetOrCreate($"parameter-{Name}");
}
