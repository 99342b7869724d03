using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Finance.Data;
using Opco.Finance.Domain;
using Opco.Finance.Domain.Invoices;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.Finance.Features.Invoices;

/// <summary>Who sees which invoices, loading one whole, and the answers every invoice endpoint shares.</summary>
public static class InvoiceStore
{
    /// <summary>The establishments where the caller may "Suivre et visualiser les factures" (Reporting): their dossiers' invoices only.</summary>
    public static async Task<IReadOnlyList<string>> SiretsAsync(IEstablishmentRights rights, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        user.UserId() is { } userId ? await rights.EstablishmentsAllowingAsync(userId, Functionality.SuivreFactures, cancellationToken) : [];

    public static IQueryable<Invoice> Whole(FinanceDbContext db) => db.Invoices.Include(i => i.History).Include(i => i.Payment);

    public static InvoiceActorRef ActorOf(ClaimsPrincipal user) =>
        new(user.UserId() ?? throw new InvalidOperationException("An authenticated user without an id."),
            user.FindFirst("name")?.Value ?? user.FindFirst("email")?.Value ?? "Utilisateur du portail");

    /// <summary>What a dossier's commitment still holds (committed − released − paid), with the line it was committed by.</summary>
    public static async Task<(LedgerEntry? Commitment, decimal Open)> CommitmentAsync(FinanceDbContext db, Guid dossierId, CancellationToken cancellationToken)
    {
        var entries = await db.LedgerEntries.Where(e => e.CauseId == dossierId).ToListAsync(cancellationToken);
        var commitment = entries.FirstOrDefault(e => e.Kind == LedgerEntryKind.Commitment);
        return (commitment, commitment is null ? 0 : LedgerEntry.OpenOf(commitment, entries));
    }

    /// <summary>
    /// The funded dossier, locked until the transaction ends: what is decided on it (an invoice's hours, a payment, its
    /// settlement) is decided one after the other, each on what the other left. Taken before the account's lock.
    /// </summary>
    public static Task<FundedDossier?> LockedDossierAsync(FinanceDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.FundedDossiers.FromSql($"""SELECT * FROM funded_dossiers WHERE "Id" = {id} FOR UPDATE""").FirstOrDefaultAsync(cancellationToken);

    /// <summary>The dossier's invoices still waiting for a check, a decision or a payment, <paramref name="except"/> apart.</summary>
    public static Task<int> PendingInvoicesAsync(FinanceDbContext db, Guid dossierId, Guid? except, CancellationToken cancellationToken) =>
        db.Invoices.CountAsync(i => i.DossierId == dossierId && i.Id != except && InvoiceStatuses.Pending.Contains(i.Status), cancellationToken);

    /// <summary>The hours the dossier's invoices claim, rejected ones apart: together they stay within the hours granted.</summary>
    public static async Task<decimal> HoursInvoicedAsync(FinanceDbContext db, Guid dossierId, CancellationToken cancellationToken) =>
        await db.Invoices.Where(i => i.DossierId == dossierId && i.Status != InvoiceStatus.Rejected).SumAsync(i => (decimal?)i.HoursDone, cancellationToken) ?? 0;

    /// <summary>The status filter of the invoices' lists: one of the statuses' codes, or none.</summary>
    public static bool TryStatus(string? status, out InvoiceStatus? only, out ValidationProblem problem)
    {
        only = null;
        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]>
            { ["status"] = [$"Le statut doit être l'un de : {string.Join(", ", Enum.GetNames<InvoiceStatus>())}."] }, title: "Le filtre demandé n'est pas valide.");
        if (string.IsNullOrWhiteSpace(status)) return true;
        if (!EnumCodes.TryParse<InvoiceStatus>(status, out var parsed)) return false;
        only = parsed;
        return true;
    }

    public static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Facture introuvable.");

    /// <summary>A move the invoice refuses (its status, the checker paying, the certificate missing…): 409 with the French reason.</summary>
    public static ProblemHttpResult Refused(FieldErrors errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = errors.Has("status") ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
            Title = errors.Has("status") ? "La facture ne peut pas changer d'état." : "La demande n'est pas valide.",
        });

    public static ProblemHttpResult ChangedMeanwhile() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "La facture a été modifiée entre-temps : rechargez-la.");

    public static async Task<bool> TrySaveAsync(FinanceDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
