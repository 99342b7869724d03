using Microsoft.Extensions.Configuration;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>MassTransit 8 on <c>ConnectionStrings:messaging</c>, next to Aspire's RabbitMQ client for the broker's health check and tracing.</summary>
internal static class RabbitMqMessagingExtensions
{
    public const string ConnectionName = "messaging";

    public static TBuilder AddRabbitMqMessaging<TBuilder>(this TBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured.");
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
        builder.AddRabbitMQClient(ConnectionName);
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("MassTransit"))
            .WithMetrics(metrics => metrics.AddMeter("MassTransit"));
        return builder;
    }
}
