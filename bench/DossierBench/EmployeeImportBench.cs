using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Opco.Bench.Dossier;

/// <summary>
/// "Import par fichier" of employees: one file of N generated lines as the dry run, the import (every line created),
/// then the same file again (every line updated). Target: 10,000 lines in under 10 s.
/// </summary>
internal static class EmployeeImportBench
{
    public static async Task RunAsync(HttpClient http, string siret, int lines)
    {
        var file = Generate(lines);
        Console.WriteLine($"File: {lines:N0} lines, {file.Length / 1024.0 / 1024.0:0.0} MB");
        // Warm-up (JIT, connection pools) on a small file of other employees, not measured.
        await ImportAsync(http, siret, Generate(200, prefix: "W"), dryRun: false);

        Console.WriteLine();
        Console.WriteLine($"POST /api/dossier/establishments/{{siret}}/employees/import through the gateway, {lines:N0} lines");
        foreach (var (step, dryRun) in new[] { ("dry run (check only)", true), ("import (all created)", false), ("same file again (all updated)", false) })
        {
            var clock = Stopwatch.StartNew();
            var report = await ImportAsync(http, siret, file, dryRun);
            Console.WriteLine($"  {step,-30} {clock.Elapsed.TotalSeconds,6:0.00} s   valid {report.GetProperty("valid").GetInt32():N0}, " +
                              $"created {report.GetProperty("created").GetInt32():N0}, updated {report.GetProperty("updated").GetInt32():N0}, " +
                              $"errors {report.GetProperty("errors").GetArrayLength()}");
        }
        Console.WriteLine("  target: ≤ 10 s each");
    }

    private static async Task<JsonElement> ImportAsync(HttpClient http, string siret, byte[] csv, bool dryRun)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await http.PostAsync($"/api/dossier/establishments/{siret}/employees/import?dryRun={(dryRun ? "true" : "false")}", content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // Every line valid and distinct: names, dates, contracts and categories vary as in a real establishment.
    private static byte[] Generate(int count, string prefix = "B")
    {
        string[] lastNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent"];
        string[] firstNames = ["Camille", "Léa", "Hugo", "Chloé", "Lucas", "Inès", "Louis", "Manon", "Jules", "Zoé", "Gabriel", "Jade"];
        string[] contracts = ["CDI", "CDI", "CDI", "CDD", "apprentissage", "professionnalisation"];
        string[] categories = ["Ouvrier", "Employé", "Technicien / agent de maîtrise", "Cadre"];
        var random = new Random(2026);
        var text = new StringBuilder("civilite;nom;prenom;date_naissance;matricule;date_entree;date_sortie;contrat;temps_travail;csp;emploi\r\n");
        for (var i = 0; i < count; i++)
        {
            var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 40 * 365));
            var entry = birth.AddYears(18).AddDays(random.Next(0, 5000));
            text.Append(i % 2 == 0 ? "Madame" : "Monsieur").Append(';').Append(lastNames[random.Next(lastNames.Length)]).Append(';')
                .Append(firstNames[random.Next(firstNames.Length)]).Append(';').Append(birth.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(';')
                .Append($"{prefix}{i:000000}").Append(';').Append(entry.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(";;")
                .Append(contracts[i % contracts.Length]).Append(';').Append(i % 5 == 0 ? "80" : "100").Append(';')
                .Append(categories[i % categories.Length]).Append(";Emploi ").Append(i % 40).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
