using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.Bench.Search;
using Opco.Testing;

// "Recherchez votre entreprise" on the real stack (the AppHost's app model through Aspire.Hosting.Testing): 100,000 generated companies in
// onboardingdb, then a few hundred varied queries through the gateway's public endpoint, one at a time.
var companies = CommandLine.Int(args, "--companies", 100_000);
var queries = CommandLine.Int(args, "--queries", 600);

Console.WriteLine("Starting the system (the AppHost's app model, isolated: random ports, throw-away data)…");
await using var app = await PortalApp.StartAsync();
var generated = GeneratedCompany.Many(companies, seed: 2026);
var clock = Stopwatch.StartNew();
await BulkRegistry.LoadAsync(app.GetConnectionString("onboardingdb"), generated);
Console.WriteLine($"Loaded {companies:N0} companies and their head offices in {clock.Elapsed.TotalSeconds:0.0} s");

using var gateway = app.CreateHttpClient("gateway");
var mix = QueryMix.Build(generated, queries, seed: 7);
// Warm-up (JIT, connection pools, index pages in cache), not measured.
foreach (var query in QueryMix.Build(generated, 100, seed: 1)) await SearchAsync(query);

var results = new List<(BenchQuery Query, double Ms, bool Relevant)>();
foreach (var query in mix)
{
    var started = Stopwatch.GetTimestamp();
    var hits = await SearchAsync(query);
    results.Add((query, Stopwatch.GetElapsedTime(started).TotalMilliseconds, hits.Count > 0 && query.IsAnswered(hits[0])));
}

Console.WriteLine();
Console.WriteLine($"GET /api/onboarding/directory/companies?q=… through the gateway, {companies:N0} companies, {results.Count} queries, sequential");
Console.WriteLine($"  {"kind",-8} {"n",4} {"p50",8} {"p95",8} {"p99",8} {"max",8}   first hit relevant");
foreach (var group in results.GroupBy(r => r.Query.Kind).Append(results.GroupBy(_ => "all").Single()))
{
    var ms = group.Select(r => r.Ms).Order().ToList();
    Console.WriteLine($"  {group.Key,-8} {ms.Count,4} {P(ms, 50),6:0.0}ms {P(ms, 95),6:0.0}ms {P(ms, 99),6:0.0}ms {ms[^1],6:0.0}ms   "
                      + $"{100.0 * group.Count(r => r.Relevant) / ms.Count,5:0}%");
}
Console.WriteLine("  target: ≤ 50 ms");
Console.WriteLine("  relevant: the company itself for a SIREN or SIRET; a name starting with a prefix; a name with a word starting with a");
Console.WriteLine("  word fragment; a name with the intended activity and surname for a query without accents or with typos.");
Console.WriteLine();
Console.WriteLine("Examples:");
foreach (var example in mix.Take(Math.Min(12, mix.Count)))
{
    var first = (await SearchAsync(example)).FirstOrDefault()?.Name ?? "(aucun résultat)";
    Console.WriteLine($"  {example.Kind,-8} {example.Text,-36} → {first}");
}
return;

async Task<List<BenchHit>> SearchAsync(BenchQuery query)
{
    var hits = await gateway.GetFromJsonAsync<JsonElement>($"/api/onboarding/directory/companies?q={Uri.EscapeDataString(query.Text)}");
    return [.. hits.EnumerateArray().Select(h => new BenchHit(h.GetProperty("siren").GetString()!, h.GetProperty("name").GetString()!))];
}

static double P(List<double> sorted, double percentile) =>
    sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
