using System.Diagnostics;
using Opco.Testing.Messaging;

namespace Opco.Bench.Outbox;

/// <summary>Commits a backlog with the relay stopped, then times a relaying instance draining it.</summary>
internal static class RelayThroughput
{
    public sealed record Result(double CommittedPerSecond, double RelayedPerSecond);

    public static async Task<Result> RunAsync(ProbeScenario scenario, int backlog)
    {
        var database = await scenario.DatabaseAsync();
        double committedPerSecond;
        await using (var stalled = await scenario.ProducerAsync(database, new Dictionary<string, string?> { ["Messaging:Outbox:RelayEnabled"] = "false" }))
        {
            const int writers = 8;
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                for (var i = w; i < backlog; i += writers)
                    await stalled.CommitAsync(scenario.Event($"aggregate-{i % 500}", i));
            })));
            committedPerSecond = backlog / Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        var relayStarted = Stopwatch.GetTimestamp();
        await using var relaying = await scenario.ProducerAsync(database, new Dictionary<string, string?> { ["Messaging:Outbox:BatchSize"] = "500" });
        while (await relaying.PendingCountAsync() > 0) await Task.Delay(20);
        return new Result(committedPerSecond, backlog / Stopwatch.GetElapsedTime(relayStarted).TotalSeconds);
    }
}
