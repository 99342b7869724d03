using Opco.Contracts.Dossier;
using Opco.SharedKernel;

namespace Opco.Finance.Domain.Invoices;

/// <summary>
/// Finance's copy of a dossier whose funding was granted: what its invoices are checked against (hours, provider under
/// subrogation), whether its certificat de réalisation is in (<see cref="CompletedAt"/>) and whether finance has settled it.
/// </summary>
public sealed class FundedDossier
{
    public Guid Id { get; private set; }
    public long Number { get; private set; }
    public string Siret { get; private set; } = "";
    public string Siren { get; private set; } = "";
    public string SchemeCode { get; private set; } = "";
    public string? Title { get; private set; }
    public decimal GrantedAmount { get; private set; }
    public decimal Hours { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    /// <summary>Subrogation: the OPCO pays the provider, whose invoices these are; otherwise the company is reimbursed.</summary>
    public bool DirectPayment { get; private set; }
    public string? ProviderSiret { get; private set; }
    public string? ProviderName { get; private set; }
    public string? ProviderMaskedIban { get; private set; }
    /// <summary>When the IBAN in <see cref="ProviderMaskedIban"/> was recorded at the OPCO; none: the one the provider was added with.</summary>
    public DateTimeOffset? ProviderIbanChangedAt { get; private set; }
    /// <summary>The administrator who recorded it: not the one to pay it (<see cref="Invoice.Pay"/>).</summary>
    public Guid? ProviderIbanChangedBy { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    private FundedDossier() { }

    public const int SettlementReasonMaxLength = 150;

    public static FundedDossier Of(DossierFundingGranted granted) => new()
    {
        Id = granted.DossierId, Number = granted.Number, Siret = granted.Siret, Siren = granted.Siret[..9], SchemeCode = granted.SchemeCode,
        Title = granted.Title, GrantedAmount = granted.GrantedAmount, Hours = granted.Hours, StartDate = granted.StartDate, EndDate = granted.EndDate,
        DirectPayment = granted.DirectPayment, ProviderSiret = granted.ProviderSiret, ProviderName = granted.ProviderName,
        ProviderMaskedIban = granted.ProviderMaskedIban, ProviderIbanChangedAt = granted.ProviderIbanChangedAt,
        ProviderIbanChangedBy = granted.ProviderIbanChangedBy, GrantedAt = granted.GrantedAt,
    };

    /// <summary>
    /// The provider paid under subrogation has a new IBAN (<see cref="TrainingProviderIban"/>). The grant carries the IBAN it
    /// read and when that one was recorded, so a change counts only if it was recorded later: a grant and changes delivered in
    /// any order, or again, leave the newest.
    /// </summary>
    public void ChangeProviderIban(TrainingProviderIban change)
    {
        if (!DirectPayment || change.ProviderSiret != ProviderSiret || change.ChangedAt <= (ProviderIbanChangedAt ?? DateTimeOffset.MinValue)) return;
        (ProviderMaskedIban, ProviderIbanChangedAt, ProviderIbanChangedBy) = (change.MaskedIban, change.ChangedAt, change.ChangedBy);
    }

    /// <summary>The certificat de réalisation is in: invoices may now be paid.</summary>
    public void Complete(DateTimeOffset at) => CompletedAt ??= at;

    public void Settle(DateTimeOffset at) => SettledAt ??= at;

    /// <summary>Cancelled after its acceptance: its commitment is released and it receives no invoice.</summary>
    public void Cancel(DateTimeOffset at) => CancelledAt ??= at;

    /// <summary>Whether the dossier may receive an invoice now: neither settled nor cancelled.</summary>
    public FieldErrors CheckInvoicing()
    {
        var errors = new FieldErrors();
        if (IsSettled) errors.Add("dossierId", $"Le dossier n° {Number} est soldé : il ne reçoit plus de facture.");
        else if (CancelledAt is not null) errors.Add("dossierId", $"Le dossier n° {Number} est annulé : il ne reçoit pas de facture.");
        return errors;
    }

    /// <summary>
    /// A payment that leaves nothing open settles the dossier, unless other invoices still wait for a decision or a payment:
    /// they are decided first (rejected, as nothing is left to pay them), then an administrator settles it.
    /// </summary>
    public static bool SettlesWhenPaid(decimal openAfterPayment, int otherPendingInvoices) => openAfterPayment == 0 && otherPendingInvoices == 0;

    /// <summary>
    /// Whether an administrator may settle the dossier now, its unpaid rest released: realised, not settled yet, no invoice
    /// still waiting for a decision or a payment (<paramref name="pendingInvoices"/>), and a reason.
    /// </summary>
    public FieldErrors CheckSettlement(string? reason, int pendingInvoices)
    {
        var errors = new FieldErrors();
        if (IsSettled) return errors.Add("status", $"Le dossier n° {Number} est déjà soldé.");
        if (!IsCompleted) return errors.Add("status", $"Le dossier n° {Number} n'est pas réalisé : son certificat de réalisation n'a pas été déposé.");
        if (pendingInvoices > 0)
            return errors.Add("status", $"Le dossier n° {Number} a {pendingInvoices} facture(s) à contrôler ou à payer : décidez-les avant de le solder.");
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add("reason", "Le motif est obligatoire pour solder un dossier.");
        else if (text.Length > SettlementReasonMaxLength)
            errors.Add("reason", $"Le motif ne doit pas dépasser {SettlementReasonMaxLength} caractères.");
        return errors;
    }

    public bool IsCompleted => CompletedAt is not null;
    public bool IsSettled => SettledAt is not null;
    public bool IsCancelled => CancelledAt is not null;

    /// <summary>Who issues the dossier's invoices: the provider under subrogation, the company otherwise.</summary>
    public InvoiceIssuer Issuer => DirectPayment ? InvoiceIssuer.TrainingProvider : InvoiceIssuer.Company;

    /// <summary>The issuer's SIRET, numbers being unique per issuer.</summary>
    public string IssuerSiret => DirectPayment && ProviderSiret is not null ? ProviderSiret : Siret;

    /// <summary>« Dossier n° 42 », as the ledger names it.</summary>
    public string Reference => AccountFigures.ReferenceOf(LedgerCause.Dossier, Number);
}

/// <summary>
/// The newest IBAN finance heard of for a training provider (masked): applied to its subrogated dossiers, and to those whose
/// grant, carrying an older IBAN, arrives after it.
/// </summary>
public sealed class TrainingProviderIban
{
    public string ProviderSiret { get; private set; } = "";
    public string MaskedIban { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
    public Guid ChangedBy { get; private set; }

    private TrainingProviderIban() { }

    public static TrainingProviderIban Of(TrainingProviderIbanChanged changed) =>
        new() { ProviderSiret = changed.ProviderSiret, MaskedIban = changed.MaskedIban, ChangedAt = changed.ChangedAt, ChangedBy = changed.ChangedBy };

    /// <summary>Keeps the newer of the two changes.</summary>
    public void Keep(TrainingProviderIbanChanged changed)
    {
        if (changed.ChangedAt <= ChangedAt) return;
        (MaskedIban, ChangedAt, ChangedBy) = (changed.MaskedIban, changed.ChangedAt, changed.ChangedBy);
    }
}

/// <summary>
/// A dossier's « Réalisé » received before its grant (the two arrive on different queues): kept until the grant arrives, which
/// then starts completed.
/// </summary>
public sealed class EarlyDossierCompletion
{
    public Guid DossierId { get; private set; }
    public DateTimeOffset CompletedAt { get; private set; }

    private EarlyDossierCompletion() { }

    public static EarlyDossierCompletion Of(Guid dossierId, DateTimeOffset at) => new() { DossierId = dossierId, CompletedAt = at };
}
