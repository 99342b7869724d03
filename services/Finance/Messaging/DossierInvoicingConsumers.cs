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
        if (await Db.FundedDossiers.AnyAsync(d => d.Id == message.DossierId, cancellationToken)) return;
        var dossier = FundedDossier.Of(message);
        if (await Db.EarlyDossierCompletions.FirstOrDefaultAsync(c => c.DossierId == message.DossierId, cancellationToken) is { } completion)
        {
            dossier.Complete(completion.CompletedAt);
            Db.EarlyDossierCompletions.Remove(completion);
        }
        Db.FundedDossiers.Add(dossier);
    }
}

/// <summary>
/// The company deposited the dossier's certificat de réalisation (« Réalisé »): its invoices may now be paid. The grant and
/// the completion reach finance on different queues: a completion arriving first is kept until the grant comes.
/// </summary>
public sealed class DossierCompletedConsumer(FinanceDbContext db, MessagingMetrics metrics)
    : InboxConsumer<DossierStatusChanged, FinanceDbContext>(db, metrics)
{
    protected override async Task HandleAsync(DossierStatusChanged message, ConsumeContext<DossierStatusChanged> context, CancellationToken cancellationToken)
    {
        if (message.To != "Completed") return;
        var dossier = await Db.FundedDossiers.FirstOrDefaultAsync(d => d.Id == message.DossierId, cancellationToken);
        if (dossier is not null) dossier.Complete(message.ChangedAt);
        else if (!await Db.EarlyDossierCompletions.AnyAsync(c => c.DossierId == message.DossierId, cancellationToken))
            Db.EarlyDossierCompletions.Add(EarlyDossierCompletion.Of(message.DossierId, message.ChangedAt));
    }
}
