using MassTransit;
using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Features.Settings;

namespace Opco.Notification.Messaging;

/// <summary>A request to decide on shows in each decider's "Mes notifications", unless they turned that kind off.</summary>
public sealed class AccountRequestToValidateNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<AccountRequestRouted, NotificationDbContext>(db, metrics)
{
    public const string Title = "Demande de création de compte à valider";

    protected override async Task HandleAsync(AccountRequestRouted message, ConsumeContext<AccountRequestRouted> context, CancellationToken cancellationToken)
    {
        foreach (var recipient in message.Recipients.DistinctBy(r => r.UserId))
        {
            var setting = await SettingsStore.OfAsync(Db, recipient.UserId, NotificationKind.AccountRequestToValidate, cancellationToken);
            if (!setting.InPortal) continue;
            Db.Notifications.Add(PortalNotification.Create(recipient.UserId, NotificationKind.AccountRequestToValidate, Title,
                AccountRequestTexts.ToValidateBody(message.Request), AccountRequestTexts.RequestsPath,
                $"AccountRequest/{message.Request.AccountRequestId}", clock.GetUtcNow()));
        }
    }
}
