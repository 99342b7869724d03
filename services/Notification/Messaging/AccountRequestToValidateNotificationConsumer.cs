using MassTransit;
using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Features.Notifications;

namespace Opco.Notification.Messaging;

/// <summary>A request to decide on shows in each decider's "Mes notifications", unless they turned that kind off.</summary>
public sealed class AccountRequestToValidateNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<AccountRequestRouted, NotificationDbContext>(db, metrics)
{
    public const string Title = "Demande de création de compte à valider";

    protected override Task HandleAsync(AccountRequestRouted message, ConsumeContext<AccountRequestRouted> context, CancellationToken cancellationToken) =>
        PortalNotifications.AddAsync(Db, [.. message.Recipients.Select(r => r.UserId)], NotificationKind.AccountRequestToValidate, Title,
            AccountRequestTexts.ToValidateBody(message.Request), AccountRequestTexts.RequestsPath,
            $"AccountRequest/{message.Request.AccountRequestId}", clock.GetUtcNow(), cancellationToken);
}
