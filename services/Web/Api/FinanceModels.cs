namespace Opco.Web.Api;

// « Mes comptes » as the finance service answers it (money-api.md): decimals are euros to the cent, signed as given.

public sealed record MyAccounts(IReadOnlyList<CompanyAccounts> Companies, IReadOnlyList<FigureDefinition> Definitions);

/// <summary>A company the user sees: its three accounts (always, in the API's order) and the pooled sources that funded it.</summary>
public sealed record CompanyAccounts(string Siren, IReadOnlyList<AccountLine> Accounts, IReadOnlyList<FinancingLine> Financings);

public sealed record AccountLine(string Code, string Label, decimal AvailableForCommitment, decimal OpenCommitments, decimal AvailableForPayment);

/// <summary>« Mes financements »: what a pooled source committed for the company in a year, and what of it is not paid yet.</summary>
public sealed record FinancingLine(string Source, int Year, decimal Committed, decimal Provisioned);

/// <summary>One of the three figures, with the one-line definition the screens show as it is.</summary>
public sealed record FigureDefinition(string Field, string Label, string Definition);

public sealed record AccountDetail(string Siren, string Code, string Label, AccountFiguresView Figures, IReadOnlyList<FigureDefinition> Definitions,
    LedgerLinesPage Lines);

public sealed record AccountFiguresView(decimal Credited, decimal Paid, decimal OpenCommitments, decimal AvailableForCommitment, decimal AvailableForPayment);

/// <summary>The ledger's lines, newest first (the list has no other order, so no sort is read).</summary>
public sealed record LedgerLinesPage(IReadOnlyList<LedgerLine> Items, int Total, int Page, int PageSize);

/// <summary>A movement: <see cref="Amount"/> signed as it moves the « disponible pour engagement ».</summary>
public sealed record LedgerLine(long Id, DateTimeOffset RecordedAt, string Kind, string KindLabel, decimal Amount, string Cause, string CauseLabel,
    string Reference, string RecordedBy);
