namespace Opco.Contracts.Finance;

/// <summary>
/// An invoice of dossier <paramref name="DossierId"/> was paid: <paramref name="Amount"/> on <paramref name="PaidOn"/>, in the
/// ledger as a payment of the dossier's commitment. No IBAN: the payee and its masked IBAN are on the payment's own page.
/// </summary>
public sealed record PaymentRecorded(Guid PaymentId, Guid InvoiceId, Guid DossierId, long DossierNumber, string Siret, string InvoiceNumber, decimal Amount,
    DateOnly PaidOn, DateTimeOffset RecordedAt);

/// <summary>
/// Finance has nothing more to pay on the dossier: its invoices paid its commitment in full (<paramref name="PaidInFull"/>), or an
/// administrator closed it for <paramref name="Reason"/> and <paramref name="Released"/> went back to its account. The dossier
/// becomes « Soldé ».
/// </summary>
public sealed record DossierSettled(Guid DossierId, bool PaidInFull, decimal Released, string? Reason, DateTimeOffset SettledAt);
