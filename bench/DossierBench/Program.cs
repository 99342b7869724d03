using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Opco.SharedKernel.Habilitations;
using Opco.Testing;
using Opco.Testing.Portal;

// "Import par fichier" of employees on the real stack (the AppHost's app model through Aspire.Hosting.Testing): one file of
// N generated lines sent through the gateway by a signed-in manager, as the dry run, the import (every line created),
// then the same file again (every line updated). Target: 10,000 lines in under 10 s.
var lines = CommandLine.Int(args, "--lines", 10_000);
const string Siret = "73282932000074";

Console.WriteLine("Starting the system (the AppHost's app model, isolated: random ports, throw-away data)…");
await using var app = await PortalApp.StartAsync();
var gateway = app.GetEndpoint("gateway");
await using var users = new IdentityUsers(app.GetConnectionString("identitydb"));
var manager = await PortalUser.SignInAsync(users, gateway, app.GetParameter("web-client-secret"), "bench-import");
await using (var events = await UserRightsEvents.StartAsync(app.GetConnectionString("messaging")))
    await events.PublishAsync(UserRightsEvents.Habilitations(manager.Id, Siret, DateTimeOffset.UtcNow, Habilitation.PriseEnCharge));

using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", manager.AccessToken);
var deadline = DateTime.UtcNow.AddSeconds(60);
while ((await http.GetAsync($"/api/dossier/establishments/{Siret}/permissions")).StatusCode != HttpStatusCode.OK)
{
    if (DateTime.UtcNow > deadline) throw new TimeoutException("The dossier service never learnt the manager's rights.");
    await Task.Delay(100);
}

var file = Generate(lines);
Console.WriteLine($"File: {lines:N0} lines, {file.Length / 1024.0 / 1024.0:0.0} MB");
// Warm-up (JIT, connection pools) on a small file of other employees, not measured.
await ImportAsync(Generate(200, prefix: "W"), dryRun: false);

Console.WriteLine();
Console.WriteLine($"POST /api/dossier/establishments/{{siret}}/employees/import through the gateway, {lines:N0} lines");
foreach (var (step, dryRun) in new[] { ("dry run (check only)", true), ("import (all created)", false), ("same file again (all updated)", false) })
{
    var clock = Stopwatch.StartNew();
    var report = await ImportAsync(file, dryRun);
    Console.WriteLine($"  {step,-30} {clock.Elapsed.TotalSeconds,6:0.00} s   valid {report.GetProperty("valid").GetInt32():N0}, " +
                      $"created {report.GetProperty("created").GetInt32():N0}, updated {report.GetProperty("updated").GetInt32():N0}, " +
                      $"errors {report.GetProperty("errors").GetArrayLength()}");
}
Console.WriteLine("  target: ≤ 10 s each");
return;

async Task<JsonElement> ImportAsync(byte[] csv, bool dryRun)
{
    var content = new ByteArrayContent(csv);
    content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    var response = await http.PostAsync($"/api/dossier/establishments/{Siret}/employees/import?dryRun={(dryRun ? "true" : "false")}", content);
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    return await response.Content.ReadFromJsonAsync<JsonElement>();
}

// Every line valid and distinct: names, dates, contracts and categories vary as in a real establishment.
static byte[] Generate(int count, string prefix = "B")
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

