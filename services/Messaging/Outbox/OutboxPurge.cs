using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Opco.Messaging.Outbox;

/// <summary>Deletes published events and old inbox records once their retention period is over.</summary>
internal sealed class OutboxPurge<TContext>(
    MessagingDatabase<TContext> database,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<OutboxPurge<TContext>> logger) : BackgroundService where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Outbox.PurgeInterval, time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("Outbox purge failed: {Error}", error.Message);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, CancellationToken.None));
    }

    public async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var batch = database.DataSource.CreateBatch();
        var outbox = batch.CreateBatchCommand();
        outbox.CommandText = "DELETE FROM outbox_messages WHERE sent_at < $1";
        outbox.Parameters.Add(new Npgsql.NpgsqlParameter { Value = now - options.Value.Outbox.Retention });
        batch.BatchCommands.Add(outbox);
        var inbox = batch.CreateBatchCommand();
        inbox.CommandText = "DELETE FROM inbox_messages WHERE received_at < $1";
        inbox.Parameters.Add(new Npgsql.NpgsqlParameter { Value = now - options.Value.Inbox.Retention });
        batch.BatchCommands.Add(inbox);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
