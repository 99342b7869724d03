using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Opco.IntegrationTests.Support;
using Opco.Testing;

namespace Opco.IntegrationTests.Platform;

/// <summary>
/// The AppHost started as <c>./run.sh</c> starts it (its own process, Development, the dashboard on), but isolated:
/// random ports and a throw-away data folder, so it runs beside the suite's own portal.
/// </summary>
[Collection(DisruptiveCollection.Name)]
public sealed partial class RunModeTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_developer_run_reports_readiness_traces_a_request_across_services_and_stops_everything_cleanly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("opco-run-");
        File.SetUnixFileMode(data.FullName, (UnixFileMode)0b111_101_101);
        var apiKey = Guid.NewGuid().ToString("N");
        var output = new ConcurrentQueue<string>();
        using var appHost = Start(data.FullName, apiKey, output);
        try
        {
            // The console tells the story of the start, and nothing of what the services log.
            var ready = await WaitForLineAsync(output, appHost, line => line.Contains("resources ready in"), StartTimeout);
            var console = output.ToArray();
            var dashboardUrl = new Uri(DashboardLogin().Match(string.Join(Environment.NewLine, console)).Groups["url"].Value);
            foreach (var resource in new[] { "postgres", "messaging", "mail", "identity-migrations", "identity", "gateway" })
                Assert.Contains(console, line => line.Contains($" {resource} ready ("));
            Assert.DoesNotContain(console, line => line.Contains("Microsoft.Hosting.Lifetime") || line.Contains("Now listening on: http://localhost:8080"));
            var portal = new Uri(Regex.Match(await WaitForLineAsync(output, appHost, line => line.Contains("Portail: "), StartTimeout), "http://[^ ]+").Value);

            // One request through the gateway: onboarding commits it, its outbox publishes, notification consumes it.
            using var gateway = new HttpClient { BaseAddress = portal };
            var submitted = await gateway.PostAsJsonAsync("/api/onboarding/account-requests",
                AccountRequestPayloads.Valid(TestEmails.Unique()), cancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            using var dashboard = new HttpClient { BaseAddress = dashboardUrl };
            dashboard.DefaultRequestHeaders.Add("x-api-key", apiKey);
            var lastAnswer = "";
            await Eventually.HoldsAsync(async () =>
                {
                    // 404 until the gateway's first spans reach the dashboard.
                    using var traces = await dashboard.GetAsync("/api/telemetry/traces?resource=gateway", cancellationToken);
                    lastAnswer = $"{(int)traces.StatusCode} {await traces.Content.ReadAsStringAsync(cancellationToken)}";
                    return traces.IsSuccessStatusCode && TraceAcross(await traces.Content.ReadAsStringAsync(cancellationToken), "gateway", "onboarding", "notification");
                },
                TimeSpan.FromSeconds(60), () => $"a trace from the gateway through onboarding to notification's consumer, in the dashboard (last answer: {lastAnswer[..Math.Min(300, lastAnswer.Length)]})");

            // SIGTERM (Ctrl+C alike) stops everything the run started, and PostgreSQL shuts down cleanly.
            var started = ProcessTree.Descendants(
                [appHost.Id, .. ProcessTree.WithCommandLineContaining($"--monitor {appHost.Id}").Select(dcp => dcp.Pid)]);
            Assert.Contains(started, process => process.CommandLine.Contains("postgres"));
            Assert.Contains(started, process => process.CommandLine.Contains("beam.smp"));
            Signals.Send(appHost.Id, Signals.SigTerm);
            await appHost.WaitForExitAsync(new CancellationTokenSource(StopTimeout).Token);
            await Eventually.HoldsAsync(() => Task.FromResult(!started.Any(ProcessTree.IsAlive)), StopTimeout,
                () => $"every process of the run gone; left: {string.Join("; ", started.Where(ProcessTree.IsAlive).Select(p => p.CommandLine))}");
            Assert.Contains("Database cluster state:               shut down", await ControlDataAsync(Path.Combine(data.FullName, "postgres", "data")));
        }
        finally
        {
            if (!appHost.HasExited)
                appHost.Kill(entireProcessTree: true);
            File.WriteAllLines(Path.Combine(TestEnvironment.RepositoryRoot, "TestResults", "run-mode-apphost.log"), output);
            await Eventually.HoldsAsync(() => Task.FromResult(ProcessTree.WithCommandLineContaining(data.FullName).Count == 0), StopTimeout, "no process left on the data folder");
            data.Delete(recursive: true);
        }
    }

    /// <remarks>Isolated runs (random ports) give the dashboard random ports too: it is found from the console.</remarks>
    private static Process Start(string data, string apiKey, ConcurrentQueue<string> output)
    {
        var info = new ProcessStartInfo("dotnet", [TestEnvironment.AppHostDll])
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = "http://localhost:18888",
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://localhost:18889",
                ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
                ["ASPIRE_VERSION_CHECK_DISABLED"] = "true",
                ["AppHost__DashboardApiKey"] = apiKey,
                // Isolated: ports allocated, data in the throw-away folder.
                ["DcpPublisher__RandomizePorts"] = "true",
                ["Opco__DataDirectory"] = data,
            },
        };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> WaitForLineAsync(ConcurrentQueue<string> output, Process appHost, Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (output.FirstOrDefault(match) is { } line)
                return line;
            if (appHost.HasExited)
                Assert.Fail($"The AppHost exited with code {appHost.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, output.TakeLast(40))}");
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Not printed within {timeout.TotalSeconds:0} s:{Environment.NewLine}{string.Join(Environment.NewLine, output.TakeLast(40))}");
            await Task.Delay(200);
        }
    }

    /// <summary>True when one trace holds spans of every one of <paramref name="services"/> (OTLP JSON from the dashboard's API).</summary>
    private static bool TraceAcross(string otlpJson, params string[] services)
    {
        using var document = JsonDocument.Parse(otlpJson);
        var tracesByService = new Dictionary<string, HashSet<string>>();
        foreach (var resourceSpans in document.RootElement.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = resourceSpans.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .Where(attribute => attribute.GetProperty("key").GetString() == "service.name")
                .Select(attribute => attribute.GetProperty("value").GetProperty("stringValue").GetString()!)
                .FirstOrDefault() ?? "";
            var traces = tracesByService.TryGetValue(service, out var existing) ? existing : tracesByService[service] = [];
            foreach (var scope in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            foreach (var span in scope.GetProperty("spans").EnumerateArray())
                traces.Add(span.GetProperty("traceId").GetString()!);
        }
        return services.Select(service => tracesByService.GetValueOrDefault(service) ?? [])
            .Aggregate((common, next) => [.. common.Intersect(next)])
            .Count > 0;
    }

    private static async Task<string> ControlDataAsync(string dataDirectory)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(dir => dir).First();
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(bin, "bin", "pg_controldata"), [dataDirectory]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }

    [GeneratedRegex(@"Login to the dashboard at (?<url>http://localhost:\d+)/login\?t=")]
    private static partial Regex DashboardLogin();
}
