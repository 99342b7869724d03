using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Opco.Messaging.Inbox;

/// <summary>
/// Base of every consumer that changes state: the message id is recorded in the same transaction as the
/// effect, so a redelivered or duplicated message is acknowledged without applying the effect again.
/// </summary>
public abstract class InboxConsumer<TMessage, TContext>(TContext db, MessagingMetrics metrics) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A message without a MessageId cannot be de-duplicated.");
        var consumer = GetType().FullName!;
        var cancellationToken = context.CancellationToken;

        var applied = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Waits on a concurrent delivery of the same message, then finds its row: applied once either way.
            var firstDelivery = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer, received_at) VALUES ({messageId}, {consumer}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
                cancellationToken) == 1;
            if (!firstDelivery)
            {
                metrics.DuplicateSkipped(consumer);
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await HandleAsync(context.Message, context, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (applied) AfterCommit();
    }

    /// <summary>Runs once the effect is committed, e.g. to wake a dispatcher; not on a skipped duplicate.</summary>
    protected virtual void AfterCommit() { }

    /// <summary>Apply the effect through <see cref="Db"/>; it is saved and committed with the inbox record.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
