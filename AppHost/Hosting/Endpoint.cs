namespace Opco.AppHost.Hosting;

/// <summary>A TCP port a resource listens on. Allocated once, before anything starts, so references may be cyclic.</summary>
public sealed class Endpoint(string key, int runPort, string description)
{
    /// <summary>Names the command-line option (--KEY-port) and the variable (OPCO_KEY_PORT) that override the port.</summary>
    public string Key { get; } = key;

    public int RunPort { get; internal set; } = runPort;

    public string Description { get; } = description;

    public int Port { get; internal set; }
}
