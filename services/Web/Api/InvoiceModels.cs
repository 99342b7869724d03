namespace Opco.Web.Api;

// Invoices and payments as the finance service answers them: decimals are euros to the cent, IBANs only masked.

public sealed record InvoiceRowsPage(IReadOnlyList<InvoiceRow> Items, int Total, int Page, int PageSize, string Sort, string Direction);

public sealed record InvoiceRow(Guid Id, long DossierNumber, string Siret, string Issuer, string IssuerLabel, string Number, DateOnly IssuedOn,
    decimal HoursDone, decimal AmountInclTax, string Status, string StatusLabel, DateTimeOffset SubmittedAt, decimal? PaidAmount, DateOnly? PaidOn);

public sealed record InvoiceDetail(Guid Id, Guid DossierId, long DossierNumber, string? DossierTitle, string Siret, string Issuer, string IssuerLabel,
    string IssuerSiret, string Number, DateOnly IssuedOn, decimal HoursDone, decimal AmountExclTax, decimal Vat, decimal AmountInclTax, string Status,
    string StatusLabel, string? RejectionReason, string? MaskedIban, bool NewBankAccount, string FileName, string ContentType, long FileSize, DateTimeOffset SubmittedAt,
    string SubmittedByName, string? CheckedByName, IReadOnlyList<InvoiceMove> History, InvoicePaymentView? Payment, InvoiceDossierView Dossier);

public sealed record InvoiceMove(DateTimeOffset At, string ByName, string? From, string? FromLabel, string To, string ToLabel, string? Reason);

public sealed record InvoicePaymentView(Guid Id, DateOnly PaidOn, decimal Amount, string PayeeName, string PayeeMaskedIban, string Reference,
    DateTimeOffset RecordedAt, string RecordedByName);

public sealed record InvoiceDossierView(decimal GrantedAmount, decimal Paid, decimal OpenCommitment, decimal Hours, decimal HoursInvoiced,
    bool CertificateReceived, bool Settled, bool DirectPayment, string? ProviderSiret, string? ProviderName, string? ProviderMaskedIban);

/// <summary>A funded dossier of the user's establishments that can still receive an invoice.</summary>
public sealed record InvoiceableDossier(Guid Id, long Number, string Siret, string? Title, DateOnly StartDate, DateOnly EndDate, string Issuer,
    string IssuerLabel, string? ProviderName, decimal GrantedAmount, decimal Hours, bool CertificateReceived);

public sealed record DossierSettlement(Guid DossierId, decimal Released);
