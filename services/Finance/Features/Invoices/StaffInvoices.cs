using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Contracts.Finance;
using Opco.Finance.Data;
using Opco.Finance.Domain;
using Opco.Finance.Domain.Invoices;
using Opco.Finance.Features.Ledger;
using Opco.Messaging.Outbox;
using Opco.SharedKernel;

namespace Opco.Finance.Features.Invoices;

/// <summary>
/// The OPCO's side of the invoices. Advisors check them: « En contrôle », then « Bon à payer » or « Rejetée » with a reason.
/// Administrators pay them (never the one who checked): the payment enters the ledger against the dossier's commitment, and a
/// dossier whose commitment is paid in full is settled; an administrator may also settle a realised dossier, its unpaid rest
/// released.
/// </summary>
public static class StaffInvoices
{
    public sealed record RejectRequest(string? Reason);

    public sealed record PaymentRequest(DateOnly? PaidOn, decimal? Amount);

    public sealed record SettleRequest(string? Reason);

    public sealed record Settlement(Guid DossierId, decimal Released);

    /// <summary>Oldest first by default: the first received is the first to check and to pay.</summary>
    private static readonly ListSorts<Invoice> Sorts = InvoiceView.Sorts(ListSorts<Invoice>.Ascending);

    public static RouteGroupBuilder MapAdvisorInvoices(this RouteGroupBuilder invoices)
    {
        invoices.MapGet("", ([AsParameters] ListQuery list, string? status, FinanceDbContext db, CancellationToken ct) =>
                ListAsync(list, status, [InvoiceStatus.Received, InvoiceStatus.UnderCheck], db, ct))
            .WithName("AdvisorInvoices").WithSummary("Factures à contrôler: received and under check by default, oldest first (advisors).");
        MapReading(invoices, "Advisor");
        invoices.MapPost("/{id:guid}/check", (Guid id, HttpContext http, FinanceDbContext db, TimeProvider time, CancellationToken ct) =>
                MoveAsync(id, db, (invoice, now) => invoice.StartCheck(InvoiceStore.ActorOf(http.User), now), time, ct))
            .WithName("StartInvoiceCheck").WithSummary("Takes the invoice to check it (« En contrôle »).");
        invoices.MapPost("/{id:guid}/approve", (Guid id, HttpContext http, FinanceDbContext db, TimeProvider time, CancellationToken ct) =>
                MoveAsync(id, db, (invoice, now) => invoice.Approve(InvoiceStore.ActorOf(http.User), now), time, ct))
            .WithName("ApproveInvoice").WithSummary("The invoice matches its dossier: « Bon à payer ».");
        invoices.MapPost("/{id:guid}/reject", (Guid id, RejectRequest request, HttpContext http, FinanceDbContext db, TimeProvider time, CancellationToken ct) =>
                MoveAsync(id, db, (invoice, now) => invoice.Reject(request.Reason, InvoiceStore.ActorOf(http.User), now), time, ct))
            .WithName("RejectInvoice").WithSummary("Rejects the invoice with a reason (« Rejetée »).");
        return invoices;
    }

    public static RouteGroupBuilder MapAdministratorInvoices(this RouteGroupBuilder invoices)
    {
        invoices.MapGet("", ([AsParameters] ListQuery list, string? status, FinanceDbContext db, CancellationToken ct) =>
                ListAsync(list, status, [InvoiceStatus.ApprovedForPayment], db, ct))
            .WithName("AdministratorInvoices").WithSummary("Factures à payer: approved for payment by default, oldest first (administrators).");
        MapReading(invoices, "Administrator");
        invoices.MapPost("/{id:guid}/payment", PayAsync).WithName("PayInvoice")
            .WithSummary("Records the payment of an invoice approved for payment: date, amount; the ledger pays the dossier's commitment.");
        return invoices;
    }

    public static RouteGroupBuilder MapDossierSettlement(this RouteGroupBuilder dossiers)
    {
        dossiers.MapPost("/{id:guid}/settle", SettleAsync).WithName("SettleDossier")
            .WithSummary("Settles a realised dossier whose invoices are all decided: the unpaid rest of its commitment is released (administrators).");
        return dossiers;
    }

    private static void MapReading(RouteGroupBuilder invoices, string who)
    {
        invoices.MapGet("/{id:guid}", async Task<Results<Ok<InvoiceView.Detail>, ProblemHttpResult>> (Guid id, FinanceDbContext db, CancellationToken ct) =>
                await InvoiceStore.Whole(db).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } invoice
                    ? TypedResults.Ok(await InvoiceView.OfAsync(db, invoice, ct)) : InvoiceStore.NotFound())
            .WithName($"{who}InvoiceDetail").WithSummary("One invoice with its history, payment and dossier.");
        invoices.MapGet("/{id:guid}/file", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, FinanceDbContext db, CancellationToken ct) =>
                await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } invoice
                    ? await InvoiceDocuments.FileAsync(db, invoice, ct) : InvoiceStore.NotFound())
            .WithName($"{who}InvoiceFile").WithSummary("The invoice's file.");
        invoices.MapGet("/{id:guid}/payment-notice", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (Guid id, FinanceDbContext db, CancellationToken ct) =>
                await InvoiceStore.Whole(db).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } invoice
                    ? await InvoiceDocuments.NoticeAsync(db, invoice, ct) : InvoiceStore.NotFound())
            .WithName($"{who}PaymentNotice").WithSummary("The « avis de règlement » of a paid invoice (PDF).");
    }

    private static async Task<Results<Ok<ListPage<InvoiceView.Row>>, ValidationProblem>> ListAsync(ListQuery list, string? status,
        InvoiceStatus[] byDefault, FinanceDbContext db, CancellationToken cancellationToken)
    {
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        if (!InvoiceStore.TryStatus(status, out var only, out var invalid)) return invalid;
        InvoiceStatus[] statuses = only is { } one ? [one] : byDefault;
        var page = await request.ToPageAsync(db.Invoices.AsNoTracking().Where(i => statuses.Contains(i.Status)), InvoiceView.Projection, cancellationToken);
        return TypedResults.Ok(page.Map(InvoiceView.Labelled));
    }

    private static async Task<Results<Ok<InvoiceView.Detail>, ProblemHttpResult>> MoveAsync(Guid id, FinanceDbContext db,
        Func<Invoice, DateTimeOffset, FieldErrors> move, TimeProvider time, CancellationToken cancellationToken)
    {
        var invoice = await InvoiceStore.Whole(db).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return InvoiceStore.NotFound();
        var refused = move(invoice, time.GetUtcNow());
        if (!refused.IsEmpty) return InvoiceStore.Refused(refused);
        if (!await InvoiceStore.TrySaveAsync(db, cancellationToken)) return InvoiceStore.ChangedMeanwhile();
        return TypedResults.Ok(await InvoiceView.OfAsync(db, invoice, cancellationToken));
    }

    /// <summary>
    /// In one transaction, the dossier then its account locked, everything read after the locks: the payment checked against
    /// what the commitment holds then, its ledger line, its event, and the dossier settled when nothing is left to pay and no
    /// other invoice waits. Two payments of one dossier (or of one invoice) are decided one after the other.
    /// </summary>
    public static async Task<Results<Ok<InvoiceView.Detail>, ProblemHttpResult>> PayAsync(Guid id, PaymentRequest request, HttpContext http,
        FinanceDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync<Results<Ok<InvoiceView.Detail>, ProblemHttpResult>>(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dossierId = await db.Invoices.Where(i => i.Id == id).Select(i => (Guid?)i.DossierId).FirstOrDefaultAsync(cancellationToken);
            if (dossierId is null) return InvoiceStore.NotFound();
            var dossier = (await InvoiceStore.LockedDossierAsync(db, dossierId.Value, cancellationToken))!;
            var (commitment, _) = await InvoiceStore.CommitmentAsync(db, dossier.Id, cancellationToken);
            if (commitment is null) return InvoiceStore.Refused(new FieldErrors().Add("status", $"Le dossier n° {dossier.Number} n'a pas d'engagement à régler."));
            await LedgerStore.LockAsync(db, commitment.AccountId, cancellationToken);
            var invoice = await InvoiceStore.Whole(db).FirstAsync(i => i.Id == id, cancellationToken);
            var (_, open) = await InvoiceStore.CommitmentAsync(db, dossier.Id, cancellationToken);
            var now = time.GetUtcNow();
            var administrator = InvoiceStore.ActorOf(http.User);
            var (payment, refused) = invoice.Pay(dossier, request.PaidOn, request.Amount, open, administrator, ParisCalendar.Today(time), now);
            if (payment is null) return InvoiceStore.Refused(refused);
            db.LedgerEntries.Add(LedgerEntry.PaymentOf(commitment, payment.Amount, payment.Reference, administrator.UserId, now));
            db.PublishOnCommit(new PaymentRecorded(payment.Id, invoice.Id, dossier.Id, dossier.Number, dossier.Siret, invoice.Number, payment.Amount,
                payment.PaidOn, now), dossier.Id.ToString());
            if (FundedDossier.SettlesWhenPaid(open - payment.Amount, await InvoiceStore.PendingInvoicesAsync(db, dossier.Id, invoice.Id, cancellationToken)))
            {
                dossier.Settle(now);
                db.PublishOnCommit(new DossierSettled(dossier.Id, PaidInFull: true, Released: 0m, null, now), dossier.Id.ToString());
            }
            // An advisor's move on the invoice at the same moment (its UpdatedAt changed): told, nothing written.
            if (!await InvoiceStore.TrySaveAsync(db, cancellationToken)) return InvoiceStore.ChangedMeanwhile();
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(await InvoiceView.OfAsync(db, invoice, cancellationToken));
        });

    public static async Task<Results<Ok<Settlement>, ProblemHttpResult>> SettleAsync(Guid id, SettleRequest request, HttpContext http, FinanceDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync<Results<Ok<Settlement>, ProblemHttpResult>>(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dossier = await InvoiceStore.LockedDossierAsync(db, id, cancellationToken);
            if (dossier is null)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dossier introuvable parmi les dossiers financés.");
            var (commitment, _) = await InvoiceStore.CommitmentAsync(db, dossier.Id, cancellationToken);
            if (commitment is not null) await LedgerStore.LockAsync(db, commitment.AccountId, cancellationToken);
            var pending = await InvoiceStore.PendingInvoicesAsync(db, dossier.Id, null, cancellationToken);
            var now = time.GetUtcNow();
            var refused = dossier.CheckSettlement(request.Reason, pending);
            if (!refused.IsEmpty) return InvoiceStore.Refused(refused);
            var entries = await db.LedgerEntries.Where(e => e.CauseId == dossier.Id).ToListAsync(cancellationToken);
            var release = commitment is null ? null
                : LedgerEntry.ReleaseOf(commitment, entries, $"{dossier.Reference} soldé : {request.Reason!.Trim()}", now, http.User.UserId());
            if (release is not null) db.LedgerEntries.Add(release);
            dossier.Settle(now);
            db.PublishOnCommit(new DossierSettled(dossier.Id, PaidInFull: false, Released: release?.Amount ?? 0m, request.Reason!.Trim(), now),
                dossier.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(new Settlement(dossier.Id, release?.Amount ?? 0m));
        });
}
