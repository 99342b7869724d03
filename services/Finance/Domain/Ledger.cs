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
    /// <summary>A correction of what was credited, signed, with its reason: nothing is ever deleted.</summary>
    Adjustment,
}

/// <summary>What a ledger line comes from.</summary>
public enum LedgerCause
{
    /// <summary>An OPCO allocation to the account.</summary>
    Allocation,
    /// <summary>Money received (a voluntary payment cashed).</summary>
    CashReceipt,
    /// <summary>A correction by OPCO staff.</summary>
    Correction,
    /// <summary>A funding dossier (its commitment, its release).</summary>
    Dossier,
    /// <summary>A contrat de professionnalisation.</summary>
    ProfessionalisationContract,
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
    /// <summary>Positive, the kind saying which way it counts; a correction is signed.</summary>
    public decimal Amount { get; private set; }
    public LedgerCause Cause { get; private set; }
    /// <summary>The dossier or contrat de professionnalisation the line is for, when it is for one.</summary>
    public Guid? CauseId { get; private set; }
    /// <summary>
    /// The company whose money the line is: the account's, or, on a pooled source's envelope, the company of the dossier
    /// or contract ("Mes financements").
    /// </summary>
    public string? Siren { get; private set; }
    public string Reference { get; private set; } = "";
    /// <summary>The OPCO staff member who recorded it; null when a decision's saga did.</summary>
    public Guid? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private LedgerEntry() { }

    internal static LedgerEntry Of(FundingAccount account, LedgerEntryKind kind, decimal amount, LedgerCause cause, Guid? causeId, string? siren,
        string reference, Guid? by, DateTimeOffset now) => new()
    {
        AccountId = account.Id, Kind = kind, Amount = amount, Cause = cause, CauseId = causeId, Siren = account.Siren ?? siren, Reference = reference,
        RecordedBy = by, RecordedAt = now,
    };

    /// <summary>How the line moves the account's « disponible pour engagement », or, for a payment, its balance: signed for reading.</summary>
    public static decimal Signed(LedgerEntryKind kind, decimal amount) => kind switch
    {
        LedgerEntryKind.Credit or LedgerEntryKind.Release or LedgerEntryKind.Adjustment => amount,
        _ => -amount,
    };

    /// <summary>What a commitment still holds for its cause: committed − released − paid.</summary>
    public static decimal OpenOf(LedgerEntry commitment, IEnumerable<LedgerEntry> causeEntries) =>
        commitment.Amount - causeEntries.Where(e => e.CauseId == commitment.CauseId && e.Kind is LedgerEntryKind.Release or LedgerEntryKind.Payment)
            .Sum(e => e.Amount);

    /// <summary>
    /// What a commitment still holds, given back to its account; null when nothing is left, so releasing twice releases
    /// nothing more.
    /// </summary>
    public static LedgerEntry? ReleaseOf(LedgerEntry commitment, IEnumerable<LedgerEntry> causeEntries, string reference, DateTimeOffset now,
        Guid? by = null)
    {
        var open = OpenOf(commitment, causeEntries);
        return open > 0 ? Following(commitment, LedgerEntryKind.Release, open, reference, by, now) : null;
    }

    /// <summary>
    /// A payment of the commitment's cause, its amount already checked against what the commitment holds (<see cref="OpenOf"/>,
    /// read with the account locked): it reduces the commitment and the account's balance.
    /// </summary>
    public static LedgerEntry PaymentOf(LedgerEntry commitment, decimal amount, string reference, Guid by, DateTimeOffset now) =>
        Following(commitment, LedgerEntryKind.Payment, amount, reference, by, now);

    private static LedgerEntry Following(LedgerEntry commitment, LedgerEntryKind kind, decimal amount, string reference, Guid? by, DateTimeOffset now) => new()
    {
        AccountId = commitment.AccountId, Kind = kind, Amount = amount, Cause = commitment.Cause, CauseId = commitment.CauseId, Siren = commitment.Siren,
        Reference = reference, RecordedBy = by, RecordedAt = now,
    };

    public const decimal MaxAmount = EuroAmount.Max;

    /// <summary>"Créditer un compte": an allocation or money received, in euros and cents, above zero.</summary>
    /// <param name="causeId">What the money is, when known: the instalment of a call for funds it pays (credited once).</param>
    public static (LedgerEntry? Entry, FieldErrors Errors) Credit(FundingAccount account, decimal? amount, LedgerCause cause, string? reference, Guid by,
        DateTimeOffset now, Guid? causeId = null)
    {
        var errors = new FieldErrors();
        if (amount is not > 0) errors.Add("amount", "Le montant doit être supérieur à 0 €.");
        else EuroAmount.Check(amount.Value, "amount", "Le montant", errors);
        if (cause is not (LedgerCause.Allocation or LedgerCause.CashReceipt))
            errors.Add("cause", "Un crédit est une dotation de l'OPCO (Allocation) ou un versement encaissé (CashReceipt).");
        var text = Text(reference, "reference", "Indiquez l'origine du crédit (versement, dotation…).", errors);
        return errors.IsEmpty ? (Of(account, LedgerEntryKind.Credit, amount!.Value, cause, causeId, null, text!, by, now), errors) : (null, errors);
    }

    /// <summary>
    /// A correction of what the account was credited, up or down, with its reason; never below what it holds available
    /// for commitment (<paramref name="figures"/>: the account's, read in the same transaction).
    /// </summary>
    public static (LedgerEntry? Entry, FieldErrors Errors) Adjust(FundingAccount account, AccountFigures figures, decimal? amount, string? reason, Guid by,
        DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (amount is null or 0m) errors.Add("amount", "Indiquez le montant de la correction, positif ou négatif, différent de 0 €.");
        else
        {
            EuroAmount.Check(Math.Abs(amount.Value), "amount", "Le montant", errors);
            if (errors.IsEmpty && figures.AvailableForCommitment + amount < 0)
                errors.Add("amount", $"La correction rendrait le disponible pour engagement négatif : il est de {FrenchFormat.Euros(figures.AvailableForCommitment)}.");
        }
        var text = Text(reason, "reason", "Le motif de la correction est obligatoire.", errors);
        return errors.IsEmpty ? (Of(account, LedgerEntryKind.Adjustment, amount!.Value, LedgerCause.Correction, null, null, text!, by, now), errors) : (null, errors);
    }

    private static string? Text(string? input, string field, string missing, FieldErrors errors)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add(field, missing);
        else if (text.Length > ReferenceMaxLength) errors.Add(field, $"Ce texte ne doit pas dépasser {ReferenceMaxLength} caractères.");
        return text;
    }
}

/// <summary>
/// An account's figures from its ledger, with C credited, P paid and O committed and not yet paid:
/// available for commitment C − P − O, provisioned O, available for payment C − P.
/// </summary>
public sealed record AccountFigures(decimal Credited, decimal Committed, decimal Released, decimal Paid)
{
    /// <summary>The three figures, each with its one-line definition, as every screen shows them (domain.md, Money).</summary>
    public static readonly IReadOnlyList<(string Field, string Label, string Definition)> Definitions =
    [
        ("availableForCommitment", "Montant disponible pour engagement", "Ce qui reste pour financer de nouvelles formations."),
        ("openCommitments", "Montant provisionné", "Ce qui est engagé pour des formations acceptées et pas encore réglé."),
        ("availableForPayment", "Solde disponible pour règlement", "Ce que l'OPCO peut encore payer, formations provisionnées comprises."),
    ];

    public decimal OpenCommitments => Committed - Released - Paid;
    public decimal AvailableForCommitment => Credited - Paid - OpenCommitments;
    public decimal AvailableForPayment => Credited - Paid;

    public static AccountFigures Of(IEnumerable<(LedgerEntryKind Kind, decimal Amount)> entries)
    {
        var sums = entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        // A correction corrects what was credited.
        return new AccountFigures(sums.GetValueOrDefault(LedgerEntryKind.Credit) + sums.GetValueOrDefault(LedgerEntryKind.Adjustment),
            sums.GetValueOrDefault(LedgerEntryKind.Commitment),
            sums.GetValueOrDefault(LedgerEntryKind.Release), sums.GetValueOrDefault(LedgerEntryKind.Payment));
    }

    /// <summary>
    /// A commitment for its cause, only when it fits what is available for commitment, or whatever is available when it is
    /// <paramref name="binding"/> (a contract accepted by silence: the law decides); null when it does not fit.
    /// </summary>
    public LedgerEntry? Commit(FundingAccount account, LedgerCause cause, Guid causeId, string siren, long number, decimal amount, bool binding,
        DateTimeOffset now) =>
        amount > 0 && (binding || amount <= AvailableForCommitment)
            ? LedgerEntry.Of(account, LedgerEntryKind.Commitment, amount, cause, causeId, siren, ReferenceOf(cause, number), null, now)
            : null;

    /// <summary>How a ledger line names its cause: « Dossier n° 42 », « Contrat de pro n° 7 ».</summary>
    public static string ReferenceOf(LedgerCause cause, long number) =>
        (cause == LedgerCause.ProfessionalisationContract ? "Contrat de pro" : "Dossier") + $" n° {number}";

    /// <summary>The cause a commitment request names.</summary>
    public static LedgerCause CauseOf(string cause) =>
        cause == CommitmentCauses.Contract ? LedgerCause.ProfessionalisationContract : LedgerCause.Dossier;
}

