using MassTransit;

namespace Opco.IntegrationTests.Support;

/// <summary>
/// A bare MassTransit bus on the running system's RabbitMQ, standing in for another service's outbox relay so a test
/// can publish exactly the event (and message id) it needs.
/// </summary>
public sealed class BrokerPublisher : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private BrokerPublisher(IBusControl bus) => _bus = bus;

    public static async Task<BrokerPublisher> StartAsync(string messagingConnectionString)
    {
        var uri = new Uri(messagingConnectionString);
        var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(uri.Host, (ushort)uri.Port, "/", host =>
        {
            host.Username(credentials[0]);
            host.Password(credentials.ElementAtOrDefault(1) ?? string.Empty);
            host.PublisherConfirmation = true;
        }));
        await bus.StartAsync(TimeSpan.FromSeconds(30));
        return new BrokerPublisher(bus);
    }

    public Task PublishAsync<T>(T message, Guid messageId) where T : class =>
        _bus.Publish(message, context => context.MessageId = messageId);

    public ValueTask DisposeAsync() => new(_bus.StopAsync());
}
