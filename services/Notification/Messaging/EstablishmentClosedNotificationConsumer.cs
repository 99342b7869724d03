using System.Globalization;
using MassTransit;
using Opco.Contracts.Onboarding;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Features.Audience;
using Opco.Notification.Features.Notifications;

namespace Opco.Notification.Messaging;

/// <summary>Everyone with access to an establishment learns it is closed (no new dossier there), in "Mes notifications".</summary>
public sealed class EstablishmentClosedNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<EstablishmentClosed, NotificationDbContext>(db, metrics)
{
    public const string Title = "Établissement fermé";

    public static string BodyOf(EstablishmentClosed message) =>
        $"L'établissement de SIRET {message.Siret} est fermé depuis le "
        + $"{message.ClosedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} : il n'accepte plus de nouvelle demande.";

    protected override async Task HandleAsync(EstablishmentClosed message, ConsumeContext<EstablishmentClosed> context, CancellationToken cancellationToken)
    {
        var audience = await EstablishmentAudience.UsersAsync(Db, message.Siret, functionality: null, cancellationToken);
        await PortalNotifications.AddAsync(Db, audience, NotificationKind.EstablishmentClosed, Title, BodyOf(message), link: null,
            $"Establishment/{message.Siret}", clock.GetUtcNow(), cancellationToken);
    }
}
