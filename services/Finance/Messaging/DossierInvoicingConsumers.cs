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
        if (message.DirectPayment && message.ProviderSiret is { } providerSiret)
            await ProviderIbanLock.TakeAsync(Db, providerSiret, cancellationToken);
        if (await Db.FundedDossiers.AnyAsync(d => d.Id == message.DossierId, cancellationToken)) return;
        var dossier = FundedDossier.Of(message);
        if (await Db.EarlyDossierCompletions.FirstOrDefaultAsync(c => c.DossierId == message.DossierId, cancellationToken) is { } completion)
        {
            dossier.Complete(completion.CompletedAt);
            Db.EarlyDossierCompletions.Remove(completion);
        }
        if (message.DirectPayment && await Db.TrainingProviderIbans.FirstOrDefaultAsync(i => i.ProviderSiret == message.ProviderSiret, cancellationToken)
                is { } iban)
            dossier.ChangeProviderIban(iban);
        Db.FundedDossiers.Add(dossier);
    }
}

/// <summary>
/// An administrator recorded a training provider's IBAN: its subrogated dossiers not yet settled nor cancelled pay it from now
/// on, and it is kept for the grants still on their way.
/// </summary>
public sealed class TrainingProviderIbanChangedConsumer(FinanceDbContext db, MessagingMetrics metrics)
    : InboxConsumer<TrainingProviderIbanChanged, FinanceDbContext>(db, metrics)
{
    protected override async Task HandleAsync(TrainingProviderIbanChanged message, ConsumeContext<TrainingProviderIbanChanged> context,
        CancellationToken cancellationToken)
    {
        await ProviderIbanLock.TakeAsync(Db, message.ProviderSiret, cancellationToken);
        var iban = await Db.TrainingProviderIbans.FirstOrDefaultAsync(i => i.ProviderSiret == message.ProviderSiret, cancellationToken);
        if (iban is null) Db.TrainingProviderIbans.Add(iban = TrainingProviderIban.Of(message));
        else iban.Keep(message);
        var dossiers = await Db.FundedDossiers
            .Where(d => d.DirectPayment && d.ProviderSiret == message.ProviderSiret && d.SettledAt == null && d.CancelledAt == null)
            .ToListAsync(cancellationToken);
        foreach (var dossier in dossiers) dossier.ChangeProviderIban(iban);
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

/// <summary>
/// A subrogated grant and a change of its provider's IBAN handled at the same time would each miss the other's uncommitted
/// row (and two changes overwrite each other): they take turns per provider, within the inbox's transaction.
/// </summary>
internal static class ProviderIbanLock
{
    public static Task TakeAsync(FinanceDbContext db, string providerSiret, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"provider-iban:" + providerSiret}))", cancellationToken);
}
