using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Opco.Testing;

/// <summary>
/// The whole portal started from the AppHost's app model with Aspire.Hosting.Testing: random ports, a throw-away data
/// folder, the Development environment (the developers' run mode), and the settings that exist only for tests.
/// </summary>
public sealed class PortalApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly DistributedApplication _app;
    private readonly DirectoryInfo _dataDirectory;
    private readonly FileLoggerProvider _log;
    private readonly IReadOnlyDictionary<string, string> _connectionStrings;
    private readonly IReadOnlyDictionary<string, string> _parameters;

    private PortalApp(DistributedApplication app, DirectoryInfo dataDirectory, FileLoggerProvider log,
        IReadOnlyDictionary<string, string> connectionStrings, IReadOnlyDictionary<string, string> parameters)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        _log = log;
        _connectionStrings = connectionStrings;
        _parameters = parameters;
        MailDev = new MailDevClient(GetEndpoint("mail"));
    }

    public DistributedApplication Application => _app;

    public ResourceNotificationService Notifications => _app.ResourceNotifications;

    public MailDevClient MailDev { get; }

    /// <summary>Everything the AppHost and its resources logged.</summary>
    public string LogPath => _log.Path;

    /// <param name="configure">Changes to the app model before it starts, e.g. a setting for one resource.</param>
    public static async Task<PortalApp> StartAsync(Action<IDistributedApplicationTestingBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("opco-tests-");
        // PostgreSQL runs as its own user and must traverse the folder.
        File.SetUnixFileMode(dataDirectory.FullName, (UnixFileMode)0b111_101_101);
        var logDirectory = Directory.CreateDirectory(Path.Combine(TestEnvironment.RepositoryRoot, "TestResults")).FullName;
        var log = new FileLoggerProvider(Path.Combine(logDirectory, $"apphost-{DateTime.Now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..40] + ".log"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        DistributedApplication? app = null;
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Opco_AppHost>(
                ["--environment=Development", $"--Opco:DataDirectory={dataDirectory.FullName}"], timeout.Token);
            builder.Services.AddLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(log);
            });
            ApplyTestSettings(builder);
            configure?.Invoke(builder);

            app = await builder.BuildAsync(timeout.Token);
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);

            var model = app.Services.GetRequiredService<DistributedApplicationModel>();
            var connectionStrings = new Dictionary<string, string>();
            foreach (var resource in model.Resources.OfType<IResourceWithConnectionString>())
                connectionStrings[resource.Name] = await resource.GetConnectionStringAsync(timeout.Token) ?? "";
            var parameters = new Dictionary<string, string>();
            foreach (var parameter in model.Resources.OfType<ParameterResource>())
                parameters[parameter.Name] = await parameter.GetValueAsync(timeout.Token) ?? "";
            return new PortalApp(app, dataDirectory, log, connectionStrings, parameters);
        }
        catch (Exception error)
        {
            if (app is not null)
                await app.DisposeAsync();
            log.Dispose();
            dataDirectory.Delete(recursive: true);
            throw new InvalidOperationException($"The portal did not start (log: {log.Path}).", error);
        }
    }

    public HttpClient CreateHttpClient(string resourceName) => _app.CreateHttpClient(resourceName, "http");

    /// <summary>An endpoint's URL (the resource's "http" endpoint unless named).</summary>
    public Uri GetEndpoint(string resourceName, string endpointName = "http") => _app.GetEndpoint(resourceName, endpointName);

    public string GetConnectionString(string name) =>
        _connectionStrings.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"No connection string '{name}'. Known: {string.Join(", ", _connectionStrings.Keys)}.", nameof(name));

    public bool HasConnectionString(string name) => _connectionStrings.ContainsKey(name);

    /// <summary>A value the AppHost generated (a parameter), e.g. an OAuth client secret.</summary>
    public string GetParameter(string name) =>
        _parameters.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"No parameter '{name}'. Known: {string.Join(", ", _parameters.Keys)}.", nameof(name));

    /// <summary>Waits until the resource's state satisfies <paramref name="condition"/> (at once if it already does).</summary>
    public async Task<CustomResourceSnapshot> WaitForAsync(string resourceName, Func<CustomResourceSnapshot, bool> condition, CancellationToken cancellationToken) =>
        (await Notifications.WaitForResourceAsync(resourceName, update => condition(update.Snapshot), cancellationToken)).Snapshot;

    public async ValueTask DisposeAsync()
    {
        MailDev.Dispose();
        await _app.DisposeAsync();
        _log.Dispose();
        _dataDirectory.Delete(recursive: true);
    }

    /// <summary>
    /// What only tests need: public endpoints hit hundreds of times from one address, jobs that run every second or two,
    /// no demo data, and PostgreSQL without durability (a throw-away cluster).
    /// </summary>
    private static void ApplyTestSettings(IDistributedApplicationTestingBuilder builder)
    {
        IResourceBuilder<ProjectResource> Project(string name) =>
            builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(project => project.Name == name));

        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
            builder.CreateResourceBuilder(project)
                .WithEnvironment("Seed__DemoData", "false")
                // No dashboard here, yet Aspire still gives every service an OTLP endpoint: each service would export
                // metrics, traces and logs every second to nothing, with retries, in bursts that take the CPU the tests
                // and benchmarks measure with.
                .WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        Project("gateway").WithEnvironment("Gateway__PublicRateLimit__PermitLimit", "100000");
        Project("notification").WithEnvironment("Notification__Alerts__Interval", "00:00:01");
        Project("onboarding").WithEnvironment("Onboarding__Reminders__Period", "00:00:02");
        builder.CreateResourceBuilder(builder.Resources.OfType<ExecutableResource>().Single(resource => resource.Name == "postgres"))
            .WithArgs("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
    }
}
