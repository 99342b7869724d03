using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Opco.SharedKernel;
using Opco.SharedKernel.Search;

namespace Opco.Bench.Dossier;

/// <summary>
/// Step "Organisme": N generated training providers (one to four sites per NDA) written into dossierdb, then a mix of
/// queries (SIRET, NDA, name prefix, name without accents, name with a typo, a word of the name) through the gateway,
/// one at a time. Target: p99 ≤ 50 ms.
/// </summary>
internal static class ProviderSearchBench
{
    private static readonly string[] Kinds = ["siret", "nda", "prefix", "accents", "typo", "word"];
    private static readonly string[] Prefixes = ["Institut", "Centre de formation", "Académie", "École", "Atelier", "Campus", "Organisme"];
    private static readonly string[] Themes = ["Bureautique", "Comptabilité", "Management", "Sécurité", "Électricité", "Soudure", "Logistique",
        "Numérique", "Langues", "Hôtellerie", "Mécanique", "Santé", "Vente", "Paie", "Qualité", "Énergie", "Menuiserie", "Pâtisserie"];
    private static readonly string[] Surnames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
        "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau"];
    private static readonly string[] Cities = ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Rennes", "Lille", "Bordeaux", "Angers",
        "Brest", "Dijon", "Nîmes", "Orléans", "Besançon", "Périgueux", "Évry", "Saint-Étienne", "Clermont-Ferrand"];

    private sealed record Provider(string Siret, string Nda, string Name, string Theme, string Surname, string City);

    private sealed record Query(string Kind, string Text, Provider Provider);

    public static async Task RunAsync(HttpClient http, string connectionString, string siret, int count, int queries)
    {
        var providers = Generate(count, new Random(2026));
        var clock = Stopwatch.StartNew();
        await LoadAsync(connectionString, providers);
        Console.WriteLine($"Loaded {providers.Count:N0} training providers ({providers.Select(p => p.Nda).Distinct().Count():N0} NDAs) in {clock.Elapsed.TotalSeconds:0.0} s");

        var path = $"/api/dossier/establishments/{siret}/training-providers?q=";
        // Warm-up (JIT, connection pools, index pages in cache), not measured.
        foreach (var query in Mix(providers, 100, new Random(1))) await SearchAsync(http, path, query);
        var results = new List<(Query Query, double Ms, bool Relevant)>();
        foreach (var query in Mix(providers, queries, new Random(7)))
        {
            var started = Stopwatch.GetTimestamp();
            var hits = await SearchAsync(http, path, query);
            results.Add((query, Stopwatch.GetElapsedTime(started).TotalMilliseconds, hits.Count > 0 && IsAnswered(query, hits)));
        }

        Console.WriteLine();
        Console.WriteLine($"GET /api/dossier/establishments/{{siret}}/training-providers?q=… through the gateway, {count:N0} providers, {results.Count} queries, sequential");
        Console.WriteLine($"  {"kind",-8} {"n",4} {"p50",8} {"p95",8} {"p99",8} {"max",8}   answered");
        foreach (var group in results.GroupBy(r => r.Query.Kind).Append(results.GroupBy(_ => "all").Single()))
        {
            var ms = group.Select(r => r.Ms).Order().ToList();
            Console.WriteLine($"  {group.Key,-8} {ms.Count,4} {P(ms, 50),6:0.0}ms {P(ms, 95),6:0.0}ms {P(ms, 99),6:0.0}ms {ms[^1],6:0.0}ms   "
                              + $"{100.0 * group.Count(r => r.Relevant) / ms.Count,5:0}%");
        }
        Console.WriteLine("  target: p99 ≤ 50 ms");
        Console.WriteLine("  answered: the site for a SIRET; every site of the NDA for an NDA; a first hit starting with a prefix, holding a word");
        Console.WriteLine("  starting with a fragment, or with the intended theme and surname for a query without accents or with a typo.");
    }

    private static bool IsAnswered(Query query, List<(string Siret, string Nda, string Name)> hits)
    {
        var name = SearchText.Normalize(hits[0].Name);
        return query.Kind switch
        {
            "siret" => hits[0].Siret == query.Provider.Siret,
            "nda" => hits.All(h => h.Nda == query.Provider.Nda) && hits.Any(h => h.Siret == query.Provider.Siret),
            "prefix" => name.StartsWith(SearchText.Normalize(query.Text), StringComparison.Ordinal),
            "word" => name.Split(' ').Any(w => w.StartsWith(SearchText.Normalize(query.Text), StringComparison.Ordinal)),
            _ => $" {name} ".Contains($" {SearchText.Normalize(query.Provider.Theme)} ", StringComparison.Ordinal)
                 && $" {name} ".Contains($" {SearchText.Normalize(query.Provider.Surname)} ", StringComparison.Ordinal),
        };
    }

    private static async Task<List<(string Siret, string Nda, string Name)>> SearchAsync(HttpClient http, string path, Query query)
    {
        var hits = await http.GetFromJsonAsync<JsonElement>(path + Uri.EscapeDataString(query.Text));
        return [.. hits.EnumerateArray().Select(h => (h.GetProperty("siret").GetString()!, h.GetProperty("nda").GetString()!, h.GetProperty("name").GetString()!))];
    }

    private static List<Provider> Generate(int count, Random random)
    {
        var providers = new List<Provider>(count);
        var sirens = new HashSet<string>();
        while (providers.Count < count)
        {
            var siren = FictionalIdentifiers.Siren(random);
            if (!sirens.Add(siren)) continue;
            var nda = random.NextInt64(10_000_000_000, 100_000_000_000).ToString(CultureInfo.InvariantCulture);
            var theme = Pick(random, Themes);
            var surname = Pick(random, Surnames);
            var name = $"{Pick(random, Prefixes)} {theme} {surname}";
            var sites = random.Next(10) < 7 ? 1 : 2 + random.Next(3);
            for (var site = 0; site < sites && providers.Count < count; site++)
            {
                var city = Pick(random, Cities);
                providers.Add(new Provider(FictionalIdentifiers.Siret(siren, site), nda, site == 0 ? name : $"{name} {city}", theme, surname, city));
            }
        }
        return providers;
    }

    private static List<Query> Mix(List<Provider> providers, int count, Random random) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var provider = providers[random.Next(providers.Count)];
            var kind = Kinds[i % Kinds.Length];
            var text = kind switch
            {
                "siret" => $"{provider.Siret[..3]} {provider.Siret[3..6]} {provider.Siret[6..9]} {provider.Siret[9..]}",
                "nda" => provider.Nda,
                "prefix" => provider.Name[..Math.Min(provider.Name.Length, 3 + random.Next(12))],
                "accents" => SearchText.Normalize($"{provider.Theme} {provider.Surname}"),
                "typo" => $"{Typo(random, provider.Theme)} {Typo(random, provider.Surname)}".ToLowerInvariant(),
                _ => provider.Surname[..Math.Min(provider.Surname.Length, 4 + random.Next(4))],
            };
            return new Query(kind, text, provider);
        })];

    private static string Typo(Random random, string word)
    {
        if (word.Length < 5) return word;
        var at = 1 + random.Next(word.Length - 2);
        return random.Next(3) switch
        {
            0 => word.Remove(at, 1),
            1 => word.Insert(at, word[at].ToString()),
            _ => word[..at] + (char)('a' + random.Next(26)) + word[(at + 1)..],
        };
    }

    /// <summary>COPY straight into dossierdb: bench data, with the search name the service would store.</summary>
    private static async Task LoadAsync(string connectionString, List<Provider> providers)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        await using (var writer = await connection.BeginBinaryImportAsync(
                         "COPY training_providers (\"Id\", \"Siret\", \"Nda\", \"Name\", \"SearchName\", \"Address\", \"PostalCode\", \"City\", " +
                         "\"IsQualiopiCertified\", \"EncryptedIban\", \"MaskedIban\", \"CreatedBy\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var provider in providers)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(provider.Siret, NpgsqlDbType.Varchar);
                await writer.WriteAsync(provider.Nda, NpgsqlDbType.Varchar);
                await writer.WriteAsync(provider.Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync(SearchText.Normalize(provider.Name), NpgsqlDbType.Varchar);
                await writer.WriteAsync("1 avenue de la Formation", NpgsqlDbType.Varchar);
                await writer.WriteAsync("75001", NpgsqlDbType.Varchar);
                await writer.WriteAsync(provider.City, NpgsqlDbType.Varchar);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteNullAsync();
                await writer.WriteNullAsync();
                await writer.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE training_providers;", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static double P(List<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
