using MassTransit;
using Opco.Contracts.Identity;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Email;
using Opco.Notification.Features.Notifications;

namespace Opco.Notification.Messaging;

/// <summary>
/// Shows a change of rights in the user's "Mes notifications", committed with the inbox entry. Separate from the
/// e-mail consumer so each has its own queue and inbox record: one failing never replays the other.
/// </summary>
public sealed class HabilitationsChangedNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<UserHabilitationsChanged, NotificationDbContext>(db, metrics)
{
    public const string Title = "Vos habilitations ont changé";

    public static string BodyOf(UserHabilitationsChanged message) =>
        message.Habilitations.Count == 0
            ? $"Vous n'avez plus accès à l'établissement {message.EstablishmentName} (SIRET {message.Siret})."
            : $"Vos habilitations sur l'établissement {message.EstablishmentName} (SIRET {message.Siret}) sont désormais : "
              + $"{HabilitationList.Format(message.Habilitations)} (auparavant : {HabilitationList.Format(message.PreviousHabilitations)}).";

    protected override async Task HandleAsync(UserHabilitationsChanged message, ConsumeContext<UserHabilitationsChanged> context, CancellationToken cancellationToken)
    {
        // A first grant is announced by the account creation or "account attached" e-mail, as for the e-mail consumer.
        if (message.PreviousHabilitations.Count == 0) return;
        await PortalNotifications.AddAsync(Db, [message.UserId], NotificationKind.HabilitationsChanged, Title, BodyOf(message), link: null,
            $"Establishment/{message.Siret}", clock.GetUtcNow(), cancellationToken);
    }
}
