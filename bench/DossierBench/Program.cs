using System.Net;
using System.Net.Http.Headers;
using Opco.Bench.Dossier;
using Opco.SharedKernel.Habilitations;
using Opco.Testing;
using Opco.Testing.Portal;

// The dossier service's benchmarks on the real stack (the AppHost's app model through Aspire.Hosting.Testing), each
// through the gateway as a signed-in user holding "Prise en charge" on one establishment:
//   import     employee import by file (--lines 10000), target ≤ 10 s
//   providers  training provider search (--providers 50000 --queries 600), target p99 ≤ 50 ms
//   list       "Mes dossiers", pages of 50 (--dossiers 100000 --establishments 100 --queries 600), target p99 ≤ 50 ms
// --hold keeps the system and its data up afterwards, to look at query plans.
var bench = args.FirstOrDefault() ?? "import";
if (bench is not ("import" or "providers" or "list"))
{
    Console.Error.WriteLine("Usage: Opco.Bench.Dossier import|providers|list [options]");
    return 2;
}
const string Siret = "73282932000074";

Console.WriteLine("Starting the system (the AppHost's app model, isolated: random ports, throw-away data)…");
await using var app = await PortalApp.StartAsync();
var gateway = app.GetEndpoint("gateway");
await using var users = new IdentityUsers(app.GetConnectionString("identitydb"));
var user = await PortalUser.SignInAsync(users, gateway, app.GetParameter("web-client-secret"), $"bench-{bench}");
await using (var events = await UserRightsEvents.StartAsync(app.GetConnectionString("messaging")))
    await events.PublishAsync(UserRightsEvents.Habilitations(user.Id, Siret, DateTimeOffset.UtcNow, Habilitation.PriseEnCharge));

using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
var deadline = DateTime.UtcNow.AddSeconds(60);
while ((await http.GetAsync($"/api/dossier/establishments/{Siret}/permissions")).StatusCode != HttpStatusCode.OK)
{
    if (DateTime.UtcNow > deadline) throw new TimeoutException("The dossier service never learnt the user's rights.");
    await Task.Delay(100);
}

switch (bench)
{
    case "import":
        await EmployeeImportBench.RunAsync(http, Siret, CommandLine.Int(args, "--lines", 10_000));
        break;
    case "providers":
        await ProviderSearchBench.RunAsync(http, app.GetConnectionString("dossierdb"), Siret,
            CommandLine.Int(args, "--providers", 50_000), CommandLine.Int(args, "--queries", 600));
        break;
    default:
        await DossierListBench.RunAsync(http, app.GetConnectionString("dossierdb"), Siret,
            CommandLine.Int(args, "--dossiers", 100_000), CommandLine.Int(args, "--establishments", 100), CommandLine.Int(args, "--queries", 600));
        break;
}
if (args.Contains("--hold"))
{
    // For EXPLAIN by hand: the system stays up with the benchmark's data until the process is stopped.
    // The connection string holds the throw-away database's password: into a file only its owner reads, not the console.
    var connectionFile = Path.Combine(Path.GetTempPath(), $"opco-bench-dossierdb-{Environment.ProcessId}.txt");
    File.WriteAllText(connectionFile, "");
    File.SetUnixFileMode(connectionFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    File.WriteAllText(connectionFile, app.GetConnectionString("dossierdb"));
    Console.WriteLine($"Holding the system until SIGTERM or Ctrl+C; dossierdb's connection string is in {connectionFile}");
    using var stop = new CancellationTokenSource();
    using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM,
        signal => { signal.Cancel = true; stop.Cancel(); });
    using var onInt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT,
        signal => { signal.Cancel = true; stop.Cancel(); });
    await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    File.Delete(connectionFile);
}
return 0;
