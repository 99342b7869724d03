using MassTransit;

namespace Opco.Messaging;

/// <summary>Counts messages that exhausted their retries and were moved to an error queue.</summary>
internal sealed class ErrorQueueObserver(MessagingMetrics metrics) : IReceiveObserver
{
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;
    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class =>
        Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class
    {
        metrics.MovedToErrorQueue(typeof(T).Name);
        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        metrics.MovedToErrorQueue("unknown");
        return Task.CompletedTask;
    }
}
