using MassTransit;
using Opco.Contracts.Identity;
using Opco.SharedKernel.Habilitations;

namespace Opco.Testing.Portal;

/// <summary>Publishes identity's user-rights events on the real broker, as identity's outbox relay will.</summary>
public sealed class UserRightsEvents : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private UserRightsEvents(IBusControl bus) => _bus = bus;

    public static async Task<UserRightsEvents> StartAsync(string messagingConnectionString)
    {
        var uri = new Uri(messagingConnectionString);
        var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(uri.Host, (ushort)uri.Port, "/", host =>
        {
            host.Username(credentials[0]);
            host.Password(credentials.ElementAtOrDefault(1) ?? "");
            host.PublisherConfirmation = true;
        }));
        await bus.StartAsync();
        return new UserRightsEvents(bus);
    }

    public static UserHabilitationsChanged Habilitations(Guid userId, string siret, DateTimeOffset changedAt, params Habilitation[] held) =>
        new(userId, "jeanne@example.fr", "Jeanne", "Testeuse", siret, "Établissement de test",
            [.. held.Select(h => h.ToString())], [], Guid.NewGuid(), changedAt);

    public async Task<Guid> PublishAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        await _bus.Publish(message, context => context.MessageId = id);
        return id;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
