using System.Diagnostics;
using MassTransit;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Testing.Messaging;

/// <summary>Applies an effect through the inbox; throws while the test says it is failing.</summary>
public sealed class ProbeEffectConsumer(ProbeDbContext db, MessagingMetrics metrics, ProbeObservations observations)
    : InboxConsumer<ProbeEvent, ProbeDbContext>(db, metrics)
{
    protected override Task HandleAsync(ProbeEvent message, ConsumeContext<ProbeEvent> context, CancellationToken cancellationToken)
    {
        observations.Attempted();
        if (observations.Failing) throw new InvalidOperationException("Probe consumer told to fail.");
        Db.Effects.Add(new ProbeEffect
        {
            Id = Guid.NewGuid(), MessageId = context.MessageId!.Value, Scenario = message.Scenario, Sequence = message.Sequence,
        });
        _sequence = message.Sequence;
        return Task.CompletedTask;
    }

    private int _sequence;

    protected override void AfterCommit() =>
        observations.Applied.Enqueue(new ProbeObservations.Application(_sequence, Stopwatch.GetTimestamp()));
}

/// <summary>Records every delivery as it arrives, without de-duplication: what the broker really delivered.</summary>
public sealed class ProbeReceiptConsumer(ProbeObservations observations) : IConsumer<ProbeEvent>
{
    public Task Consume(ConsumeContext<ProbeEvent> context)
    {
        observations.Receipts.Enqueue(new ProbeObservations.Receipt(context.MessageId!.Value, context.Message,
            Activity.Current?.TraceId ?? default, DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    }
}
