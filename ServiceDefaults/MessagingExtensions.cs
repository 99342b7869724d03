using Microsoft.Extensions.Configuration;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>What a RabbitMQ client integration would give: MassTransit 8 on ConnectionStrings:messaging.</summary>
public static class MessagingExtensions
{
    public static TBuilder AddRabbitMqMessaging<TBuilder>(this TBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString("messaging")
            ?? throw new InvalidOperationException("ConnectionStrings:messaging is not configured.");
        var uri = new Uri(connectionString);
        var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);

        builder.Services.AddMassTransit(bus =>
        {
            // Queues are prefixed by the service so two services never compete for each other's messages.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(uri.Host, (ushort)uri.Port, "/", host =>
                {
                    host.Username(credentials[0]);
                    host.Password(credentials.ElementAtOrDefault(1) ?? string.Empty);
                    host.PublisherConfirmation = true;
                });
                // A few immediate retries, then the message moves to the endpoint's _error queue.
                rabbit.UseMessageRetry(retry => retry.Immediate(3));
                configureBus?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
