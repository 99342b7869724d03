using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Messaging.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Opco.Testing.Messaging;

/// <summary>
/// A minimal service built on the real building block (AddServiceDatabase + AddReliableMessaging) against the
/// real PostgreSQL and RabbitMQ: producers relay ProbeEvents, consumers apply them.
/// </summary>
public sealed class ProbeHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ProbeHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;
    public ProbeObservations Observations => Services.GetRequiredService<ProbeObservations>();

    public static async Task<ProbeHost> StartAsync(string serviceName, string databaseConnectionString, string messagingConnectionString,
        Action<IBusRegistrationConfigurator>? consumers = null, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:probedb"] = databaseConnectionString,
            ["ConnectionStrings:messaging"] = messagingConnectionString,
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:Outbox:MaxRetryDelay"] = "00:00:01",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:03",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDatabase<ProbeDbContext>("probedb");
        builder.AddReliableMessaging<ProbeDbContext>(serviceName, consumers);
        builder.Services.AddSingleton<ProbeObservations>();
        // Consumers must be bound before a test publishes, or the broker drops what nobody listens to yet.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Database;
            // A probe's schema is made from its model, with no migration: add what the services' migrations add.
            if (await database.EnsureCreatedAsync()) await database.ExecuteSqlRawAsync(OutboxCommitOrder.CreateSql);
        }
        await host.StartAsync();
        return new ProbeHost(host);
    }

    /// <summary>Commits one event per transaction, as a request handler would.</summary>
    public async Task CommitAsync(ProbeEvent probe)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        db.PublishOnCommit(probe with { CommittedAt = DateTimeOffset.UtcNow }, probe.Aggregate);
        await db.SaveChangesAsync();
    }

    public async Task<T> QueryAsync<T>(Func<ProbeDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }

    public Task<int> EffectCountAsync(string scenario) =>
        QueryAsync(db => db.Effects.CountAsync(e => e.Scenario == scenario));

    public Task<int> PendingCountAsync() => QueryAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
