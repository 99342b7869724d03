using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Dossier;
using Opco.Finance.Data;
using Opco.Finance.Domain.Invoices;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Finance.Messaging;

/// <summary>A dossier's funding was granted: finance keeps what its invoices are checked against, once.</summary>
public sealed class DossierFundingGrantedConsumer(FinanceDbContext db, MessagingMetrics metrics)
    : InboxConsumer<DossierFundingGranted, FinanceDbContext>(db, metrics)
{
    protected override async Task HandleAsync(DossierFundingGranted message, ConsumeContext<DossierFundingGranted> context, CancellationToken cancellationToken)
    {
        if (!await Db.FundedDossiers.AnyAsync(d => d.Id == message.DossierId, cancellationToken))
            Db.FundedDossiers.Add(FundedDossier.Of(message));
    }
}

/// <summary>
/// The company deposited the dossier's certificat de réalisation (« Réalisé »): its invoices may now be paid. The grant always
/// comes first (the same outbox publishes both, in commit order); a dossier granted before finance kept grants is not invoiced
/// here, so its completion changes nothing.
/// </summary>
public sealed class DossierCompletedConsumer(FinanceDbContext db, MessagingMetrics metrics)
    : InboxConsumer<DossierStatusChanged, FinanceDbContext>(db, metrics)
{
    protected override async Task HandleAsync(DossierStatusChanged message, ConsumeContext<DossierStatusChanged> context, CancellationToken cancellationToken)
    {
        if (message.To != "Completed") return;
        var dossier = await Db.FundedDossiers.FirstOrDefaultAsync(d => d.Id == message.DossierId, cancellationToken);
        dossier?.Complete(message.ChangedAt);
    }
}
