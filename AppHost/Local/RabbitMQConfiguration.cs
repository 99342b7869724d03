using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Opco.AppHost.Local;

/// <summary>The files a RabbitMQ node reads at boot, written before every start.</summary>
internal static class RabbitMQConfiguration
{
    public static IEnumerable<string> ConfigLines(int amqpPort, string definitionsFile, int? managementPort)
    {
        yield return $"listeners.tcp.default = 127.0.0.1:{amqpPort}";
        yield return "loopback_users = none";
        yield return $"load_definitions = {definitionsFile}";
        yield return "log.console = true";
        yield return "log.console.level = warning";
        // "off", not "false": with "false" the node fails to boot yet the script exits 0.
        yield return "log.console.use_colors = off";
        yield return "log.file = false";
        if (managementPort is { } port)
        {
            yield return "management.tcp.ip = 127.0.0.1";
            yield return $"management.tcp.port = {port}";
        }
    }

    /// <summary>
    /// The user, loaded at every boot: RabbitMQ applies default_user/default_pass only on a node's first boot, so a
    /// password that changed since would lock every client out.
    /// </summary>
    public static string Definitions(string user, string password) => JsonSerializer.Serialize(new
    {
        users = new[] { new { name = user, password_hash = PasswordHash(password), hashing_algorithm = "rabbit_password_hashing_sha256", tags = new[] { "administrator" } } },
        vhosts = new[] { new { name = "/" } },
        permissions = new[] { new { user, vhost = "/", configure = ".*", write = ".*", read = ".*" } },
    });

    /// <summary>base64(salt + SHA-256(salt + UTF-8 password)) with a 4-byte salt, as rabbit_password_hashing_sha256 expects.</summary>
    private static string PasswordHash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]);
        return Convert.ToBase64String([.. salt, .. hash]);
    }

    /// <summary>
    /// A private plugins folder linking only the broker's own applications (and the management UI when wanted):
    /// at boot RabbitMQ reads the configuration schema of every plugin it finds, which costs about a second.
    /// Returns null to keep the installed folder.
    /// </summary>
    public static string? LinkPlugins(string rabbitBin, string target, bool management)
    {
        string[] broker = ["rabbit-", "rabbit_common-", "rabbitmq_prelaunch-"];
        string[] managementPlugins = ["rabbitmq_management-", "rabbitmq_management_agent-", "rabbitmq_web_dispatch-"];
        var lib = Path.Combine(rabbitBin, "..", "lib");
        var installed = Directory.Exists(lib)
            ? Directory.GetDirectories(lib, "rabbitmq_server-*").Select(dir => Path.Combine(dir, "plugins")).FirstOrDefault(Directory.Exists)
            : null;
        if (installed is null)
            return null;

        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);
        string[] wanted = management ? [.. broker, .. managementPlugins] : broker;
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
