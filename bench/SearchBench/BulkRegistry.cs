using Npgsql;
using NpgsqlTypes;

namespace Opco.Bench.Search;

/// <summary>Writes the generated registry straight into onboardingdb with COPY: bench data, not registry changes to publish.</summary>
internal static class BulkRegistry
{
    public static async Task LoadAsync(string connectionString, IReadOnlyList<GeneratedCompany> companies)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY companies (\"Siren\", \"Name\", \"SearchName\", \"Headcount\", \"ServiceOffer\", \"AdvisorEmail\", \"RegisteredAt\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (company, index) in companies.Select((c, i) => (c, i)))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(company.Siren, NpgsqlDbType.Varchar);
                await writer.WriteAsync(company.Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync(company.SearchName, NpgsqlDbType.Varchar);
                await writer.WriteAsync(1 + index % 500, NpgsqlDbType.Integer);
                await writer.WriteAsync(index % 5 == 0 ? "DEFi Performance" : null, NpgsqlDbType.Varchar);
                await writer.WriteAsync("conseiller@opco-demo.fr", NpgsqlDbType.Varchar);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY establishments (\"Siret\", \"Siren\", \"Name\", \"Address\", \"PostalCode\", \"City\", \"IsHeadOffice\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var company in companies)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(company.Siret, NpgsqlDbType.Varchar);
                await writer.WriteAsync(company.Siren, NpgsqlDbType.Varchar);
                await writer.WriteAsync($"{company.Name} – Siège", NpgsqlDbType.Varchar);
                await writer.WriteAsync("1 rue de la République", NpgsqlDbType.Varchar);
                await writer.WriteAsync(company.PostalCode, NpgsqlDbType.Varchar);
                await writer.WriteAsync(company.City, NpgsqlDbType.Varchar);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
            }
            await writer.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE companies; ANALYZE establishments;", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
