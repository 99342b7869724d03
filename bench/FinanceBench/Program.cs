using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Opco.SharedKernel.Habilitations;
using Opco.Testing;
using Opco.Testing.Portal;

// "Mes comptes" on the real stack (the AppHost's app model through Aspire.Hosting.Testing), through the gateway as a
// signed-in user holding "Reporting" on one establishment: the company's "Plan obligatoire" holds N ledger lines
// (--lines 100000, over the last three years), other companies' accounts as many again; the periods are closed as the
// service does each day; then the synthesis and pages of the account's detail (--queries 600), one at a time.
// Target: p99 ≤ 50 ms.
const string Siret = "73282932000074";
const string Siren = "732829320";
var lines = CommandLine.Int(args, "--lines", 100_000);
var queries = CommandLine.Int(args, "--queries", 600);

Console.WriteLine("Starting the system (the AppHost's app model, isolated: random ports, throw-away data)…");
await using var app = await PortalApp.StartAsync();
var gateway = app.GetEndpoint("gateway");
await using var users = new IdentityUsers(app.GetConnectionString("identitydb"));
var user = await PortalUser.SignInAsync(users, gateway, app.GetParameter("web-client-secret"), "bench-accounts");
await using (var events = await UserRightsEvents.StartAsync(app.GetConnectionString("messaging")))
    await events.PublishAsync(UserRightsEvents.Habilitations(user.Id, Siret, DateTimeOffset.UtcNow, Habilitation.Reporting));
using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
var deadline = DateTime.UtcNow.AddSeconds(60);
while ((await http.GetAsync($"/api/finance/establishments/{Siret}/permissions")).StatusCode != HttpStatusCode.OK)
{
    if (DateTime.UtcNow > deadline) throw new TimeoutException("The finance service never learnt the user's rights.");
    await Task.Delay(100);
}

var clock = Stopwatch.StartNew();
await LoadAsync(app.GetConnectionString("financedb"), lines);
Console.WriteLine($"Loaded {lines:N0} lines on the user's company's « Plan obligatoire » and {lines:N0} on 99 other companies' in {clock.Elapsed.TotalSeconds:0.0} s");
// The history is three years old: an administrator closes its periods, as the finance service does each day.
var administrator = await PortalUser.SignInAsync(users, gateway, app.GetParameter("web-client-secret"), "bench-admin",
    account => account.StaffRole = Opco.Identity.Domain.StaffRole.Administrator);
using (var admin = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) })
{
    admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", administrator.AccessToken);
    var closing = await admin.PostAsync("/api/finance/admin/ledger-closing", null);
    closing.EnsureSuccessStatusCode();
    Console.WriteLine($"Closed the ledger's periods: {await closing.Content.ReadAsStringAsync()}");
}

var random = new Random(7);
string[] kinds = ["Credit", "Commitment", "Release", "Adjustment"];
var today = DateOnly.FromDateTime(DateTime.UtcNow);
(string Kind, string Path) Query() => random.Next(5) switch
{
    0 => ("synthesis", "/api/finance/accounts"),
    1 => ("detail, pages 1-20", $"/api/finance/accounts/{Siren}/plan-obligatoire?page={1 + random.Next(20)}&pageSize=50"),
    2 => ("detail, by kind", $"/api/finance/accounts/{Siren}/plan-obligatoire?page=1&pageSize=50&kind={kinds[random.Next(kinds.Length)]}"),
    3 => ("detail, a month", $"/api/finance/accounts/{Siren}/plan-obligatoire?page=1&pageSize=50&from={today.AddDays(-30 - random.Next(300)):yyyy-MM-dd}&to={today.AddDays(-random.Next(30)):yyyy-MM-dd}"),
    _ => ("other account", "/api/finance/accounts/732829320/versement-volontaire?page=1&pageSize=50"),
};
for (var i = 0; i < 100; i++) await http.GetFromJsonAsync<JsonElement>(Query().Path);

var timings = new List<(string Kind, double Milliseconds)>();
for (var i = 0; i < queries; i++)
{
    var (kind, path) = Query();
    var started = Stopwatch.GetTimestamp();
    await http.GetFromJsonAsync<JsonElement>(path);
    timings.Add((kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
}
var all = timings.Select(t => t.Milliseconds).Order().ToList();
Console.WriteLine();
Console.WriteLine($"GET /api/finance/accounts[/…] through the gateway, {lines:N0} lines on the account, {queries} requests, sequential");
Console.WriteLine($"  p50 {P(all, 50):0.0} ms   p95 {P(all, 95):0.0} ms   p99 {P(all, 99):0.0} ms   max {all[^1]:0.0} ms");
foreach (var kind in timings.GroupBy(t => t.Kind).OrderBy(g => g.Key))
{
    var sorted = kind.Select(t => t.Milliseconds).Order().ToList();
    Console.WriteLine($"    {kind.Key,-20} p50 {P(sorted, 50),6:0.0} ms   p99 {P(sorted, 99),6:0.0} ms   ({sorted.Count} requests)");
}
Console.WriteLine("  target: p99 ≤ 50 ms");
return 0;

static double P(List<double> sorted, double percentile) =>
    sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

// The company's three accounts and 99 other companies' « Plan obligatoire »; lines over the last three years, credits
// first so that the figures stay those of a real account (commitments fit, releases give back part of them).
static async Task LoadAsync(string connectionString, int count)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var random = new Random(2026);
    var accounts = new List<Guid>();
    foreach (var (siren, source) in new[] { ("732829320", "Plan obligatoire"), ("732829320", "Versement Volontaire"), ("732829320", "Sélection DEFi") }
                 .Concat(Enumerable.Range(0, 99).Select(i => (Opco.SharedKernel.FictionalIdentifiers.Siren(new Random(i)), "Plan obligatoire"))))
    {
        var id = Guid.CreateVersion7();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO funding_accounts ("Id", "Key", "Kind", "Siren", "Source", "Year", "OpenedAt")
            VALUES (@id, @key, 'CompanyAccount', @siren, @source, NULL, now())
            """, connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("key", $"company:{siren}:{source}");
        insert.Parameters.AddWithValue("siren", siren);
        insert.Parameters.AddWithValue("source", source);
        await insert.ExecuteNonQueryAsync();
        accounts.Add(id);
    }
    var start = DateTimeOffset.UtcNow.AddYears(-3);
    await using (var writer = await connection.BeginBinaryImportAsync(
                     "COPY ledger_entries (\"AccountId\", \"Kind\", \"Amount\", \"Cause\", \"CauseId\", \"Siren\", \"Reference\", \"RecordedBy\", \"RecordedAt\") FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < 2 * count; i++)
        {
            var mine = i % 2 == 0;
            var other = random.Next(99);
            var account = mine ? accounts[0] : accounts[3 + other];
            var (kind, cause) = (i / 2 % 10) switch
            {
                0 or 1 or 2 => ("Credit", "Allocation"),
                3 or 4 or 5 or 6 => ("Commitment", "Dossier"),
                7 or 8 => ("Release", "Dossier"),
                _ => ("Adjustment", "Correction"),
            };
            await writer.StartRowAsync();
            await writer.WriteAsync(account, NpgsqlDbType.Uuid);
            await writer.WriteAsync(kind, NpgsqlDbType.Varchar);
            await writer.WriteAsync(Math.Round((decimal)(100 + random.NextDouble() * 900), 2), NpgsqlDbType.Numeric);
            await writer.WriteAsync(cause, NpgsqlDbType.Varchar);
            if (cause == "Dossier") await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            else await writer.WriteNullAsync();
            await writer.WriteAsync(mine ? "732829320" : Opco.SharedKernel.FictionalIdentifiers.Siren(new Random(other)), NpgsqlDbType.Varchar);
            await writer.WriteAsync($"Ligne {i}", NpgsqlDbType.Varchar);
            await writer.WriteNullAsync();
            // Three years of lines, the last one now.
            await writer.WriteAsync(start.AddMinutes(i * (3 * 365.0 * 24 * 60 / (2 * count))), NpgsqlDbType.TimestampTz);
        }
        await writer.CompleteAsync();
    }
    // As autovacuum leaves a table in steady state: statistics, and the visibility map that lets sums read the index only.
    for (var attempt = 1; ; attempt++)
    {
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE ledger_entries;", connection)) await vacuum.ExecuteNonQueryAsync();
        await using var pages = new NpgsqlCommand("SELECT relallvisible >= relpages FROM pg_class WHERE relname = 'ledger_entries'", connection);
        if ((bool)(await pages.ExecuteScalarAsync())!) break;
        if (attempt == 50) throw new InvalidOperationException("The ledger's pages never became all-visible.");
        await Task.Delay(200);
    }
}
