using System.Diagnostics;
using Opco.Bench.Outbox;
using Opco.Testing;
using Opco.Testing.Messaging;

// Outbox benchmark on the real stack (the AppHost's app model through Aspire.Hosting.Testing): steady-rate end-to-end latency, then relay throughput.
var rate = CommandLine.Int(args, "--rate", 200);
var duration = TimeSpan.FromSeconds(CommandLine.Int(args, "--seconds", 30));
var warmUp = TimeSpan.FromSeconds(CommandLine.Int(args, "--warmup", 30));
var backlog = CommandLine.Int(args, "--backlog", 20_000);

Console.WriteLine("Starting the system (the AppHost's app model, isolated: random ports, throw-away data)…");
await using var app = await PortalApp.StartAsync();
var scenario = new ProbeScenario(app.GetConnectionString("messaging"), app.GetConnectionString("onboardingdb"));
await QuietMachine.WaitAsync();

var latency = await SteadyRate.RunAsync(scenario, rate, warmUp, duration);
Console.WriteLine();
Console.WriteLine($"Steady rate: {rate} events/s for {duration.TotalSeconds:0} s after {warmUp.TotalSeconds:0} s of warm-up, commit → consumer effect committed");
Console.WriteLine($"  events     {latency.Count}");
Console.WriteLine($"  p50        {latency.Percentile(50):0.0} ms");
Console.WriteLine($"  p99        {latency.Percentile(99):0.0} ms   (target ≤ 50 ms)");
Console.WriteLine($"  max        {latency.Percentile(100):0.0} ms");

var throughput = await RelayThroughput.RunAsync(scenario, backlog);
Console.WriteLine();
Console.WriteLine($"Relay throughput: {backlog} events");
Console.WriteLine($"  committed  {throughput.CommittedPerSecond:0} events/s (one event per transaction, 8 writers)");
Console.WriteLine($"  relayed    {throughput.RelayedPerSecond:0} events/s (target ≥ 2,000)");
Debug.Assert(latency.Count > 0);
