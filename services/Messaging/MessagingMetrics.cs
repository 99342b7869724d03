using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Opco.Messaging;

/// <summary>Traces and measures of the outbox, the inbox and the error queues.</summary>
public sealed class MessagingMetrics : IDisposable
{
    /// <summary>The activity source and meter of the outbox, the inbox and the error queues.</summary>
    public const string InstrumentationName = "Opco.Messaging";

    public static readonly ActivitySource ActivitySource = new(InstrumentationName);

    private readonly Meter _meter;
    private readonly Histogram<double> _publishLatency;
    private readonly Counter<long> _duplicatesSkipped;
    private readonly Counter<long> _errorQueueMoves;
    private long _pending;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(InstrumentationName);
        _meter.CreateObservableGauge("opco.outbox.pending", () => Interlocked.Read(ref _pending), "{event}",
            "Events committed but not yet published.");
        _publishLatency = _meter.CreateHistogram<double>("opco.outbox.publish_latency", "ms",
            "Time from the commit of an event to its confirmed publication.");
        _duplicatesSkipped = _meter.CreateCounter<long>("opco.inbox.duplicates_skipped", "{message}",
            "Messages already applied, acknowledged without applying them again.");
        _errorQueueMoves = _meter.CreateCounter<long>("opco.consumer.error_queue_moves", "{message}",
            "Messages moved to an error queue after their retries.");
    }

    public long Pending => Interlocked.Read(ref _pending);

    internal void SetPending(long value) => Interlocked.Exchange(ref _pending, value);
    internal void PublishedAfter(TimeSpan sinceCommit) => _publishLatency.Record(sinceCommit.TotalMilliseconds);
    internal void DuplicateSkipped(string consumer) => _duplicatesSkipped.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
    internal void MovedToErrorQueue(string messageType) => _errorQueueMoves.Add(1, new KeyValuePair<string, object?>("message_type", messageType));

    public void Dispose() => _meter.Dispose();
}
