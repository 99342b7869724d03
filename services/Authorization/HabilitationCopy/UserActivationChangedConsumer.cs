using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Authorization.HabilitationCopy;

/// <summary>Records whether the user is active, unless a later change was already applied.</summary>
public sealed class UserActivationChangedConsumer<TContext>(TContext db, MessagingMetrics metrics)
    : InboxConsumer<UserActivationChanged, TContext>(db, metrics)
    where TContext : DbContext
{
    protected override async Task HandleAsync(UserActivationChanged message, ConsumeContext<UserActivationChanged> context,
        CancellationToken cancellationToken) =>
        await Db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO user_status (user_id, is_active, updated_at) VALUES ({message.UserId}, {message.IsActive}, {message.ChangedAt.ToUniversalTime()})
             ON CONFLICT (user_id) DO UPDATE SET is_active = excluded.is_active, updated_at = excluded.updated_at
             WHERE user_status.updated_at < excluded.updated_at
             """, cancellationToken);
}
