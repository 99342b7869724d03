using System.Collections.Concurrent;
using System.Diagnostics;
using Opco.Testing.Messaging;

namespace Opco.Bench.Outbox;

/// <summary>Commits events at a fixed rate, one per transaction, and measures commit → consumer effect committed.</summary>
internal static class SteadyRate
{
    public static async Task<LatencySample> RunAsync(ProbeScenario scenario, int rate, TimeSpan warmUp, TimeSpan duration)
    {
        var database = await scenario.DatabaseAsync();
        await using var consumer = await scenario.ConsumerAsync(database, bus => bus.AddConsumer<ProbeEffectConsumer>());
        await using var producer = await scenario.ProducerAsync(database);
        var committedAt = new ConcurrentDictionary<int, long>();

        // Warm-up at the same rate (JIT and tier-1 recompilation of every process just started, connection pools, thread
        // pool growth), then measure the steady state: from an empty pipeline, once every warm-up event has been applied.
        // Otherwise the measured window starts by draining the probe hosts' start-up backlog, which says nothing about
        // the latency at this rate.
        await RunAtRateAsync(producer, scenario, rate, warmUp, sequence => -1 - sequence, null);
        var applied = consumer.Observations.Applied;
        var warmUpTotal = (int)(rate * warmUp.TotalSeconds);
        var drainStarted = Stopwatch.GetTimestamp();
        var drainDeadline = DateTime.UtcNow.AddSeconds(120);
        while (applied.Count(a => a.Sequence < 0) < warmUpTotal && DateTime.UtcNow < drainDeadline) await Task.Delay(100);
        Console.WriteLine(applied.Count(a => a.Sequence < 0) < warmUpTotal
            ? "  the warm-up's events were still not all applied after 120 s; measuring anyway"
            : $"  every warm-up event applied {Stopwatch.GetElapsedTime(drainStarted).TotalSeconds:0.0} s after the warm-up ended");
        applied.Clear();

        var total = (int)(rate * duration.TotalSeconds);
        await RunAtRateAsync(producer, scenario, rate, duration, sequence => sequence, committedAt);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (applied.Count(a => a.Sequence >= 0) < total && DateTime.UtcNow < deadline) await Task.Delay(100);

        var measured = applied
            .Where(a => a.Sequence >= 0 && committedAt.ContainsKey(a.Sequence))
            .Select(a => (a.Sequence, Ms: Math.Max(0, Stopwatch.GetElapsedTime(committedAt[a.Sequence], a.Timestamp).TotalMilliseconds)))
            .ToList();
        // Per 5-second window, so a start-up hiccup is told apart from a steady tail.
        foreach (var window in measured.GroupBy(m => m.Sequence / (rate * 5)).OrderBy(w => w.Key))
        {
            var sample = new LatencySample([.. window.Select(w => w.Ms)]);
            Console.WriteLine($"  {window.Key * 5,3}-{window.Key * 5 + 5,3} s   p50 {sample.Percentile(50),7:0.0} ms   p99 {sample.Percentile(99),7:0.0} ms");
        }
        return new LatencySample([.. measured.Select(m => m.Ms)]);
    }

    /// <summary>One event per transaction, each started on schedule whether or not the previous one has finished.</summary>
    private static async Task RunAtRateAsync(ProbeHost producer, ProbeScenario scenario, int rate, TimeSpan duration,
        Func<int, int> sequenceOf, ConcurrentDictionary<int, long>? committedAt)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = started + (long)(i * Stopwatch.Frequency / (double)rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var sequence = sequenceOf(i);
            inFlight.Add(Task.Run(async () =>
            {
                await producer.CommitAsync(scenario.Event($"aggregate-{Math.Abs(sequence) % 50}", sequence));
                if (committedAt is not null) committedAt[sequence] = Stopwatch.GetTimestamp();
            }));
        }
        await Task.WhenAll(inFlight);
    }
}
