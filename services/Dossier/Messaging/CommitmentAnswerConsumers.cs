using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Finance;
using Opco.Dossier.Data;
using Opco.Dossier.Features.Dossiers;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.SharedKernel;

namespace Opco.Dossier.Messaging;

/// <summary>
/// The end of the acceptance saga: finance recorded the commitment, so the dossier is "Accepté". An answer arriving again
/// (redelivery) or for a dossier no longer waiting for it changes nothing.
/// </summary>
public sealed class CommitmentRecordedConsumer(DossierDbContext db, MessagingMetrics metrics, TimeProvider time)
    : InboxConsumer<CommitmentRecorded, DossierDbContext>(db, metrics)
{
    protected override async Task HandleAsync(CommitmentRecorded message, ConsumeContext<CommitmentRecorded> context, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.Whole(Db).FirstOrDefaultAsync(d => d.Id == message.DossierId, cancellationToken);
        dossier?.ConfirmAcceptance(time.GetUtcNow());
    }
}

/// <summary>Finance could not record the commitment: the dossier goes back to the advisor, who is told why.</summary>
public sealed class CommitmentRefusedConsumer(DossierDbContext db, MessagingMetrics metrics, TimeProvider time)
    : InboxConsumer<CommitmentRefused, DossierDbContext>(db, metrics)
{
    protected override async Task HandleAsync(CommitmentRefused message, ConsumeContext<CommitmentRefused> context, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.Whole(Db).FirstOrDefaultAsync(d => d.Id == message.DossierId, cancellationToken);
        if (dossier is null) return;
        var source = await Db.Schemes.Where(s => s.Code == dossier.SchemeCode).Select(s => s.FundingSource).FirstOrDefaultAsync(cancellationToken);
        dossier.FailAcceptance($"Le montant accordé ({FrenchFormat.Euros(message.Amount)}) dépasse le disponible pour engagement de « {source} » "
                               + $"({FrenchFormat.Euros(message.Available)}) : l'engagement n'a pas été enregistré.", time.GetUtcNow());
    }
}
