using System.Security.Cryptography;
using System.Text.Json;

namespace Opco.AppHost.Hosting;

/// <summary>Generated passwords; in run mode kept in secrets.json so a restart can open the data it left.</summary>
internal sealed class SecretStore(string? path)
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly Dictionary<string, string> _values = path is not null && File.Exists(path)
        ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
        : [];

    /// <summary>Alphanumeric only, so the value is safe inside URIs and connection strings.</summary>
    public string GetOrCreate(string key)
    {
        lock (_values)
        {
            if (_values.TryGetValue(key, out var value))
                return value;
            _values[key] = value = RandomNumberGenerator.GetString(Alphabet, 24);
            if (path is not null)
            {
                File.WriteAllText(path, JsonSerializer.Serialize(_values, new JsonSerializerOptions { WriteIndented = true }));
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return value;
        }
    }
}
