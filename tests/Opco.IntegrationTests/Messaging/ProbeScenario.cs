using MassTransit;
using Opco.IntegrationTests.Messaging.Probe;
using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.Messaging;

/// <summary>A fresh database and unique queue names for one test, on the running system's PostgreSQL and RabbitMQ.</summary>
public sealed class ProbeScenario(AppFixture fixture)
{
    public string Name { get; } = $"s{Guid.NewGuid():N}"[..12];
    public string Messaging => fixture.App.GetConnectionString("messaging");

    public async Task<string> DatabaseAsync() =>
        await TestDatabase.CreateAsync(fixture.App.GetConnectionString("onboardingdb"), $"probe_{Name}");

    public Task<ProbeHost> ProducerAsync(string database, IDictionary<string, string?>? settings = null) =>
        ProbeHost.StartAsync($"{Name}-producer", database, Messaging, settings: settings);

    public Task<ProbeHost> ConsumerAsync(string database, Action<IBusRegistrationConfigurator> consumers) =>
        ProbeHost.StartAsync($"{Name}-consumer", database, Messaging, consumers);

    public string QueueOf<TConsumer>() where TConsumer : class, IConsumer =>
        new KebabCaseEndpointNameFormatter($"{Name}-consumer", includeNamespace: false).Consumer<TConsumer>();

    public ProbeEvent Event(string aggregate, int sequence) => new(Name, aggregate, sequence, default);
}
