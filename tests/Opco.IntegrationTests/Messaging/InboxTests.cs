using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Opco.Testing.Messaging;
using Opco.IntegrationTests.Support;
using Opco.Messaging;
using RabbitMQ.Client;

namespace Opco.IntegrationTests.Messaging;

public sealed class InboxTests(AppFixture fixture)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_same_message_delivered_twice_applies_its_effect_once()
    {
        var scenario = fixture.NewProbeScenario();
        var database = await scenario.DatabaseAsync();
        await using var consumer = await scenario.ConsumerAsync(database, bus =>
        {
            bus.AddConsumer<ProbeEffectConsumer>();
            bus.AddConsumer<ProbeReceiptConsumer>();
        });
        var bus = consumer.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();

        // Redelivery as the broker does it: same message id, twice, even at the same moment.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            bus.Publish(scenario.Event("duplicated", 1), context => context.MessageId = messageId)));
        await bus.Publish(scenario.Event("duplicated", 1), context => context.MessageId = messageId);

        await Eventually.HoldsAsync(() => Task.FromResult(consumer.Observations.For(scenario.Name).Count == 3), Delivery,
            "the three deliveries arrive");
        await Eventually.HoldsAsync(async () => await consumer.EffectCountAsync(scenario.Name) == 1, Delivery, "the effect is applied");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await consumer.EffectCountAsync(scenario.Name));
        Assert.Equal(1, await consumer.QueryAsync(db => Task.FromResult(db.InboxMessages.Count(m => m.MessageId == messageId))));
    }

    [Fact]
    public async Task A_failing_consumer_is_retried_then_parked_in_the_error_queue_and_re_driven_after_the_fix()
    {
        var scenario = fixture.NewProbeScenario();
        var database = await scenario.DatabaseAsync();
        await using var consumer = await scenario.ConsumerAsync(database, bus => bus.AddConsumer<ProbeEffectConsumer>());
        await using var producer = await scenario.ProducerAsync(database);
        var queue = scenario.QueueOf<ProbeEffectConsumer>();
        consumer.Observations.Failing = true;

        await producer.CommitAsync(scenario.Event("poison", 7));

        // Each delivery is tried four times (the first try and three immediate retries), then parked. The relay delivers at
        // least once: when a broker confirm outlasts its timeout it publishes again, so a busy run may park two copies.
        uint parked = 0;
        await Eventually.HoldsAsync(async () => (parked = await MessageCountAsync(queue + ErrorQueueRedriver.ErrorSuffix)) >= 1
                                                && consumer.Observations.Attempts == 4 * parked, Delivery,
            "every delivery of the message is tried four times and reaches the error queue");
        Assert.Equal(0, await consumer.EffectCountAsync(scenario.Name));
        Assert.Contains("Probe consumer told to fail.", await FaultMessageAsync(queue + ErrorQueueRedriver.ErrorSuffix));

        consumer.Observations.Failing = false;
        var moved = await ErrorQueueRedriver.RedriveAsync(scenario.Messaging, queue);

        Assert.Equal((int)parked, moved);
        await Eventually.HoldsAsync(async () => await consumer.EffectCountAsync(scenario.Name) == 1, Delivery, "the re-driven message is applied");
        Assert.Equal(0u, await MessageCountAsync(queue + ErrorQueueRedriver.ErrorSuffix));
    }

    private async Task<uint> MessageCountAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.App.GetConnectionString("messaging")) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet
        }
    }

    private async Task<string> FaultMessageAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.App.GetConnectionString("messaging")) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var delivery = await channel.BasicGetAsync(queue, autoAck: false) ?? throw new InvalidOperationException("The error queue is empty.");
        await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true);
        var header = delivery.BasicProperties.Headers?["MT-Fault-Message"];
        return header is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : header?.ToString() ?? "";
    }
}
