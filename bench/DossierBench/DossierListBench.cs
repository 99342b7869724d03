using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Opco.Bench.Dossier;

/// <summary>
/// "Mes dossiers": N dossiers written into dossierdb, spread over E establishments of which the user follows the first
/// (E = 1: every dossier is the user's), then pages of 50 read through the gateway with the list's sorts and filters,
/// one at a time. Target: p99 ≤ 50 ms.
/// </summary>
internal static class DossierListBench
{
    private static readonly string[] Statuses = ["Draft", "TransmissionRequested", "UnderReview", "AwaitingDocuments", "Accepted", "Refused", "Completed", "Cancelled"];
    private static readonly string[] Schemes = ["Plan", "SelectionDefi", "VersementVolontaire", "ProA"];
    private static readonly string[] Titles = ["Management d'équipe", "Sécurité incendie", "Excel avancé", "Anglais professionnel", "Soudure TIG",
        "Habilitation électrique", "Comptabilité générale", "Gestion de projet", "Paie et déclarations sociales", "Cariste CACES"];

    public static async Task RunAsync(HttpClient http, string connectionString, string siret, int count, int establishments, int queries)
    {
        var clock = Stopwatch.StartNew();
        var sirets = new[] { siret }.Concat(Enumerable.Range(0, establishments - 1)
            .Select(i => Opco.SharedKernel.FictionalIdentifiers.Siret(Opco.SharedKernel.FictionalIdentifiers.Siren(new Random(i)), 0))).ToArray();
        await LoadAsync(connectionString, sirets, count);
        Console.WriteLine($"Loaded {count:N0} dossiers over {establishments:N0} establishment(s) in {clock.Elapsed.TotalSeconds:0.0} s; "
                          + $"the user follows {siret}, {count / establishments:N0} dossiers");

        var random = new Random(7);
        (string Kind, string Query) Query() => random.Next(6) switch
        {
            0 => ("pages 1-20", $"?page={1 + random.Next(20)}&pageSize=50"),
            1 => ("by number", $"?page=1&pageSize=50&sort=number&direction={(random.Next(2) == 0 ? "asc" : "desc")}"),
            2 => ("by status", $"?page={1 + random.Next(5)}&pageSize=50&status={Statuses[random.Next(Statuses.Length)]}"),
            3 => ("scheme, by amount", $"?page=1&pageSize=50&scheme={Schemes[random.Next(Schemes.Length)]}&sort=requestedAmount&direction=desc"),
            4 => ("title word", $"?page=1&pageSize=50&search={Uri.EscapeDataString(Titles[random.Next(Titles.Length)].Split(' ')[0])}"),
            _ => ("siret, by start", $"?page=1&pageSize=50&siret={siret}&sort=startDate"),
        };
        // Warm-up (JIT, connection pools, pages in cache), not measured.
        for (var i = 0; i < 100; i++) await ListAsync(http, Query().Query);

        var timings = new List<(string Kind, double Milliseconds)>();
        var rows = 0;
        for (var i = 0; i < queries; i++)
        {
            var (kind, query) = Query();
            var started = Stopwatch.GetTimestamp();
            rows += await ListAsync(http, query);
            timings.Add((kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        var all = timings.Select(t => t.Milliseconds).Order().ToList();
        Console.WriteLine();
        Console.WriteLine($"GET /api/dossier/dossiers?… through the gateway, {count:N0} dossiers of which {count / establishments:N0} visible, {queries} pages of 50, sequential");
        Console.WriteLine($"  p50 {P(all, 50):0.0} ms   p95 {P(all, 95):0.0} ms   p99 {P(all, 99):0.0} ms   max {all[^1]:0.0} ms   ({rows:N0} rows read)");
        foreach (var kind in timings.GroupBy(t => t.Kind).OrderBy(g => g.Key))
        {
            var sorted = kind.Select(t => t.Milliseconds).Order().ToList();
            Console.WriteLine($"    {kind.Key,-18} p50 {P(sorted, 50),6:0.0} ms   p99 {P(sorted, 99),6:0.0} ms   ({sorted.Count} pages)");
        }
        Console.WriteLine("  target: p99 ≤ 50 ms");
    }

    private static async Task<int> ListAsync(HttpClient http, string query)
    {
        var page = await http.GetFromJsonAsync<JsonElement>("/api/dossier/dossiers" + query);
        return page.GetProperty("items").GetArrayLength();
    }

    private static async Task LoadAsync(string connectionString, string[] sirets, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var random = new Random(2026);
        var start = DateTimeOffset.UtcNow.AddYears(-3);
        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY dossiers (\"Id\", \"Siret\", \"Status\", \"CreatedBy\", \"CreatedByName\", \"CreatedAt\", \"UpdatedAt\", \"HandlerName\", " +
                         "\"SchemeCode\", \"Title\", \"StartDate\", \"EndDate\", \"Hours\", \"RequestedAmount\", \"GrantedAmount\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var created = start.AddMinutes(i * 15.0);
                var status = Statuses[random.Next(Statuses.Length)];
                var begins = DateOnly.FromDateTime(created.UtcDateTime).AddDays(30 + random.Next(60));
                var requested = Math.Round((decimal)(200 + random.NextDouble() * 5000), 2);
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(created), NpgsqlDbType.Uuid);
                await writer.WriteAsync(sirets[i % sirets.Length], NpgsqlDbType.Varchar);
                await writer.WriteAsync(status, NpgsqlDbType.Varchar);
                await writer.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await writer.WriteAsync("Données de banc d'essai", NpgsqlDbType.Varchar);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(created.AddDays(random.Next(10)), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync("conseiller@opco-demo.fr", NpgsqlDbType.Varchar);
                await writer.WriteAsync(Schemes[random.Next(Schemes.Length)], NpgsqlDbType.Varchar);
                await writer.WriteAsync($"{Titles[random.Next(Titles.Length)]} {i}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(begins, NpgsqlDbType.Date);
                await writer.WriteAsync(begins.AddDays(1 + random.Next(5)), NpgsqlDbType.Date);
                await writer.WriteAsync(7m * (1 + random.Next(10)), NpgsqlDbType.Numeric);
                await writer.WriteAsync(requested, NpgsqlDbType.Numeric);
                if (status is "Accepted" or "Completed") await writer.WriteAsync(requested, NpgsqlDbType.Numeric);
                else await writer.WriteNullAsync();
            }
            await writer.CompleteAsync();
        }
        // As autovacuum leaves a table in steady state: statistics, and the visibility map that lets counts read the index
        // only. A vacuum marks no page all-visible while any transaction older than the load runs (the services' relays
        // poll), so vacuum until every page is.
        for (var attempt = 1; ; attempt++)
        {
            await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE dossiers;", connection)) await vacuum.ExecuteNonQueryAsync();
            await using var pages = new NpgsqlCommand("SELECT relallvisible >= relpages FROM pg_class WHERE relname = 'dossiers'", connection);
            if ((bool)(await pages.ExecuteScalarAsync())!) break;
            if (attempt == 50) throw new InvalidOperationException("The dossiers' pages never became all-visible.");
            await Task.Delay(200);
        }
    }

    private static double P(List<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
