using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Dossier;
using Opco.Finance.Data;
using Opco.Finance.Domain;
using Opco.Messaging;
using Opco.Messaging.Inbox;

namespace Opco.Finance.Messaging;

/// <summary>
/// A dossier cancelled after its acceptance gives back what its commitment still holds (committed, not released, not
/// paid) to the account it came from: a release in the ledger, once, however often the event arrives; it receives no invoice.
/// </summary>
public sealed class DossierCancelledConsumer(FinanceDbContext db, MessagingMetrics metrics, TimeProvider time)
    : InboxConsumer<DossierStatusChanged, FinanceDbContext>(db, metrics)
{
    protected override async Task HandleAsync(DossierStatusChanged message, ConsumeContext<DossierStatusChanged> context, CancellationToken cancellationToken)
    {
        if (message.To != "Cancelled") return;
        var funded = await Db.FundedDossiers.FirstOrDefaultAsync(d => d.Id == message.DossierId, cancellationToken);
        funded?.Cancel(message.ChangedAt);
        var entries = await Db.LedgerEntries.Where(e => e.CauseId == message.DossierId).ToListAsync(cancellationToken);
        var commitment = entries.FirstOrDefault(e => e.Kind == LedgerEntryKind.Commitment);
        if (commitment is null) return;
        var release = LedgerEntry.ReleaseOf(commitment, entries, $"Dossier n° {message.Number} annulé", time.GetUtcNow());
        if (release is not null) Db.LedgerEntries.Add(release);
    }
}
