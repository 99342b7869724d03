using MassTransit;

namespace Opco.Testing.Messaging;

/// <summary>A fresh database and unique queue names for one scenario, on the running system's PostgreSQL and RabbitMQ.</summary>
public sealed class ProbeScenario(string messagingConnectionString, string anyDatabaseConnectionString)
{
    public string Name { get; } = $"s{Guid.NewGuid():N}"[..12];
    public string Messaging => messagingConnectionString;

    public async Task<string> DatabaseAsync() =>
        await TestDatabase.CreateAsync(anyDatabaseConnectionString, $"probe_{Name}");

    public Task<ProbeHost> ProducerAsync(string database, IDictionary<string, string?>? settings = null) =>
        ProbeHost.StartAsync($"{Name}-producer", database, Messaging, settings: settings);

    public Task<ProbeHost> ConsumerAsync(string database, Action<IBusRegistrationConfigurator> consumers) =>
        ProbeHost.StartAsync($"{Name}-consumer", database, Messaging, consumers);

    public string QueueOf<TConsumer>() where TConsumer : class, IConsumer =>
        new KebabCaseEndpointNameFormatter($"{Name}-consumer", includeNamespace: false).Consumer<TConsumer>();

    public ProbeEvent Event(string aggregate, int sequence) => new(Name, aggregate, sequence, default);
}
