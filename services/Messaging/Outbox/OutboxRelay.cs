using Microsoft.EntityFrameworkCore;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Opco.Messaging.Outbox;

/// <summary>Publishes committed events; while the broker is unreachable it keeps them and retries with backoff.</summary>
internal sealed class OutboxRelay<TContext>(
    MessagingDatabase<TContext> database,
    OutboxSignal signal,
    IBus bus,
    MessagingMetrics metrics,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan PendingCountInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outbox = options.Value.Outbox;
        if (!outbox.RelayEnabled)
        {
            logger.LogWarning("The outbox relay is disabled: committed events stay pending");
            return;
        }

        var round = new OutboxRelayBatch(database.DataSource, new OutboxPublisher(bus, metrics, time), outbox);
        var failures = 0;
        var pendingCountedAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                OutboxRelayBatch.Result result;
                do
                {
                    result = await round.RunAsync(stoppingToken);
                    // One event that cannot go out must not hold back the others: back off only when nothing went out.
                    if (result.Failure is not null && result.Published == 0) throw result.Failure;
                    if (result.Failure is not null)
                        logger.LogWarning("An outbox event could not be published ({Error}); the others went out", result.Failure.Message);
                } while (result.Published >= outbox.BatchSize);

                // A short batch drained the table as of its read; whatever committed since has signalled, so wait for
                // that signal rather than spend a round trip on an empty read.
                failures = 0;
                if (time.GetUtcNow() - pendingCountedAt >= PendingCountInterval)
                {
                    metrics.SetPending(await database.CountPendingAsync(stoppingToken));
                    pendingCountedAt = time.GetUtcNow();
                }
                await signal.WaitAsync(outbox.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(outbox.MaxRetryDelay.TotalMilliseconds, 250 * Math.Pow(2, failures - 1)));
                logger.LogWarning("Outbox relay round failed ({Error}); attempt {Attempt}, next in {Delay}",
                    error.Message, failures, delay);
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }
}
