namespace Opco.AppHost.Hosting;

/// <summary>A resource could not start; the message says why and the log tail shows its last output.</summary>
internal sealed class StartupException(string message, string? logTail = null) : Exception(message)
{
    public string? LogTail { get; } = logTail;
}
