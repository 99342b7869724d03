using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Opco.Testing;
using Opco.Testing.Portal;

// The home page on the real stack (the AppHost's app model through Aspire.Hosting.Testing, with the run mode's demo
// data), server-side, as the demo manager (gestionnaire@atelier-demo.fr, Gestionnaire on ATELIER DÉMO's two
// establishments). The page does not prerender: its data comes over the Blazor circuit from these API calls through the
// gateway, which is what one page load measures here, as the page makes them:
//   1. the signed-in user, once per circuit (CurrentUser): identity's profile, then the establishments (their managers
//      included), then onboarding's offer and advisor of the preferred establishment;
//   2. then at once: the dossier service's home summary of the establishment, the notification service's (unread count,
//      latest notifications, latest three news), finance's accounts (« Mon plan »), and the layout's bell (unread count).
// Before measuring, the manager files --dossiers drafts and --contracts contract drafts and the Versement Volontaire is
// credited, so that the blocks have rows. --pages page loads, one at a time, after --warmup seconds of uncounted ones
// (the first half-minute after a start is every process compiling its hot paths). Target: p99 ≤ 300 ms.
const string Siret = "73282932000074";
const string Scope = "openid profile email identity onboarding dossier finance notification";
var pages = CommandLine.Int(args, "--pages", 1000);
var warmup = CommandLine.Int(args, "--warmup", 30);
var dossiers = CommandLine.Int(args, "--dossiers", 30);
var contracts = CommandLine.Int(args, "--contracts", 10);

Console.WriteLine("Starting the system (the AppHost's app model with the demo data, isolated: random ports, throw-away data)…");
await using var app = await PortalApp.StartAsync(builder =>
{
    foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        builder.CreateResourceBuilder(project).WithEnvironment("Seed__DemoData", "true");
});
var gateway = app.GetEndpoint("gateway");
var manager = await SignInAsync("gestionnaire@atelier-demo.fr");
var administrator = await SignInAsync("admin@opco-demo.fr");

// Every service learns the demo users and registry from identity's and onboarding's events.
await WaitAsync(manager, $"/api/dossier/establishments/{Siret}/permissions", "the dossier service knows the manager");
await WaitAsync(manager, $"/api/notification/establishments/{Siret}/permissions", "the notification service knows the manager");
await WaitAsync(manager, $"/api/finance/establishments/{Siret}/permissions", "the finance service knows the manager");
for (var i = 0; i < dossiers; i++) (await manager.PostAsync($"/api/dossier/establishments/{Siret}/dossiers", null)).EnsureSuccessStatusCode();
for (var i = 0; i < contracts; i++) (await manager.PostAsync($"/api/dossier/establishments/{Siret}/contracts", null)).EnsureSuccessStatusCode();
(await administrator.PostAsJsonAsync("/api/finance/admin/accounts/credits", new
{
    kind = "CompanyAccount", siren = Siret[..9], source = "Versement Volontaire", amount = 1200m, reference = "Versement encaissé", cause = "CashReceipt",
})).EnsureSuccessStatusCode();
var summary = await manager.GetFromJsonAsync<JsonElement>($"/api/notification/me/home?siret={Siret}");
Console.WriteLine($"Arranged {dossiers} dossier drafts, {contracts} contract drafts, a Versement Volontaire credit; the home shows {summary.GetProperty("news").GetArrayLength()} news");

string[] calls = ["identity me", "identity establishments", "onboarding offer", "dossier home", "notification home", "finance accounts", "bell"];
var timings = calls.ToDictionary(c => c, _ => new List<double>());
var whole = new List<double>();
var warming = Stopwatch.StartNew();
var warmed = 0;
for (; warming.Elapsed.TotalSeconds < warmup; warmed++) await PageAsync(null);
Console.WriteLine($"Warmed up with {warmed} page loads in {warming.Elapsed.TotalSeconds:0} s");
for (var i = 0; i < pages; i++) whole.Add(await PageAsync(timings));

whole.Sort();
Console.WriteLine();
Console.WriteLine($"The home page's server-side data through the gateway as the demo manager, {pages} page loads, one at a time");
Console.WriteLine($"  whole page   p50 {P(whole, 50),6:0.0} ms   p95 {P(whole, 95),6:0.0} ms   p99 {P(whole, 99),6:0.0} ms   max {whole[^1],6:0.0} ms");
foreach (var call in calls)
{
    var sorted = timings[call].Order().ToList();
    Console.WriteLine($"    {call,-24} p50 {P(sorted, 50),6:0.0} ms   p95 {P(sorted, 95),6:0.0} ms   p99 {P(sorted, 99),6:0.0} ms");
}
Console.WriteLine("  target: whole page p99 ≤ 300 ms");
return 0;

async Task<double> PageAsync(Dictionary<string, List<double>>? record)
{
    var started = Stopwatch.GetTimestamp();
    await TimedAsync("identity me", "/api/identity/me", record);
    await TimedAsync("identity establishments", "/api/identity/me/establishments", record);
    await TimedAsync("onboarding offer", $"/api/onboarding/establishments/{Siret}/offer", record);
    await Task.WhenAll(
        TimedAsync("dossier home", $"/api/dossier/establishments/{Siret}/home", record),
        TimedAsync("notification home", $"/api/notification/me/home?siret={Siret}", record),
        TimedAsync("finance accounts", "/api/finance/accounts", record),
        TimedAsync("bell", "/api/notification/me/unread-count", record));
    return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

async Task TimedAsync(string call, string path, Dictionary<string, List<double>>? record)
{
    var started = Stopwatch.GetTimestamp();
    using var response = await manager.GetAsync(path);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (record is not null) lock (record) record[call].Add(elapsed);
}

async Task<HttpClient> SignInAsync(string email)
{
    using var oidc = new OidcClient(gateway, "opco-web", app.GetParameter("web-client-secret"));
    var outcome = await oidc.SignInWithCodeAsync(email, "Portail-demo-2026", Scope);
    var tokens = outcome.Tokens ?? throw new InvalidOperationException($"Sign-in refused for {email}: {outcome.RefusalPage}");
    var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(1) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
    return http;
}

static async Task WaitAsync(HttpClient http, string path, string what)
{
    var deadline = DateTime.UtcNow.AddSeconds(120);
    while ((await http.GetAsync(path)).StatusCode != HttpStatusCode.OK)
    {
        if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not true after 120 s: {what}.");
        await Task.Delay(200);
    }
}

static double P(List<double> sorted, double percentile) =>
    sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
