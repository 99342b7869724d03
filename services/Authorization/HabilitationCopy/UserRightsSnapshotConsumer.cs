using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Authorization.HabilitationCopy;

/// <summary>
/// Applies a page of identity's snapshot of users' rights to this service's copy, as the change events would: each row
/// only when newer than the one stored, so a page arriving after a later change (or twice) undoes nothing.
/// </summary>
public sealed class UserRightsSnapshotConsumer<TContext>(TContext db, MessagingMetrics metrics)
    : InboxConsumer<UserRightsSnapshotTaken, TContext>(db, metrics)
    where TContext : DbContext
{
    protected override async Task HandleAsync(UserRightsSnapshotTaken message, ConsumeContext<UserRightsSnapshotTaken> context,
        CancellationToken cancellationToken)
    {
        var at = message.StateAsOf.ToUniversalTime();
        Guid[] users = [.. message.Users.Select(u => u.UserId)];
        bool[] active = [.. message.Users.Select(u => u.IsActive)];
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO user_status (user_id, is_active, updated_at)
            SELECT u, a, {at} FROM unnest({users}, {active}) AS t(u, a)
            ON CONFLICT (user_id) DO UPDATE SET is_active = excluded.is_active, updated_at = excluded.updated_at
            WHERE user_status.updated_at < excluded.updated_at
            """, cancellationToken);
        foreach (var user in message.Users)
        foreach (var establishment in user.Establishments)
        {
            var habilitations = establishment.Habilitations.Distinct().ToArray();
            await Db.Database.ExecuteSqlAsync($"""
                INSERT INTO user_habilitations (user_id, siret, habilitations, updated_at)
                VALUES ({user.UserId}, {SiretKey.Of(establishment.Siret)}, {habilitations}, {at})
                ON CONFLICT (user_id, siret) DO UPDATE SET habilitations = excluded.habilitations, updated_at = excluded.updated_at
                WHERE user_habilitations.updated_at < excluded.updated_at
                """, cancellationToken);
        }
    }
}
