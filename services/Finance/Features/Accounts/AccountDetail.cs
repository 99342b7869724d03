using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Api.Lists;
using Opco.Authorization.Establishments;
using Opco.Finance.Data;
using Opco.Finance.Domain;
using Opco.Finance.Features.Ledger;
using Opco.SharedKernel;

namespace Opco.Finance.Features.Accounts;

/// <summary>
/// One company account: its figures, each with its one-line definition, and its ledger lines with their cause, newest
/// first, filtered by period and kind; the same lines as CSV. Shown to whoever may see the company's accounts; to anyone
/// else it does not exist (404).
/// </summary>
public static class AccountDetail
{
    public const int MaxExportRows = 100_000;

    public sealed record View(string Siren, string Code, string Label, FiguresView Figures, IReadOnlyList<MyAccounts.FigureDefinition> Definitions,
        ListPage<LineView> Lines);

    public sealed record FiguresView(decimal Credited, decimal Paid, decimal OpenCommitments, decimal AvailableForCommitment, decimal AvailableForPayment);

    public sealed record LineView(long Id, DateTimeOffset RecordedAt, string Kind, string KindLabel, decimal Amount, string Cause, string CauseLabel,
        string Reference, string RecordedBy);

    private sealed record Filter(DateOnly? From, DateOnly? To, LedgerEntryKind? Kind);

    private sealed record Line(long Id, DateTimeOffset RecordedAt, LedgerEntryKind Kind, decimal Amount, LedgerCause Cause, string Reference, Guid? RecordedBy)
    {
        public LineView ToView() => new(Id, RecordedAt, Kind.ToString(), LedgerLabels.Of(Kind), LedgerEntry.Signed(Kind, Amount), Cause.ToString(),
            LedgerLabels.Of(Cause), Reference, LedgerLabels.RecordedBy(RecordedBy));
    }

    private static readonly ListSorts<LedgerEntry> Sorts =
        new ListSorts<LedgerEntry>("recordedAt", ListSorts<LedgerEntry>.Descending,
                (rows, descending) => descending ? rows.ThenByDescending(e => e.Id) : rows.ThenBy(e => e.Id))
            .Column("recordedAt", e => e.RecordedAt);

    public static RouteGroupBuilder MapAccountDetail(this RouteGroupBuilder accounts)
    {
        accounts.MapGet("/{siren}/{code}", DetailsAsync).WithName("AccountDetail")
            .WithSummary("An account of the company: its figures with their definitions and its ledger lines (period, kind, paging).");
        accounts.MapGet("/{siren}/{code}/export", ExportAsync).WithName("ExportAccountLines")
            .WithSummary("An account's ledger lines as CSV (UTF-8 with BOM, ';', decimal comma), with the detail's filters.");
        return accounts;
    }

    public static async Task<Results<Ok<View>, ProblemHttpResult, ValidationProblem>> DetailsAsync(string siren, string code, [AsParameters] ListQuery list,
        HttpContext http, FinanceDbContext db, IEstablishmentRights rights, CancellationToken cancellationToken, string? from = null, string? to = null,
        string? kind = null)
    {
        if (!Sorts.TryRead(list, out var request, out var problem)) return problem;
        if (!TryFilter(from, to, kind, out var filter, out var invalid)) return invalid;
        if (await AccountAsync(db, rights, http, siren, code, cancellationToken) is not { } found) return NotFound();
        var (account, accountId) = found;
        var sums = await LedgerStore.SumsAsync(db, [accountId], cancellationToken);
        var f = AccountFigures.Of(sums.Select(s => (s.Kind, s.Amount)));
        // Without a period, the number of lines comes with the figures' sums: the page does not count them again.
        int? total = filter.From is null && filter.To is null ? sums.Where(s => filter.Kind is null || s.Kind == filter.Kind).Sum(s => s.Lines) : null;
        var page = await request.ToPageAsync(Lines(db, accountId, filter), Projection, total, cancellationToken);
        return TypedResults.Ok(new View(siren, account.Code, account.Source,
            new FiguresView(f.Credited, f.Paid, f.OpenCommitments, f.AvailableForCommitment, f.AvailableForPayment), MyAccounts.Definitions,
            page.Map(line => line.ToView())));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> ExportAsync(string siren, string code,
        HttpContext http, FinanceDbContext db, IEstablishmentRights rights, CancellationToken cancellationToken, string? from = null, string? to = null,
        string? kind = null)
    {
        if (!TryFilter(from, to, kind, out var filter, out var invalid)) return invalid;
        if (await AccountAsync(db, rights, http, siren, code, cancellationToken) is not { } found) return NotFound();
        var lines = await Lines(db, found.Id, filter).OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).Take(MaxExportRows)
            .Select(Projection).ToListAsync(cancellationToken);
        var csv = CsvExport.Build(["Date", "Type", "Montant", "Origine", "Référence", "Enregistré par"],
            lines.Select(l => l.ToView()).Select(l => (IReadOnlyList<object?>)[ParisCalendar.DateOf(l.RecordedAt), l.KindLabel, l.Amount, l.CauseLabel,
                l.Reference, l.RecordedBy]));
        return TypedResults.File(csv, "text/csv; charset=utf-8", $"compte-{found.Account.Code}.csv");
    }

    private static readonly System.Linq.Expressions.Expression<Func<LedgerEntry, Line>> Projection =
        e => new Line(e.Id, e.RecordedAt, e.Kind, e.Amount, e.Cause, e.Reference, e.RecordedBy);

    /// <summary>The company account asked for, when the caller may see the company's money; its id is empty while nothing moved on it.</summary>
    private static async Task<(CompanyAccounts.Account Account, Guid Id)?> AccountAsync(FinanceDbContext db, IEstablishmentRights rights, HttpContext http,
        string siren, string code, CancellationToken cancellationToken)
    {
        if (CompanyAccounts.ByCode(code) is not { } account) return null;
        if (!(await CompanyAccess.SirensAsync(rights, http.User, cancellationToken)).Contains(siren)) return null;
        var key = FundingAccount.KeyOf(FundingKind.CompanyAccount, siren, account.Source, null);
        var id = await db.Accounts.Where(a => a.Key == key).Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        return (account, id);
    }

    private static IQueryable<LedgerEntry> Lines(FinanceDbContext db, Guid accountId, Filter filter)
    {
        var rows = db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId);
        if (filter.From is { } from)
        {
            var since = ParisCalendar.StartOf(from);
            rows = rows.Where(e => e.RecordedAt >= since);
        }
        if (filter.To is { } to)
        {
            var until = ParisCalendar.StartOf(to.AddDays(1));
            rows = rows.Where(e => e.RecordedAt < until);
        }
        if (filter.Kind is { } k) rows = rows.Where(e => e.Kind == k);
        return rows;
    }

    private static bool TryFilter(string? from, string? to, string? kind, out Filter filter, out ValidationProblem problem)
    {
        var errors = new FieldErrors();
        var since = TypedValues.Day(from, "from", errors);
        var until = TypedValues.Day(to, "to", errors);
        if (since > until) errors.Add("to", "La date de fin de la période doit suivre sa date de début.");
        LedgerEntryKind? only = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (EnumCodes.TryParse<LedgerEntryKind>(kind, out var parsed)) only = parsed;
            else errors.Add("kind", $"Le type de mouvement doit être l'un de : {string.Join(", ", Enum.GetNames<LedgerEntryKind>())}.");
        }
        filter = new Filter(since, until, only);
        problem = TypedResults.ValidationProblem(errors.ToDictionary(), title: "Le filtre demandé n'est pas valide.");
        return errors.IsEmpty;
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Compte introuvable.");
}
