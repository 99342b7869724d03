using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Finance;
using Opco.Dossier.Data;
using Opco.Dossier.Domain.Activity;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Dossier.Messaging;

/// <summary>
/// Finance paid an invoice of a dossier: the activity reports count it. The inbox drops a redelivered message; the payment
/// id as key drops the same payment published again under another message id.
/// </summary>
public sealed class PaymentRecordedConsumer(DossierDbContext db, MessagingMetrics metrics)
    : InboxConsumer<PaymentRecorded, DossierDbContext>(db, metrics)
{
    protected override async Task HandleAsync(PaymentRecorded message, ConsumeContext<PaymentRecorded> context, CancellationToken cancellationToken)
    {
        if (await Db.Payments.AnyAsync(p => p.PaymentId == message.PaymentId, cancellationToken)) return;
        Db.Payments.Add(DossierPayment.Of(message));
    }
}
