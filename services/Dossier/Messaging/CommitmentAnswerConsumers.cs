using MassTransit;
using Microsoft.EntityFrameworkCore;
using Opco.Contracts.Dossier;
using Opco.Contracts.Finance;
using Opco.Dossier.Data;
using Opco.Dossier.Features.Contracts;
using Opco.Dossier.Features.Dossiers;
using Opco.Messaging;
using Opco.Messaging.Inbox;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;

namespace Opco.Dossier.Messaging;

/// <summary>
/// The end of the acceptance saga: finance recorded the commitment, so the dossier is "Accepté", the contract « Pris en
/// charge ». An answer arriving again (redelivery) or for one no longer waiting for it changes nothing.
/// </summary>
public sealed class CommitmentRecordedConsumer(DossierDbContext db, MessagingMetrics metrics, TimeProvider time)
    : InboxConsumer<CommitmentRecorded, DossierDbContext>(db, metrics)
{
    protected override async Task HandleAsync(CommitmentRecorded message, ConsumeContext<CommitmentRecorded> context, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.Whole(Db).FirstOrDefaultAsync(d => d.Id == message.CauseId, cancellationToken);
        if (dossier is not null)
        {
            if (dossier.ConfirmAcceptance(time.GetUtcNow()))
            {
                // What finance needs to receive and pay the dossier's invoices; the provider's IBAN only masked.
                var provider = await Db.TrainingProviders.AsNoTracking().Where(p => p.Id == dossier.TrainingProviderId)
                    .Select(p => new { p.Siret, p.Name, p.MaskedIban, p.IbanChangedAt, p.IbanChangedBy }).FirstOrDefaultAsync(cancellationToken);
                Db.PublishOnCommit(new DossierFundingGranted(dossier.Id, dossier.Number, dossier.Siret, dossier.SchemeCode!, dossier.Title,
                    dossier.GrantedAmount!.Value, dossier.Hours!.Value, dossier.StartDate!.Value, dossier.EndDate!.Value, dossier.DirectPayment == true,
                    provider?.Siret, provider?.Name, provider?.MaskedIban, time.GetUtcNow(), provider?.IbanChangedAt, provider?.IbanChangedBy),
                    dossier.Id.ToString());
            }
            return;
        }
        var contract = await ContractStore.Whole(Db).FirstOrDefaultAsync(c => c.Id == message.CauseId, cancellationToken);
        if (contract is not null && contract.ConfirmAcceptance(message.Amount, time.GetUtcNow()))
            await ContractStore.SupersedeAmendedAsync(Db, contract, time.GetUtcNow(), cancellationToken);
    }
}

/// <summary>Finance could not record the commitment: the dossier or contract goes back to the advisor, who is told why.</summary>
public sealed class CommitmentRefusedConsumer(DossierDbContext db, MessagingMetrics metrics, TimeProvider time)
    : InboxConsumer<CommitmentRefused, DossierDbContext>(db, metrics)
{
    protected override async Task HandleAsync(CommitmentRefused message, ConsumeContext<CommitmentRefused> context, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.Whole(Db).FirstOrDefaultAsync(d => d.Id == message.CauseId, cancellationToken);
        if (dossier is not null)
        {
            var source = await Db.Schemes.Where(s => s.Code == dossier.SchemeCode).Select(s => s.FundingSource).FirstOrDefaultAsync(cancellationToken);
            dossier.FailAcceptance(Failure("Le montant accordé", message, source ?? ""), time.GetUtcNow());
            return;
        }
        var contract = await ContractStore.Whole(Db).FirstOrDefaultAsync(c => c.Id == message.CauseId, cancellationToken);
        contract?.FailAcceptance(Failure("Le financement du contrat", message, ContractStore.FundingSource), time.GetUtcNow());
    }

    private static string Failure(string what, CommitmentRefused message, string source) =>
        $"{what} ({FrenchFormat.Euros(message.Amount)}) dépasse le disponible pour engagement de « {source} » "
        + $"({FrenchFormat.Euros(message.Available)}) : l'engagement n'a pas été enregistré.";
}

/// <summary>Finance has nothing more to pay on the dossier (paid in full, or closed with its rest released): « Soldé », once.</summary>
public sealed class DossierSettledConsumer(DossierDbContext db, MessagingMetrics metrics, TimeProvider time)
    : InboxConsumer<DossierSettled, DossierDbContext>(db, metrics)
{
    protected override async Task HandleAsync(DossierSettled message, ConsumeContext<DossierSettled> context, CancellationToken cancellationToken)
    {
        var dossier = await DossierStore.Whole(Db).FirstOrDefaultAsync(d => d.Id == message.DossierId, cancellationToken);
        dossier?.Settle(message.PaidInFull, message.Released, message.Reason, time.GetUtcNow());
    }
}
