using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Finance.Data;
using Opco.Finance.Domain.Invoices;

namespace Opco.Finance.Features.Invoices;

/// <summary>
/// One invoice as every screen shows it (the company's, the advisor's, the administrator's): its fields, status and history,
/// its payment with the masked IBAN and its reference, and where its dossier stands (granted, paid, still committed, hours).
/// </summary>
public static class InvoiceView
{
    public sealed record Detail(Guid Id, Guid DossierId, long DossierNumber, string? DossierTitle, string Siret, string Issuer, string IssuerLabel,
        string IssuerSiret, string Number, DateOnly IssuedOn, decimal HoursDone, decimal AmountExclTax, decimal Vat, decimal AmountInclTax, string Status,
        string StatusLabel, string? RejectionReason, string? MaskedIban, bool NewBankAccount, string FileName, string ContentType, long FileSize, DateTimeOffset SubmittedAt,
        string SubmittedByName, string? CheckedByName, IReadOnlyList<Move> History, PaymentPart? Payment, DossierPart Dossier);

    public sealed record Move(DateTimeOffset At, string ByName, string? From, string? FromLabel, string To, string ToLabel, string? Reason);

    public sealed record PaymentPart(Guid Id, DateOnly PaidOn, decimal Amount, string PayeeName, string PayeeMaskedIban, string Reference,
        DateTimeOffset RecordedAt, string RecordedByName);

    /// <param name="CertificateReceived">The certificat de réalisation is in: the dossier's invoices may be paid.</param>
    public sealed record DossierPart(decimal GrantedAmount, decimal Paid, decimal OpenCommitment, decimal Hours, decimal HoursInvoiced,
        bool CertificateReceived, bool Settled, bool DirectPayment, string? ProviderSiret, string? ProviderName, string? ProviderMaskedIban);

    public sealed record Row(Guid Id, long DossierNumber, string Siret, string Issuer, string IssuerLabel, string Number, DateOnly IssuedOn,
        decimal HoursDone, decimal AmountInclTax, string Status, string StatusLabel, DateTimeOffset SubmittedAt, decimal? PaidAmount, DateOnly? PaidOn);

    /// <summary>The columns every invoices' list sorts on, submission first.</summary>
    public static ListSorts<Invoice> Sorts(string defaultDirection) =>
        new ListSorts<Invoice>("submittedAt", defaultDirection, (rows, descending) => descending ? rows.ThenByDescending(i => i.Id) : rows.ThenBy(i => i.Id))
            .Column("submittedAt", i => i.SubmittedAt)
            .Column("issuedOn", i => i.IssuedOn)
            .Column("number", i => i.Number)
            .Column("dossier", i => i.DossierNumber)
            .Column("amount", i => i.AmountInclTax)
            .Column("status", i => i.Status);

    /// <summary>A row straight from the database; its labels are set by <see cref="Labelled"/>.</summary>
    public static readonly Expression<Func<Invoice, Row>> Projection = i => new Row(i.Id, i.DossierNumber, i.Siret, i.Issuer.ToString(), "", i.Number,
        i.IssuedOn, i.HoursDone, i.AmountInclTax, i.Status.ToString(), "", i.SubmittedAt, i.Payment != null ? i.Payment.Amount : null,
        i.Payment != null ? i.Payment.PaidOn : null);

    public static Row Labelled(Row row) => row with
    {
        IssuerLabel = InvoiceIssuers.Label(Enum.Parse<InvoiceIssuer>(row.Issuer)), StatusLabel = InvoiceStatuses.Label(Enum.Parse<InvoiceStatus>(row.Status)),
    };

    public static async Task<Detail> OfAsync(FinanceDbContext db, Invoice invoice, CancellationToken cancellationToken)
    {
        var dossier = await db.FundedDossiers.AsNoTracking().SingleAsync(d => d.Id == invoice.DossierId, cancellationToken);
        return new Detail(invoice.Id, invoice.DossierId, invoice.DossierNumber, dossier.Title, invoice.Siret, invoice.Issuer.ToString(),
            InvoiceIssuers.Label(invoice.Issuer), invoice.IssuerSiret, invoice.Number, invoice.IssuedOn, invoice.HoursDone, invoice.AmountExclTax, invoice.Vat,
            invoice.AmountInclTax, invoice.Status.ToString(), InvoiceStatuses.Label(invoice.Status), invoice.RejectionReason, invoice.MaskedIban,
            invoice.NewBankAccount,
            invoice.FileName, invoice.ContentType, invoice.FileSize, invoice.SubmittedAt, invoice.SubmittedByName, invoice.CheckedByName,
            [.. invoice.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new Move(h.At, h.ByName, h.From?.ToString(),
                h.From is { } from ? InvoiceStatuses.Label(from) : null, h.To.ToString(), InvoiceStatuses.Label(h.To), h.Reason))],
            invoice.Payment is { } p ? new PaymentPart(p.Id, p.PaidOn, p.Amount, p.PayeeName, p.PayeeMaskedIban, p.Reference, p.RecordedAt, p.RecordedByName) : null,
            await DossierPartAsync(db, dossier, cancellationToken));
    }

    public static async Task<DossierPart> DossierPartAsync(FinanceDbContext db, FundedDossier dossier, CancellationToken cancellationToken)
    {
        var (_, open) = await InvoiceStore.CommitmentAsync(db, dossier.Id, cancellationToken);
        var paid = await db.Set<InvoicePayment>().Where(p => p.DossierId == dossier.Id).SumAsync(p => (decimal?)p.Amount, cancellationToken) ?? 0;
        var hours = await InvoiceStore.HoursInvoicedAsync(db, dossier.Id, cancellationToken);
        return new DossierPart(dossier.GrantedAmount, paid, open, dossier.Hours, hours, dossier.IsCompleted, dossier.IsSettled, dossier.DirectPayment,
            dossier.ProviderSiret, dossier.ProviderName, dossier.ProviderMaskedIban);
    }
}
