using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Opco.Authorization.Establishments;
using Opco.Finance.Data;
using Opco.Finance.Domain;
using Opco.Finance.Features.Ledger;

namespace Opco.Finance.Features.Accounts;

/// <summary>
/// "Mes comptes": for each company whose accounts the caller may see, its three accounts with their figures (« disponible
/// pour engagement » on the right, seed 001) and "Mes financements": the pooled sources that funded its dossiers and
/// contracts, with what is provisioned on each. Figures are sums of the ledger, never stored.
/// </summary>
public static class MyAccounts
{
    public sealed record View(IReadOnlyList<CompanyView> Companies, IReadOnlyList<FigureDefinition> Definitions);

    public sealed record CompanyView(string Siren, IReadOnlyList<AccountLine> Accounts, IReadOnlyList<FinancingLine> Financings);

    public sealed record AccountLine(string Code, string Label, decimal AvailableForCommitment, decimal OpenCommitments, decimal AvailableForPayment);

    public sealed record FinancingLine(string Source, int Year, decimal Committed, decimal Provisioned);

    public sealed record FigureDefinition(string Field, string Label, string Definition);

    public static readonly IReadOnlyList<FigureDefinition> Definitions =
        [.. AccountFigures.Definitions.Select(d => new FigureDefinition(d.Field, d.Label, d.Definition))];

    public static RouteHandlerBuilder MapMyAccounts(this RouteGroupBuilder accounts) =>
        accounts.MapGet("/", HandleAsync).WithName("MyAccounts")
            .WithSummary("Mes comptes: the accounts and financings of every company where the caller may see them (Visualiser les comptes).");

    public static async Task<Ok<View>> HandleAsync(HttpContext http, FinanceDbContext db, IEstablishmentRights rights, CancellationToken cancellationToken)
    {
        var sirens = await CompanyAccess.SirensAsync(rights, http.User, cancellationToken);
        // The accounts first (a few rows), then their sums by account id: each reads one index, not the whole ledger.
        var accounts = await db.Accounts.Where(a => (a.Kind == FundingKind.CompanyAccount && sirens.Contains(a.Siren!)) || a.Kind == FundingKind.PooledSource)
            .Select(a => new { a.Id, a.Kind, a.Siren, a.Source, a.Year }).ToListAsync(cancellationToken);
        var companyIds = accounts.Where(a => a.Kind == FundingKind.CompanyAccount).Select(a => a.Id).ToList();
        var pooledIds = accounts.Where(a => a.Kind == FundingKind.PooledSource).Select(a => a.Id).ToList();
        var accountSums = (await LedgerStore.SumsAsync(db, companyIds, cancellationToken))
            .Join(accounts, s => s.AccountId, a => a.Id, (s, a) => new { a.Siren, a.Source, s.Kind, s.Amount }).ToList();
        var financingSums = (await LedgerStore.CompanySumsAsync(db, sirens, pooledIds, cancellationToken))
            .Join(accounts, s => s.AccountId, a => a.Id, (s, a) => new { s.Siren, a.Source, a.Year, s.Kind, s.Amount }).ToList();

        var companies = sirens.Select(siren => new CompanyView(siren,
            [.. CompanyAccounts.All.Select(a =>
            {
                var figures = AccountFigures.Of(accountSums.Where(s => s.Siren == siren && s.Source == a.Source).Select(s => (s.Kind, s.Amount)));
                return new AccountLine(a.Code, a.Source, figures.AvailableForCommitment, figures.OpenCommitments, figures.AvailableForPayment);
            })],
            [.. financingSums.Where(s => s.Siren == siren).GroupBy(s => (s.Source, Year: s.Year ?? 0)).OrderBy(g => g.Key.Source).ThenBy(g => g.Key.Year)
                .Select(g =>
                {
                    var figures = AccountFigures.Of(g.Select(s => (s.Kind, s.Amount)));
                    return new FinancingLine(g.Key.Source, g.Key.Year, figures.Committed, figures.OpenCommitments);
                })])).ToList();
        return TypedResults.Ok(new View(companies, Definitions));
    }
}
