using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Finance.Data;
using Opco.Finance.Domain.Invoices;
using Opco.SharedKernel;
using Opco.SharedKernel.Documents;

namespace Opco.Finance.Features.Invoices;

/// <summary>An invoice's file and its payment's « avis de règlement », for whoever may see the invoice.</summary>
public static class InvoiceDocuments
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(FinanceDbContext db, Invoice invoice,
        CancellationToken cancellationToken)
    {
        var content = await db.InvoiceFiles.Where(f => f.InvoiceId == invoice.Id).Select(f => f.Content).FirstAsync(cancellationToken);
        return TypedResults.File(content, invoice.ContentType, invoice.FileName);
    }

    /// <summary>The « avis de règlement »: what was paid, when, to whom (IBAN masked), for which dossier and invoice.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> NoticeAsync(FinanceDbContext db, Invoice invoice,
        CancellationToken cancellationToken)
    {
        if (invoice.Payment is not { } payment)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"La facture est « {InvoiceStatuses.Label(invoice.Status)} » : l'avis de règlement existe une fois la facture payée.");
        var dossier = await db.FundedDossiers.AsNoTracking().FirstAsync(d => d.Id == invoice.DossierId, cancellationToken);
        var pdf = new SimplePdf()
            .Title("Avis de règlement")
            .Text($"Référence : {payment.Reference}", bold: true)
            .Text($"Réglé le {FrenchFormat.Date(payment.PaidOn)} par virement")
            .Heading("Montant réglé")
            .Text(FrenchFormat.Euros(payment.Amount), bold: true)
            .Heading("Bénéficiaire")
            .Text(payment.PayeeName)
            .Text($"IBAN : {payment.PayeeMaskedIban}")
            .Heading("Facture")
            .Text($"Facture n° {invoice.Number} du {FrenchFormat.Date(invoice.IssuedOn)}, émise par : {InvoiceIssuers.Label(invoice.Issuer)}, SIRET {invoice.IssuerSiret}")
            .Text($"Montant HT : {FrenchFormat.Euros(invoice.AmountExclTax)} — TVA : {FrenchFormat.Euros(invoice.Vat)} — TTC : {FrenchFormat.Euros(invoice.AmountInclTax)}")
            .Text($"Heures réalisées : {FrenchFormat.Hours(invoice.HoursDone)}")
            .Heading("Dossier de prise en charge")
            .Text($"Dossier n° {dossier.Number}{(dossier.Title is null ? "" : $" — {dossier.Title}")}, établissement SIRET {dossier.Siret}")
            .Text($"Montant accordé : {FrenchFormat.Euros(dossier.GrantedAmount)}")
            .Space()
            .Text("Ce règlement est imputé sur l'engagement du dossier. Conservez cet avis avec la facture.");
        return TypedResults.File(pdf.Build(), "application/pdf", $"avis-de-reglement-{dossier.Number}-{FileSafe(invoice.Number)}.pdf");
    }

    private static string FileSafe(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
