using RabbitMQ.Client;

namespace Opco.Messaging;

/// <summary>
/// Moves the messages of a receive endpoint's <c>_error</c> queue back to the endpoint once the cause is fixed.
/// Each message is re-sent with publisher confirms before it is removed from the error queue, so none is lost.
/// </summary>
public static class ErrorQueueRedriver
{
    public const string ErrorSuffix = "_error";

    public static async Task<int> RedriveAsync(string messagingConnectionString, string queue, CancellationToken cancellationToken = default)
    {
        var target = queue.EndsWith(ErrorSuffix, StringComparison.Ordinal) ? queue[..^ErrorSuffix.Length] : queue;
        var factory = new ConnectionFactory { Uri = new Uri(messagingConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);

        var moved = 0;
        while (await channel.BasicGetAsync(target + ErrorSuffix, autoAck: false, cancellationToken) is { } delivery)
        {
            var properties = new BasicProperties(delivery.BasicProperties);
            // The fault headers describe the failure being re-driven; the retried delivery starts clean.
            properties.Headers = delivery.BasicProperties.Headers?
                .Where(h => !h.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && h.Key != "MT-Reason")
                .ToDictionary(h => h.Key, h => h.Value);
            await channel.BasicPublishAsync("", target, mandatory: true, properties, delivery.Body, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return moved;
    }
}
