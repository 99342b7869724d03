namespace Opco.AppHost.Hosting;

/// <summary>
/// A private plugins folder linking only the broker's own applications (and the management UI when wanted):
/// at boot RabbitMQ reads the configuration schema of every plugin it finds, which costs about a second.
/// </summary>
internal static class RabbitMQPlugins
{
    private static readonly string[] Broker = ["rabbit-", "rabbit_common-", "rabbitmq_prelaunch-"];
    private static readonly string[] Management = ["rabbitmq_management-", "rabbitmq_management_agent-", "rabbitmq_web_dispatch-"];

    /// <summary>Returns the folder to use as RABBITMQ_PLUGINS_DIR, or null to keep the installed one.</summary>
    public static string? Link(string rabbitBin, string target, bool management)
    {
        var installed = Directory.Exists(Path.Combine(rabbitBin, "..", "lib"))
            ? Directory.GetDirectories(Path.Combine(rabbitBin, "..", "lib"), "rabbitmq_server-*").Select(dir => Path.Combine(dir, "plugins")).FirstOrDefault(Directory.Exists)
            : null;
        if (installed is null)
            return null;

        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);
        string[] wanted = management ? [.. Broker, .. Management] : Broker;
        foreach (var plugin in Directory.GetFileSystemEntries(installed))
        {
            var name = Path.GetFileName(plugin);
            // Plain libraries (ranch, ra, cowboy...) are always linked; rabbitmq_* plugins only when wanted.
            var isLibrary = !name.StartsWith("rabbit", StringComparison.Ordinal) && name != "README";
            if (isLibrary || wanted.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
                File.CreateSymbolicLink(Path.Combine(target, name), plugin);
        }
        return target;
    }
}
