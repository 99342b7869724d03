using Opco.Contracts.Finance;
using Opco.SharedKernel;

namespace Opco.Finance.Domain;

public enum FundingKind
{
    /// <summary>An account of one company (« Plan obligatoire », « Sélection DEFi », « Versement Volontaire »).</summary>
    CompanyAccount,
    /// <summary>An OPCO-wide envelope of a pooled source (« Alternance », …) for one year.</summary>
    PooledSource,
}

public enum LedgerEntryKind
{
    Credit,
    Commitment,
    Release,
    Payment,
}

/// <summary>
/// Where money is counted: a company's account, or a pooled source's envelope for a year. Its figures are never stored:
/// they are computed from its <see cref="LedgerEntry"/> lines (domain.md, Money).
/// </summary>
public sealed class FundingAccount
{
    public const int SourceMaxLength = 60;

    public Guid Id { get; private set; }
    /// <summary>"company:{siren}:{source}" or "pooled:{source}:{year}": one account per key.</summary>
    public string Key { get; private set; } = "";
    public FundingKind Kind { get; private set; }
    public string? Siren { get; private set; }
    public string Source { get; private set; } = "";
    public int? Year { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }

    private FundingAccount() { }

    public static string KeyOf(FundingKind kind, string? siren, string source, int? year) =>
        kind == FundingKind.CompanyAccount ? $"company:{siren}:{source}" : $"pooled:{source}:{year}";

    public static FundingAccount Open(FundingKind kind, string? siren, string source, int? year, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Key = KeyOf(kind, siren, source, year), Kind = kind,
        Siren = kind == FundingKind.CompanyAccount ? siren : null, Source = source, Year = kind == FundingKind.PooledSource ? year : null, OpenedAt = now,
    };
}

/// <summary>One immutable line of an account's ledger, linked to what caused it (a dossier or a contract, a payment, an allocation).</summary>
public sealed class LedgerEntry
{
    public const int ReferenceMaxLength = 200;

    public long Id { get; private set; }
    public Guid AccountId { get; private set; }
    public LedgerEntryKind Kind { get; private set; }
    /// <summary>Always positive; the kind says which way it counts.</summary>
    public decimal Amount { get; private set; }
    /// <summary>The dossier or contrat de professionnalisation the line is for, when it is for one.</summary>
    public Guid? CauseId { get; private set; }
    public string Reference { get; private set; } = "";
    public Guid? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private LedgerEntry() { }

    internal static LedgerEntry Of(Guid accountId, LedgerEntryKind kind, decimal amount, Guid? causeId, string reference, Guid? by,
        DateTimeOffset now) => new()
    {
        AccountId = accountId, Kind = kind, Amount = amount, CauseId = causeId, Reference = reference, RecordedBy = by, RecordedAt = now,
    };

    /// <summary>
    /// What a commitment still holds (committed − released − paid for its cause), given back to its account; null
    /// when nothing is left, so releasing twice releases nothing more.
    /// </summary>
    public static LedgerEntry? ReleaseOf(LedgerEntry commitment, IEnumerable<LedgerEntry> causeEntries, string reference, DateTimeOffset now)
    {
        var entries = causeEntries.ToList();
        var open = commitment.Amount - entries.Where(e => e.Kind is LedgerEntryKind.Release or LedgerEntryKind.Payment).Sum(e => e.Amount);
        return open > 0 ? Of(commitment.AccountId, LedgerEntryKind.Release, open, commitment.CauseId, reference, null, now) : null;
    }

    /// <summary>"Créditer un compte" (allocation, voluntary payment cashed): euros and cents, above zero.</summary>
    public static (LedgerEntry? Entry, FieldErrors Errors) Credit(FundingAccount account, decimal? amount, string? reference, Guid by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (amount is not > 0) errors.Add("amount", "Le montant doit être supérieur à 0 €.");
        else if (decimal.Round(amount.Value, 2) != amount) errors.Add("amount", "Le montant s'exprime en euros et centimes (deux décimales au plus).");
        else if (amount > 100_000_000m) errors.Add("amount", "Le montant ne doit pas dépasser 100 000 000 €.");
        var text = reference?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add("reference", "Indiquez l'origine du crédit (versement, dotation…).");
        else if (text.Length > ReferenceMaxLength) errors.Add("reference", $"La référence ne doit pas dépasser {ReferenceMaxLength} caractères.");
        return errors.IsEmpty ? (Of(account.Id, LedgerEntryKind.Credit, amount!.Value, null, text!, by, now), errors) : (null, errors);
    }
}

/// <summary>
/// An account's figures from its ledger, with C credited, P paid and O committed and not yet paid:
/// available for commitment C − P − O, provisioned O, available for payment C − P.
/// </summary>
public sealed record AccountFigures(decimal Credited, decimal Committed, decimal Released, decimal Paid)
{
    public decimal OpenCommitments => Committed - Released - Paid;
    public decimal AvailableForCommitment => Credited - Paid - OpenCommitments;
    public decimal AvailableForPayment => Credited - Paid;

    public static AccountFigures Of(IEnumerable<(LedgerEntryKind Kind, decimal Amount)> entries)
    {
        var sums = entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        return new AccountFigures(sums.GetValueOrDefault(LedgerEntryKind.Credit), sums.GetValueOrDefault(LedgerEntryKind.Commitment),
            sums.GetValueOrDefault(LedgerEntryKind.Release), sums.GetValueOrDefault(LedgerEntryKind.Payment));
    }

    /// <summary>
    /// A commitment for its cause, only when it fits what is available for commitment, or whatever is available when it is
    /// <paramref name="binding"/> (a contract accepted by silence: the law decides); null when it does not fit.
    /// </summary>
    public LedgerEntry? Commit(FundingAccount account, Guid causeId, string reference, decimal amount, bool binding, DateTimeOffset now) =>
        amount > 0 && (binding || amount <= AvailableForCommitment)
            ? LedgerEntry.Of(account.Id, LedgerEntryKind.Commitment, amount, causeId, reference, null, now)
            : null;

    /// <summary>How a ledger line names its cause: « Dossier n° 42 », « Contrat de pro n° 7 ».</summary>
    public static string ReferenceOf(string cause, long number) =>
        (cause == CommitmentCauses.Contract ? "Contrat de pro" : "Dossier") + $" n° {number}";
}

