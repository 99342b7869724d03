using System.Collections.Concurrent;
using System.Diagnostics;
using Opco.Testing.Messaging;

namespace Opco.Bench.Outbox;

/// <summary>Commits events at a fixed rate, one per transaction, and measures commit → consumer effect committed.</summary>
internal static class SteadyRate
{
    public static async Task<LatencySample> RunAsync(ProbeScenario scenario, int rate, TimeSpan duration)
    {
        var database = await scenario.DatabaseAsync();
        await using var consumer = await scenario.ConsumerAsync(database, bus => bus.AddConsumer<ProbeEffectConsumer>());
        await using var producer = await scenario.ProducerAsync(database);
        var committedAt = new ConcurrentDictionary<int, long>();

        // Warm-up: connections, JIT, queues.
        for (var i = 0; i < 50; i++) await producer.CommitAsync(scenario.Event("warm-up", -1 - i));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var applied = consumer.Observations.Applied;
        applied.Clear();

        var total = (int)(rate * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>();
        for (var sequence = 0; sequence < total; sequence++)
        {
            var due = started + (long)(sequence * interval.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var s = sequence;
            inFlight.Add(Task.Run(async () =>
            {
                await producer.CommitAsync(scenario.Event($"aggregate-{s % 50}", s));
                committedAt[s] = Stopwatch.GetTimestamp();
            }));
        }
        await Task.WhenAll(inFlight);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (applied.Count(a => a.Sequence >= 0) < total && DateTime.UtcNow < deadline) await Task.Delay(100);

        return new LatencySample(applied
            .Where(a => a.Sequence >= 0 && committedAt.ContainsKey(a.Sequence))
            .Select(a => Math.Max(0, Stopwatch.GetElapsedTime(committedAt[a.Sequence], a.Timestamp).TotalMilliseconds))
            .ToList());
    }
}
