using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Authorization.HabilitationCopy;

/// <summary>
/// Forgets the user's rights and keeps the user inactive for good: the status row is dated at the end of time so
/// no activation or rights announced before the deletion, arriving late, can make the user act again.
/// </summary>
public sealed class UserDeletedConsumer<TContext>(TContext db, MessagingMetrics metrics)
    : InboxConsumer<UserDeleted, TContext>(db, metrics)
    where TContext : DbContext
{
    protected override async Task HandleAsync(UserDeleted message, ConsumeContext<UserDeleted> context, CancellationToken cancellationToken)
    {
        await Db.Database.ExecuteSqlAsync($"DELETE FROM user_habilitations WHERE user_id = {message.UserId}", cancellationToken);
        await Db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO user_status (user_id, is_active, updated_at) VALUES ({message.UserId}, false, {DateTimeOffset.MaxValue})
             ON CONFLICT (user_id) DO UPDATE SET is_active = false, updated_at = excluded.updated_at
             """, cancellationToken);
    }
}
