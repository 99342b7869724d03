using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Opco.Messaging.Outbox;

/// <summary>
/// Serialises the transactions that write events of the same aggregate: each takes a transaction-scoped advisory
/// lock per aggregate before its outbox rows get their ids, so ids (the relay's order) follow commit order.
/// </summary>
internal static class AggregateLocks
{
    public static IReadOnlyList<string> Pending(DbContext? context) =>
        context?.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.AggregateId is not null)
            .Select(e => e.Entity.AggregateId!).Distinct().Order(StringComparer.Ordinal).ToList() ?? [];

    public static async Task TakeAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> aggregates,
        CancellationToken cancellationToken)
    {
        foreach (var aggregate in aggregates)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT pg_advisory_xact_lock(hashtext($1))";
            var parameter = command.CreateParameter();
            parameter.Value = "outbox:" + aggregate;
            command.Parameters.Add(parameter);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>
/// Inside an explicit transaction (a consumer's), lock before the inserts. Without one, make sure EF opens its own
/// even for a single statement (it skips it by default), so the transaction interceptor below can lock.
/// </summary>
internal sealed class AggregateLockSaveChangesInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        var aggregates = AggregateLocks.Pending(eventData.Context);
        if (aggregates.Count == 0) return result;
        if (eventData.Context!.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
            await AggregateLocks.TakeAsync(transaction.Connection!, transaction, aggregates, cancellationToken);
        else
            eventData.Context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        return result;
    }
}

/// <summary>SaveChanges without one: lock as soon as EF has begun its own transaction, before the inserts.</summary>
internal sealed class AggregateLockTransactionInterceptor : DbTransactionInterceptor
{
    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default)
    {
        await AggregateLocks.TakeAsync(connection, result, AggregateLocks.Pending(eventData.Context), cancellationToken);
        return result;
    }
}
