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
                } while (result.Published > 0);

                failures = 0;
                metrics.SetPending(await database.CountPendingAsync(stoppingToken));
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
