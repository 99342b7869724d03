using MassTransit;
using Opco.Contracts.Finance;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Notification.Data;
using Opco.Notification.Domain;
using Opco.Notification.Features.Audience;
using Opco.Notification.Features.Notifications;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Notification.Messaging;

/// <summary>
/// An invoice was paid: the users who follow the establishment's invoices ("Suivre et visualiser les factures": Reporting) are
/// told in "Mes notifications" (and by e-mail alert, as each chose), with a link to the invoice and its « avis de règlement ».
/// </summary>
public sealed class PaymentNotificationConsumer(NotificationDbContext db, MessagingMetrics metrics, TimeProvider clock)
    : InboxConsumer<PaymentRecorded, NotificationDbContext>(db, metrics)
{
    public static string TitleOf(PaymentRecorded m) => $"Règlement de la facture n° {m.InvoiceNumber}";

    public static string BodyOf(PaymentRecorded m) =>
        $"L'OPCO a réglé {FrenchFormat.Euros(m.Amount)} le {FrenchFormat.Date(m.PaidOn)} pour la facture n° {m.InvoiceNumber} du dossier n° {m.DossierNumber}. "
        + "L'avis de règlement est disponible sur la facture.";

    protected override async Task HandleAsync(PaymentRecorded message, ConsumeContext<PaymentRecorded> context, CancellationToken cancellationToken)
    {
        var audience = await EstablishmentAudience.UsersAsync(Db, message.Siret, Functionality.SuivreFactures, cancellationToken);
        await PortalNotifications.AddAsync(Db, audience, NotificationKind.Payment, TitleOf(message), BodyOf(message), $"/factures/{message.InvoiceId}",
            $"Invoice/{message.InvoiceId}", clock.GetUtcNow(), cancellationToken);
    }
}
