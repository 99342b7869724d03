using Microsoft.EntityFrameworkCore;
using MassTransit;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Opco.Messaging;
using Opco.Messaging.Outbox;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class ReliableMessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ plus the transactional outbox (relay, purge, backlog health) and the inbox,
    /// on the service's own <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddReliableMessaging<TContext>(this IHostApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TContext : DbContext
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MessagingMetrics>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxSaveChangesInterceptor>();
        builder.Services.AddSingleton<IInterceptor, OutboxTransactionInterceptor>();
        builder.Services.AddSingleton<MessagingDatabase<TContext>>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddHostedService<OutboxPurge<TContext>>();
        builder.Services.AddSingleton<ErrorQueueObserver>();
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck<TContext>>("outbox");
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(MessagingMetrics.InstrumentationName))
            .WithMetrics(metrics => metrics.AddMeter(MessagingMetrics.InstrumentationName));

        builder.AddRabbitMqMessaging(serviceName, configureConsumers, (context, bus) =>
        {
            bus.ConnectReceiveObserver(context.GetRequiredService<ErrorQueueObserver>());
            var limit = context.GetRequiredService<IOptions<MessagingOptions>>().Value.Inbox.ConcurrentMessageLimit;
            (bus.ConcurrentMessageLimit, bus.PrefetchCount) = (limit, limit);
        });
        return builder;
    }
}
