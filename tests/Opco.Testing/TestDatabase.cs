using Npgsql;

namespace Opco.Testing;

/// <summary>A fresh database on the test run's PostgreSQL server, so a test owns its outbox and inbox.</summary>
public static class TestDatabase
{
    public static async Task<string> CreateAsync(string serverConnectionString, string prefix)
    {
        var unique = $"{prefix}_{Guid.NewGuid():N}";
        var name = unique[..Math.Min(unique.Length, 60)];
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }
}
