using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Finance;
using Opco.Finance.Data;
using Opco.Finance.Domain;
using Opco.Finance.Features.Ledger;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Messaging.Outbox;

namespace Opco.Finance.Messaging;

/// <summary>
/// Finance's step of the acceptance saga: in one transaction, with the account locked, the commitment is recorded only
/// if it fits what is available for commitment (or always, when binding), and the answer leaves through the outbox. A
/// dossier or contract already committed gets the same answer again and nothing more.
/// </summary>
public sealed class CommitmentRequestedConsumer(FinanceDbContext db, MessagingMetrics metrics, TimeProvider time)
    : InboxConsumer<CommitmentRequested, FinanceDbContext>(db, metrics)
{
    protected override async Task HandleAsync(CommitmentRequested message, ConsumeContext<CommitmentRequested> context, CancellationToken cancellationToken)
    {
        // A request without its cause (a message of another shape) cannot be answered: nothing to commit it to.
        if (message.CauseId == Guid.Empty) throw new InvalidOperationException("A commitment request without its cause's id.");
        var kind = Enum.Parse<FundingKind>(message.FundingKind);
        var now = time.GetUtcNow();
        var account = await LedgerStore.LockedAccountAsync(Db, kind, message.Siren, message.FundingSource,
            kind == FundingKind.PooledSource ? message.Year : null, now, cancellationToken);
        var figures = await LedgerStore.FiguresAsync(Db, account.Id, cancellationToken);
        var existing = await Db.LedgerEntries.FirstOrDefaultAsync(e => e.Kind == LedgerEntryKind.Commitment && e.CauseId == message.CauseId,
            cancellationToken);
        if (existing is not null)
        {
            Db.PublishOnCommit(new CommitmentRecorded(message.CauseId, existing.Amount, figures.AvailableForCommitment, now), message.CauseId.ToString());
            return;
        }
        if (figures.Commit(account, AccountFigures.CauseOf(message.Cause), message.CauseId, message.Siren, message.CauseNumber, message.Amount,
                message.Binding, now) is { } commitment)
        {
            Db.LedgerEntries.Add(commitment);
            Db.PublishOnCommit(new CommitmentRecorded(message.CauseId, message.Amount, figures.AvailableForCommitment - message.Amount, now),
                message.CauseId.ToString());
        }
        else
            Db.PublishOnCommit(new CommitmentRefused(message.CauseId, message.Amount, figures.AvailableForCommitment, now), message.CauseId.ToString());
    }
}
