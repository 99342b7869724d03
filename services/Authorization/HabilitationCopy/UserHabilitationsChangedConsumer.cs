using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Authorization.HabilitationCopy;

/// <summary>Replaces the set a user holds on one establishment, unless a later change was already applied.</summary>
public sealed class UserHabilitationsChangedConsumer<TContext>(TContext db, MessagingMetrics metrics)
    : InboxConsumer<UserHabilitationsChanged, TContext>(db, metrics)
    where TContext : DbContext
{
    protected override async Task HandleAsync(UserHabilitationsChanged message, ConsumeContext<UserHabilitationsChanged> context,
        CancellationToken cancellationToken)
    {
        var habilitations = message.Habilitations.Distinct().ToArray();
        // One statement, so two deliveries for the same user and establishment cannot race each other.
        await Db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO user_habilitations (user_id, siret, habilitations, updated_at)
             VALUES ({message.UserId}, {SiretKey.Of(message.Siret)}, {habilitations}, {message.ChangedAt.ToUniversalTime()})
             ON CONFLICT (user_id, siret) DO UPDATE SET habilitations = excluded.habilitations, updated_at = excluded.updated_at
             WHERE user_habilitations.updated_at < excluded.updated_at
             """, cancellationToken);
    }
}
