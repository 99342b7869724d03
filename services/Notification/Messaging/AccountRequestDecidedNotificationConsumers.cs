using MassTransit;
using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Features.Notifications;

namespace Opco.Notification.Messaging;

/// <summary>The requester's "Mes notifications" says their request was accepted, once they have an account to read it.</summary>
public sealed class AccountRequestApprovedNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<AccountRequestApproved, NotificationDbContext>(db, metrics)
{
    public const string Title = "Votre demande de compte a été acceptée";

    public static string BodyOf(AccountRequestApproved message) =>
        $"Votre demande ({message.Request.Kind.ToLowerInvariant()}) pour l'établissement {message.Request.EstablishmentName} "
        + $"(SIRET {message.Request.Siret}) a été acceptée.";

    protected override Task HandleAsync(AccountRequestApproved message, ConsumeContext<AccountRequestApproved> context, CancellationToken cancellationToken) =>
        DecidedNotification.AddAsync(Db, message.RequesterUserId, Title, BodyOf(message), message.Request.AccountRequestId, clock, cancellationToken);
}

/// <summary>The requester who already has an account ("Rattachement") also finds the refusal and its reason in the portal.</summary>
public sealed class AccountRequestRefusedNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<AccountRequestRefused, NotificationDbContext>(db, metrics)
{
    public const string Title = "Votre demande de compte a été refusée";

    public static string BodyOf(AccountRequestRefused message) =>
        $"Votre demande ({message.Request.Kind.ToLowerInvariant()}) pour l'établissement {message.Request.EstablishmentName} "
        + $"(SIRET {message.Request.Siret}) a été refusée. Motif : {message.Reason}";

    protected override Task HandleAsync(AccountRequestRefused message, ConsumeContext<AccountRequestRefused> context, CancellationToken cancellationToken) =>
        DecidedNotification.AddAsync(Db, message.RequesterUserId, Title, BodyOf(message), message.Request.AccountRequestId, clock, cancellationToken);
}

internal static class DecidedNotification
{
    public static Task AddAsync(NotificationDbContext db, Guid? requester, string title, string body, Guid requestId, TimeProvider clock,
        CancellationToken cancellationToken) =>
        requester is { } userId
            ? PortalNotifications.AddAsync(db, [userId], NotificationKind.AccountRequestDecided, title, body, link: null,
                $"AccountRequest/{requestId}", clock.GetUtcNow(), cancellationToken)
            : Task.CompletedTask;
}
