using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;

namespace Opco.Notification.Messaging;

/// <summary>
/// The copy of users' contacts. Each event carries the whole contact, so applying one is an upsert that keeps the
/// newest; a deleted user keeps an empty row (a tombstone), so a late event cannot bring the erased address back.
/// </summary>
internal static class UserContacts
{
    public static Task UpsertAsync(NotificationDbContext db, Guid userId, string email, string firstName, string lastName,
        DateTimeOffset at, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
             INSERT INTO user_contacts (user_id, email, first_name, last_name, updated_at)
             VALUES ({userId}, {email}, {firstName}, {lastName}, {at.ToUniversalTime()})
             ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name,
                 last_name = excluded.last_name, updated_at = excluded.updated_at
             WHERE user_contacts.updated_at < excluded.updated_at
             """, cancellationToken);
}

public sealed class UserCreatedContactConsumer(NotificationDbContext db, MessagingMetrics metrics)
    : InboxConsumer<UserCreated, NotificationDbContext>(db, metrics)
{
    protected override Task HandleAsync(UserCreated message, ConsumeContext<UserCreated> context, CancellationToken cancellationToken) =>
        UserContacts.UpsertAsync(Db, message.UserId, message.Email, message.FirstName, message.LastName, message.CreatedAt, cancellationToken);
}

public sealed class UserHabilitationsChangedContactConsumer(NotificationDbContext db, MessagingMetrics metrics)
    : InboxConsumer<UserHabilitationsChanged, NotificationDbContext>(db, metrics)
{
    protected override Task HandleAsync(UserHabilitationsChanged message, ConsumeContext<UserHabilitationsChanged> context,
        CancellationToken cancellationToken) =>
        UserContacts.UpsertAsync(Db, message.UserId, message.Email, message.FirstName, message.LastName, message.ChangedAt, cancellationToken);
}

public sealed class UserContactChangedConsumer(NotificationDbContext db, MessagingMetrics metrics)
    : InboxConsumer<UserContactChanged, NotificationDbContext>(db, metrics)
{
    protected override Task HandleAsync(UserContactChanged message, ConsumeContext<UserContactChanged> context, CancellationToken cancellationToken) =>
        UserContacts.UpsertAsync(Db, message.UserId, message.Email, message.FirstName, message.LastName, message.ChangedAt, cancellationToken);
}

public sealed class UserDeletedContactConsumer(NotificationDbContext db, MessagingMetrics metrics)
    : InboxConsumer<UserDeleted, NotificationDbContext>(db, metrics)
{
    protected override Task HandleAsync(UserDeleted message, ConsumeContext<UserDeleted> context, CancellationToken cancellationToken) =>
        UserContacts.UpsertAsync(Db, message.UserId, "", "", "", message.DeletedAt, cancellationToken);
}
