using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api;
using Opco.Api.Security;
using Opco.Authorization.Establishments;
using Opco.Finance.Data;
using Opco.Finance.Domain.Invoices;
using Opco.Messaging;
using Opco.SharedKernel;
using Opco.SharedKernel.Documents;

namespace Opco.Finance.Features.Invoices;

/// <summary>
/// "Déposer une facture": the company sends an invoice of one of its funded dossiers with its file (multipart form: the fields
/// and <c>file</c>); every field is checked, the file judged by its content (PDF, JPEG, PNG, 10 MB), and nothing is stored
/// unless everything is right. The invoice is « Reçue ».
/// </summary>
public static class SubmitInvoice
{
    public static RouteGroupBuilder MapSubmitInvoice(this RouteGroupBuilder invoices)
    {
        invoices.MapPost("", SubmitAsync).WithName("SubmitInvoice")
            .Accepts<IFormFile>("multipart/form-data")
            // Bearer tokens, not cookies: no cross-site form can carry the caller's rights.
            .DisableAntiforgery()
            .WithSummary("Déposer une facture: dossierId, number, issuedOn (AAAA-MM-JJ), hoursDone, amountExclTax, vat, amountInclTax, iban (reimbursement), file.");
        return invoices;
    }

    public static async Task<Results<Created<InvoiceView.Detail>, ProblemHttpResult, ValidationProblem>> SubmitAsync(HttpContext http,
        FinanceDbContext db, IEstablishmentRights rights, IIbanProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Envoyez la facture comme un formulaire avec son fichier.");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: DocumentFile.TooLarge);
        }

        var errors = new FieldErrors();
        var dossierId = Guid.TryParse(form["dossierId"], out var id) ? id : (Guid?)null;
        if (dossierId is null) errors.Add("dossierId", "Choisissez le dossier que la facture concerne.");
        var invoiceForm = new InvoiceForm(form["number"], TypedValues.Day(form["issuedOn"], "issuedOn", errors), TypedValues.Number(form["hoursDone"], "hoursDone", errors),
            TypedValues.Number(form["amountExclTax"], "amountExclTax", errors), TypedValues.Number(form["vat"], "vat", errors), TypedValues.Number(form["amountInclTax"], "amountInclTax", errors),
            form["iban"]);
        var (content, fileInfo) = await FileAsync(form.Files.GetFile("file"), errors, cancellationToken);

        if (!errors.IsEmpty) return Invalid(errors);
        var sirets = await InvoiceStore.SiretsAsync(rights, http.User, cancellationToken);
        var by = InvoiceStore.ActorOf(http.User);
        // The dossier locked while the invoice is checked against its other invoices' hours and its state: two deposits at once
        // are decided one after the other, and none lands on a dossier being settled.
        var outcome = await db.Database.CreateExecutionStrategy().ExecuteAsync<(Invoice? Invoice, FieldErrors Errors)>(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dossier = await InvoiceStore.LockedDossierAsync(db, dossierId!.Value, cancellationToken);
            if (dossier is null || !sirets.Contains(dossier.Siret))
                return (null, new FieldErrors().Add("dossierId", "Ce dossier n'existe pas, n'est pas accepté ou n'est pas d'un de vos établissements."));
            var hours = await InvoiceStore.HoursInvoicedAsync(db, dossier.Id, cancellationToken);
            var known = await db.Invoices.Where(i => i.Siret.Substring(0, 9) == dossier.Siren && i.IbanFingerprint != null && i.Status != InvoiceStatus.Rejected)
                .Select(i => i.IbanFingerprint!).Distinct().ToListAsync(cancellationToken);
            var (invoice, refused) = Invoice.Submit(dossier, invoiceForm, hours, fileInfo!, protector, [.. known.Select(Convert.ToHexString)], by,
                ParisCalendar.Today(time), time.GetUtcNow());
            if (invoice is null) return (null, refused);
            if (await db.Invoices.AnyAsync(i => i.IssuerSiret == invoice.IssuerSiret && i.Number == invoice.Number, cancellationToken))
                return (null, Duplicate(invoice));
            db.Invoices.Add(invoice);
            db.InvoiceFiles.Add(InvoiceFile.Of(invoice.Id, content!));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueViolation.On(e, InvoiceConfiguration.OneNumberPerIssuer))
            {
                return (null, Duplicate(invoice));
            }
            await transaction.CommitAsync(cancellationToken);
            return (invoice, refused);
        });
        if (outcome.Invoice is not { } invoice) return Invalid(outcome.Errors);
        return TypedResults.Created($"/api/finance/invoices/{invoice.Id}", await InvoiceView.OfAsync(db, invoice, cancellationToken));
    }

    private static FieldErrors Duplicate(Invoice invoice) =>
        new FieldErrors().Add("number", $"La facture n° {invoice.Number} de cet émetteur a déjà été déposée.");

    private static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "La facture n'a pas été enregistrée.");

    private static async Task<(byte[]? Content, InvoiceFileInfo? Info)> FileAsync(IFormFile? file, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) { errors.Add("file", "Joignez la facture (PDF, JPEG ou PNG)."); return (null, null); }
        if (file.Length > DocumentFile.MaxSize) { errors.Add("file", DocumentFile.TooLarge); return (null, null); }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (DocumentFile.ContentTypeOf(content) is not { } contentType) { errors.Add("file", DocumentFile.WrongType); return (null, null); }
        return (content, new InvoiceFileInfo(DocumentFile.SafeName(file.FileName, contentType), contentType, content.Length));
    }
}
