using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace Opco.Messaging.Outbox;

/// <summary>
/// One relay round, in one transaction: take the relay lock, lock a batch of pending rows, publish them
/// (one aggregate's events strictly in order, different aggregates concurrently), mark what was confirmed.
/// </summary>
internal sealed class OutboxRelayBatch(NpgsqlDataSource dataSource, OutboxPublisher publisher, OutboxOptions options)
{
    // Only one instance of a service relays at a time (the advisory lock, taken in the same statement to save a round
    // trip), so one aggregate's events never overtake each other across instances; the row locks keep a round's rows
    // out of any other transaction until it ends.
    private const string LockPending = """
        WITH relay AS (SELECT pg_try_advisory_xact_lock(hashtext('opco.outbox.relay')) AS leader)
        SELECT id, message_id, message_type, body::text, aggregate_id, occurred_at, trace_parent, trace_state
        FROM outbox_messages, relay WHERE relay.leader AND sent_at IS NULL ORDER BY id LIMIT @batch
        FOR UPDATE OF outbox_messages SKIP LOCKED
        """;

    public sealed record Result(int Published, Exception? Failure);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var batch = await ReadPendingAsync(connection, transaction, cancellationToken);
        if (batch.Count == 0) return new Result(0, null);

        var published = new ConcurrentBag<long>();
        var failures = new ConcurrentBag<(long Id, Exception Error)>();

        await Task.WhenAll(batch.GroupBy(m => m.OrderingKey).Select(group => Task.Run(async () =>
        {
            foreach (var message in group)
            {
                try
                {
                    // Each publish gets the whole timeout: a deadline shared by the round cancelled every publish still
                    // waiting for its confirm at once, though cancelling does not take a message back (the broker may
                    // still route it: the consumers' inbox absorbs that copy) and makes MassTransit rebuild the type's
                    // publish context.
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(options.PublishTimeout);
                    await publisher.PublishAsync(message, timeout.Token);
                    published.Add(message.Id);
                }
                catch (Exception error)
                {
                    failures.Add((message.Id, error));
                    return; // the rest of this aggregate waits behind the failed event
                }
            }
        }, CancellationToken.None)));

        await MarkSentAsync(connection, transaction, [.. published], cancellationToken);
        await RecordFailuresAsync(connection, transaction, [.. failures], cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new Result(published.Count, failures.IsEmpty ? null : failures.First().Error);
    }

    private async Task<List<PendingOutboxMessage>> ReadPendingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LockPending, connection, transaction);
        command.Parameters.AddWithValue("batch", options.BatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batch = new List<PendingOutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new PendingOutboxMessage(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return batch;
    }

    private static async Task MarkSentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] ids,
        CancellationToken cancellationToken)
    {
        if (ids.Length == 0) return;
        await using var command = new NpgsqlCommand(
            "UPDATE outbox_messages SET sent_at = now(), last_error = NULL WHERE id = ANY(@ids)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One statement for every failure of the round, not a round trip each.</summary>
    private static async Task RecordFailuresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        (long Id, Exception Error)[] failures, CancellationToken cancellationToken)
    {
        if (failures.Length == 0) return;
        await using var command = new NpgsqlCommand("""
            UPDATE outbox_messages SET attempts = attempts + 1, last_error = failed.error
            FROM unnest(@ids, @errors) AS failed(id, error) WHERE outbox_messages.id = failed.id
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = failures.Select(f => f.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("errors", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = failures.Select(f => $"{f.Error.GetType().Name}: {f.Error.Message}").ToArray(),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
