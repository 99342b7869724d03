using Opco.Contracts.Finance;

namespace Opco.Dossier.Domain.Activity;

/// <summary>
/// The copy of a payment finance recorded on a dossier (or a contrat de pro), for the activity reports: what was paid, when.
/// One row per payment id, so a redelivered <see cref="PaymentRecorded"/> is counted once.
/// </summary>
public sealed class DossierPayment
{
    public const int InvoiceNumberMaxLength = 100;

    public Guid PaymentId { get; private set; }
    public Guid DossierId { get; private set; }
    public long DossierNumber { get; private set; }
    public string Siret { get; private set; } = "";
    public string InvoiceNumber { get; private set; } = "";
    public decimal Amount { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private DossierPayment() { }

    public static DossierPayment Of(PaymentRecorded payment) => new()
    {
        PaymentId = payment.PaymentId, DossierId = payment.DossierId, DossierNumber = payment.DossierNumber, Siret = payment.Siret,
        InvoiceNumber = payment.InvoiceNumber, Amount = payment.Amount, PaidOn = payment.PaidOn, RecordedAt = payment.RecordedAt,
    };
}
