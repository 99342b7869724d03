using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Finance.Data;
using Opco.Finance.Domain;
using Opco.SharedKernel;

namespace Opco.Finance.Features.Ledger;

/// <summary>
/// OPCO administrators credit an account (a company's, or a pooled source's envelope for a year: an allocation or money
/// received), correct it with a reason, and read its figures, all from the ledger.
/// </summary>
public static class AccountAdministration
{
    public sealed record AccountRef(string? Kind, string? Siren, string? Source, int? Year);

    /// <summary><paramref name="Cause"/>: Allocation (the default) or CashReceipt.</summary>
    public sealed record CreditRequest(string? Kind, string? Siren, string? Source, int? Year, decimal? Amount, string? Reference, string? Cause = null);

    /// <summary>A correction, signed, with its reason.</summary>
    public sealed record AdjustmentRequest(string? Kind, string? Siren, string? Source, int? Year, decimal? Amount, string? Reason);

    public sealed record FiguresView(string Key, decimal Credited, decimal Paid, decimal OpenCommitments, decimal AvailableForCommitment,
        decimal AvailableForPayment);

    public static RouteGroupBuilder MapAccountAdministration(this RouteGroupBuilder admin)
    {
        admin.MapPost("/credits", CreditAsync).WithName("CreditAccount")
            .WithSummary("Credits a company account or a pooled source's envelope (OPCO administrators).");
        admin.MapPost("/adjustments", AdjustAsync).WithName("AdjustAccount")
            .WithSummary("Corrects what an account was credited, up or down, with a reason; never below what it holds available (OPCO administrators).");
        admin.MapGet("/figures", FiguresAsync).WithName("AccountFigures")
            .WithSummary("An account's figures from its ledger: credited, paid, provisioned, available (OPCO administrators).");
        return admin;
    }

    public static Task<Results<Ok<FiguresView>, ValidationProblem>> CreditAsync(CreditRequest request, HttpContext http, FinanceDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var cause = LedgerCause.Allocation;
        if (request.Cause is not null && !EnumCodes.TryParse(request.Cause, out cause))
            errors.Add("cause", "Un crédit est une dotation de l'OPCO (Allocation) ou un versement encaissé (CashReceipt).");
        return RecordAsync(new AccountRef(request.Kind, request.Siren, request.Source, request.Year), errors, "Le crédit n'a pas été enregistré.", db, time,
            (account, _, now) => LedgerEntry.Credit(account, request.Amount, cause, request.Reference, http.User.UserId()!.Value, now), cancellationToken);
    }

    public static Task<Results<Ok<FiguresView>, ValidationProblem>> AdjustAsync(AdjustmentRequest request, HttpContext http, FinanceDbContext db,
        TimeProvider time, CancellationToken cancellationToken) =>
        RecordAsync(new AccountRef(request.Kind, request.Siren, request.Source, request.Year), new FieldErrors(), "La correction n'a pas été enregistrée.",
            db, time, (account, figures, now) => LedgerEntry.Adjust(account, figures, request.Amount, request.Reason, http.User.UserId()!.Value, now),
            cancellationToken);

    /// <summary>
    /// One line on the account, decided with the account locked on the figures it has then (two corrections at once are
    /// decided one after the other), in one transaction with its event.
    /// </summary>
    private static async Task<Results<Ok<FiguresView>, ValidationProblem>> RecordAsync(AccountRef reference, FieldErrors errors, string title,
        FinanceDbContext db, TimeProvider time, Func<FundingAccount, AccountFigures, DateTimeOffset, (LedgerEntry? Entry, FieldErrors Errors)> record,
        CancellationToken cancellationToken)
    {
        var target = Check(reference, errors);
        if (target is null || !errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary(), title: title);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync<Results<Ok<FiguresView>, ValidationProblem>>(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var account = await LedgerStore.LockedAccountAsync(db, target.Value.Kind, target.Value.Siren, target.Value.Source, target.Value.Year, now,
                cancellationToken);
            var (entry, refused) = record(account, await LedgerStore.FiguresAsync(db, account.Id, cancellationToken), now);
            if (entry is null) return TypedResults.ValidationProblem(refused.ToDictionary(), title: title);
            db.LedgerEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            var figures = await LedgerStore.FiguresAsync(db, account.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(View(account.Key, figures));
        });
    }

    public static async Task<Results<Ok<FiguresView>, ValidationProblem>> FiguresAsync([AsParameters] AccountRef reference, FinanceDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var target = Check(reference, errors);
        if (target is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Le compte demandé n'est pas valide.");
        var key = FundingAccount.KeyOf(target.Value.Kind, target.Value.Siren, target.Value.Source, target.Value.Year);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Key == key, cancellationToken);
        var figures = account is null ? AccountFigures.Of([]) : await LedgerStore.FiguresAsync(db, account.Id, cancellationToken);
        return TypedResults.Ok(View(key, figures));
    }

    private static FiguresView View(string key, AccountFigures f) =>
        new(key, f.Credited, f.Paid, f.OpenCommitments, f.AvailableForCommitment, f.AvailableForPayment);

    private static (FundingKind Kind, string? Siren, string Source, int? Year)? Check(AccountRef reference, FieldErrors errors)
    {
        if (!EnumCodes.TryParse<FundingKind>(reference.Kind, out var kind))
            errors.Add("kind", "Le type de compte est CompanyAccount (compte d'une entreprise) ou PooledSource (financement mutualisé).");
        var source = reference.Source?.Trim();
        if (string.IsNullOrEmpty(source) || source.Length > FundingAccount.SourceMaxLength) errors.Add("source", "Indiquez le compte ou le financement.");
        string? siren = null;
        if (kind == FundingKind.CompanyAccount)
        {
            if (Siren.TryParse(reference.Siren, out var parsed)) siren = parsed!.Value;
            else errors.Add("siren", "Le SIREN de l'entreprise doit comporter 9 chiffres valides.");
        }
        else if (reference.Year is not (>= 2000 and <= 2100)) errors.Add("year", "Indiquez l'année de l'enveloppe.");
        return errors.IsEmpty ? (kind, siren, source!, kind == FundingKind.PooledSource ? reference.Year : null) : null;
    }
}
