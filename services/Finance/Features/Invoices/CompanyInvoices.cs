using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Authorization.Establishments;
using Opco.Authorization.HabilitationCopy;
using Opco.Finance.Data;
using Opco.Finance.Domain.Invoices;
using Opco.SharedKernel;

namespace Opco.Finance.Features.Invoices;

/// <summary>
/// "Suivre et visualiser les factures" (Reporting): the invoices of the caller's establishments' dossiers with their status and
/// payment, filters and paging; one invoice with its history, file and « avis de règlement »; the dossiers an invoice can be
/// deposited for. To anyone else an invoice does not exist (404).
/// </summary>
public static class CompanyInvoices
{
    public sealed record InvoiceableDossier(Guid Id, long Number, string Siret, string? Title, DateOnly StartDate, DateOnly EndDate, string Issuer,
        string IssuerLabel, string? ProviderName, decimal GrantedAmount, decimal Hours, bool CertificateReceived);

    private static readonly ListSorts<Invoice> Sorts = InvoiceView.Sorts(ListSorts<Invoice>.Descending);

    public static RouteGroupBuilder MapCompanyInvoices(this RouteGroupBuilder invoices)
    {
        invoices.MapGet("", ListAsync).WithName("ListInvoices")
            .WithSummary("Mes factures: the invoices of the establishments where the caller follows them (siret, status, dossier; sort, paging).");
        invoices.MapGet("/dossiers", InvoiceableAsync).WithName("InvoiceableDossiers")
            .WithSummary("The funded dossiers of the caller's establishments that can still receive an invoice.");
        invoices.MapGet("/{id:guid}", DetailAsync).WithName("InvoiceDetail")
            .WithSummary("One invoice: fields, status and history, payment, where its dossier stands.");
        invoices.MapGet("/{id:guid}/file", FileAsync).WithName("InvoiceFile").WithSummary("The invoice's file.");
        invoices.MapGet("/{id:guid}/payment-notice", NoticeAsync).WithName("PaymentNotice")
            .WithSummary("The « avis de règlement » of a paid invoice (PDF).");
        return invoices;
    }

    public static async Task<Results<Ok<ListPage<InvoiceView.Row>>, ValidationProblem>> ListAsync([AsParameters] ListQuery list, HttpContext http,
        FinanceDbContext db, IEstablishmentRights rights, CancellationToken cancellationToken, string? siret = null, string? status = null,
        long? dossier = null)
    {
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        if (!InvoiceStore.TryStatus(status, out var only, out var invalid)) return invalid;
        var sirets = await InvoiceStore.SiretsAsync(rights, http.User, cancellationToken);
        var rows = db.Invoices.AsNoTracking().Where(i => sirets.Contains(i.Siret));
        if (!string.IsNullOrWhiteSpace(siret)) rows = rows.Where(i => i.Siret == SiretKey.Of(siret));
        if (only is { } s) rows = rows.Where(i => i.Status == s);
        if (dossier is { } number) rows = rows.Where(i => i.DossierNumber == number);
        var page = await request.ToPageAsync(rows, InvoiceView.Projection, cancellationToken);
        return TypedResults.Ok(page.Map(InvoiceView.Labelled));
    }

    public static async Task<Ok<IReadOnlyList<InvoiceableDossier>>> InvoiceableAsync(HttpContext http, FinanceDbContext db, IEstablishmentRights rights,
        CancellationToken cancellationToken)
    {
        var sirets = await InvoiceStore.SiretsAsync(rights, http.User, cancellationToken);
        var dossiers = await db.FundedDossiers.AsNoTracking().Where(d => sirets.Contains(d.Siret) && d.SettledAt == null && d.CancelledAt == null)
            .OrderByDescending(d => d.Number).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<InvoiceableDossier>>([.. dossiers.Select(d => new InvoiceableDossier(d.Id, d.Number, d.Siret, d.Title, d.StartDate,
            d.EndDate, d.Issuer.ToString(), InvoiceIssuers.Label(d.Issuer), d.ProviderName, d.GrantedAmount, d.Hours, d.IsCompleted))]);
    }

    public static async Task<Results<Ok<InvoiceView.Detail>, ProblemHttpResult>> DetailAsync(Guid id, HttpContext http, FinanceDbContext db,
        IEstablishmentRights rights, CancellationToken cancellationToken)
    {
        var invoice = await VisibleAsync(db, rights, http, id, cancellationToken);
        return invoice is null ? InvoiceStore.NotFound() : TypedResults.Ok(await InvoiceView.OfAsync(db, invoice, cancellationToken));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(Guid id, HttpContext http, FinanceDbContext db,
        IEstablishmentRights rights, CancellationToken cancellationToken) =>
        await VisibleAsync(db, rights, http, id, cancellationToken) is { } invoice ? await InvoiceDocuments.FileAsync(db, invoice, cancellationToken) : InvoiceStore.NotFound();

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> NoticeAsync(Guid id, HttpContext http, FinanceDbContext db,
        IEstablishmentRights rights, CancellationToken cancellationToken) =>
        await VisibleAsync(db, rights, http, id, cancellationToken) is { } invoice ? await InvoiceDocuments.NoticeAsync(db, invoice, cancellationToken) : InvoiceStore.NotFound();

    private static async Task<Invoice?> VisibleAsync(FinanceDbContext db, IEstablishmentRights rights, HttpContext http, Guid id, CancellationToken cancellationToken)
    {
        var sirets = await InvoiceStore.SiretsAsync(rights, http.User, cancellationToken);
        return await InvoiceStore.Whole(db).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && sirets.Contains(i.Siret), cancellationToken);
    }
}
