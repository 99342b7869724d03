using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Opco.Messaging;

/// <summary>A raw connection pool on the service's own database, for the relay's locking queries and the purge.</summary>
public sealed class MessagingDatabase<TContext>(IServiceScopeFactory scopes) : IAsyncDisposable where TContext : DbContext
{
    private readonly Lazy<NpgsqlDataSource> _dataSource = new(() =>
    {
        using var scope = scopes.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<TContext>().Database.GetConnectionString()
            ?? throw new InvalidOperationException($"{typeof(TContext).Name} has no connection string.");
        return NpgsqlDataSource.Create(connectionString);
    });

    public NpgsqlDataSource DataSource => _dataSource.Value;

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource.IsValueCreated) await _dataSource.Value.DisposeAsync();
    }
}
