using Opco.SharedKernel;

namespace Opco.Finance.Domain.Collecte;

public enum VoluntaryPaymentMethod
{
    /// <summary>Prélèvement SEPA on the company's active mandate.</summary>
    DirectDebit,
    /// <summary>Virement by the company.</summary>
    Transfer,
}

public enum CallStatus
{
    /// <summary>Appelé: awaiting the money.</summary>
    Called,
    /// <summary>Encaissé: the money is received and credited.</summary>
    Cashed,
    /// <summary>Annulé.</summary>
    Cancelled,
}

public sealed record VoluntaryContributionForm(string? AccountCode, decimal? Amount, int? Instalments, string? Method, DateOnly? FirstDueOn);

/// <summary>The company's active mandate a debit is collected on.</summary>
public sealed record ActiveMandate(Guid Id, string Reference);

/// <summary>
/// « Versement volontaire »: money a company decides to pay into one of its accounts, at once or in monthly instalments,
/// by SEPA debit or transfer. Triggering it issues a call for funds (« appel de fonds ») with its reference and due dates;
/// the account is credited only when OPCO staff record each instalment's money as received.
/// </summary>
public sealed class VoluntaryContribution
{
    public const int MaxInstalments = 12;
    /// <summary>The SEPA B2B pre-notification: the company hears of a debit at least 14 days before it.</summary>
    public const int NoticeDays = 14;

    public Guid Id { get; private set; }
    public long Number { get; private set; }
    public string Reference { get; private set; } = "";
    public string Siren { get; private set; } = "";
    public string Siret { get; private set; } = "";
    public string AccountCode { get; private set; } = "";
    public decimal Amount { get; private set; }
    public VoluntaryPaymentMethod Method { get; private set; }
    public Guid? MandateId { get; private set; }
    public string? MandateReference { get; private set; }
    public CallStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public List<Instalment> Instalments { get; private set; } = [];

    private VoluntaryContribution() { }

    public static string ReferenceOf(long number, DateOnly today) => $"AF-{today.Year}-{number:D6}";

    public static (VoluntaryContribution? Contribution, FieldErrors Errors) Trigger(string siret, VoluntaryContributionForm form, ActiveMandate? mandate,
        long number, Guid by, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var account = CompanyAccounts.ByCode(form.AccountCode);
        if (account is null) errors.Add("accountCode", "Choisissez le compte à alimenter.");
        var count = form.Instalments ?? 1;
        if (count is < 1 or > MaxInstalments) errors.Add("instalments", $"Le versement se fait en une fois ou en 2 à {MaxInstalments} mensualités.");
        if (form.Amount is not > 0) errors.Add("amount", "Le montant doit être supérieur à 0 €.");
        else if (decimal.Round(form.Amount.Value, 2) != form.Amount) errors.Add("amount", "Le montant s'exprime en euros et centimes (deux décimales au plus).");
        else if (form.Amount > LedgerEntry.MaxAmount) errors.Add("amount", "Le montant ne doit pas dépasser 100 000 000 €.");
        else if (count is >= 1 and <= MaxInstalments && form.Amount < count * 0.01m) errors.Add("amount", "Chaque mensualité doit être d'au moins 0,01 €.");
        VoluntaryPaymentMethod method = default;
        if (string.IsNullOrWhiteSpace(form.Method) || !EnumCodes.TryParse(form.Method, out method))
            errors.Add("method", "Choisissez le mode de paiement : prélèvement SEPA (DirectDebit) ou virement (Transfer).");
        else if (method == VoluntaryPaymentMethod.DirectDebit && mandate is null)
            errors.Add("method", "Un prélèvement SEPA demande un mandat actif de l'entreprise : créez-le dans « Mes mandats de prélèvement », ou payez par virement.");
        var earliest = today.AddDays(method == VoluntaryPaymentMethod.DirectDebit ? NoticeDays : 0);
        var first = form.FirstDueOn ?? today.AddDays(NoticeDays);
        if (first < earliest || first > today.AddYears(1))
            errors.Add("firstDueOn", method == VoluntaryPaymentMethod.DirectDebit
                ? $"La première échéance d'un prélèvement est au plus tôt le {FrenchFormat.Date(earliest)} (préavis de {NoticeDays} jours), au plus tard dans un an."
                : "La première échéance est aujourd'hui au plus tôt, dans un an au plus tard.");
        if (!errors.IsEmpty) return (null, errors);

        var contribution = new VoluntaryContribution
        {
            Id = Guid.CreateVersion7(now), Number = number, Reference = ReferenceOf(number, today), Siren = siret[..9], Siret = siret,
            AccountCode = account!.Code, Amount = form.Amount!.Value, Method = method,
            MandateId = method == VoluntaryPaymentMethod.DirectDebit ? mandate!.Id : null,
            MandateReference = method == VoluntaryPaymentMethod.DirectDebit ? mandate!.Reference : null,
            Status = CallStatus.Called, CreatedAt = now, CreatedBy = by,
        };
        contribution.Instalments.AddRange(Split(form.Amount.Value, count).Select((amount, i) => new Instalment(contribution.Id, i + 1, first.AddMonths(i), amount)));
        return (contribution, errors);
    }

    /// <summary>Equal monthly amounts to the cent, the cents left over on the first one: they always add up to the whole.</summary>
    public static IReadOnlyList<decimal> Split(decimal amount, int count)
    {
        var cents = (long)(amount * 100);
        var each = cents / count;
        return [.. Enumerable.Range(0, count).Select(i => (i == 0 ? each + cents % count : each) / 100m)];
    }

    /// <summary>
    /// OPCO staff received an instalment's money on <paramref name="cashedOn"/>: the instalment is « Encaissé » once, and a
    /// SEPA debit marks <paramref name="mandate"/> (the call's) used; null, with why, when it cannot be (unknown, cancelled,
    /// a day to come, or a debit whose mandate is no longer active: revoked or void, its open instalments are refused cash).
    /// <c>AlreadyCashed</c> tells a repeat.
    /// </summary>
    public (Instalment? Cashed, bool AlreadyCashed, FieldErrors Errors) RecordCash(Guid instalmentId, DateOnly? cashedOn, DirectDebitMandate? mandate,
        Guid by, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var instalment = Instalments.FirstOrDefault(i => i.Id == instalmentId);
        if (instalment is null) return (null, false, errors.Add("instalmentId", "Cette échéance n'appartient pas à cet appel de fonds."));
        if (instalment.Status == CallStatus.Cashed) return (instalment, true, errors);
        var day = cashedOn ?? today;
        if (day > today || day < DateOnly.FromDateTime(CreatedAt.UtcDateTime).AddDays(-1))
            errors.Add("cashedOn", "La date d'encaissement ne peut être ni dans le futur ni avant l'appel de fonds.");
        if (instalment.Status == CallStatus.Cancelled) errors.Add("instalmentId", "Cette échéance est annulée : elle ne peut pas être encaissée.");
        if (!errors.IsEmpty) return (null, false, errors);
        if (Method == VoluntaryPaymentMethod.DirectDebit)
        {
            if (mandate is null || mandate.Id != MandateId) throw new ArgumentException("A debit is cashed with its call's mandate.", nameof(mandate));
            errors = mandate.MarkUsed(day);
            if (!errors.IsEmpty) return (null, false, errors);
        }
        instalment.Cash(day, by, now);
        Status = Instalments.All(i => i.Status != CallStatus.Called)
            ? Instalments.Any(i => i.Status == CallStatus.Cashed) ? CallStatus.Cashed : CallStatus.Cancelled
            : CallStatus.Called;
        return (instalment, false, errors);
    }

    /// <summary>The instalments not yet received are cancelled; false when none is left to cancel.</summary>
    public bool Cancel(DateTimeOffset now)
    {
        var open = Instalments.Where(i => i.Status == CallStatus.Called).ToList();
        if (open.Count == 0) return false;
        foreach (var instalment in open) instalment.CancelOn(now);
        Status = Instalments.Any(i => i.Status == CallStatus.Cashed) ? CallStatus.Cashed : CallStatus.Cancelled;
        return true;
    }

    /// <summary>How a ledger line names the money received: « Appel de fonds AF-2026-000012, échéance 2/3 ».</summary>
    public string LedgerReference(Instalment instalment) => $"Appel de fonds {Reference}, échéance {instalment.Rank}/{Instalments.Count}";
}

/// <summary>One due date of a call for funds and its amount.</summary>
public sealed class Instalment
{
    public Guid Id { get; private set; }
    public Guid ContributionId { get; private set; }
    public int Rank { get; private set; }
    public DateOnly DueOn { get; private set; }
    public decimal Amount { get; private set; }
    public CallStatus Status { get; private set; }
    public DateOnly? CashedOn { get; private set; }
    public Guid? CashedBy { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }

    private Instalment() { }

    internal Instalment(Guid contributionId, int rank, DateOnly dueOn, decimal amount) =>
        (Id, ContributionId, Rank, DueOn, Amount, Status) = (Guid.NewGuid(), contributionId, rank, dueOn, amount, CallStatus.Called);

    internal void Cash(DateOnly day, Guid by, DateTimeOffset now) => (Status, CashedOn, CashedBy, ChangedAt) = (CallStatus.Cashed, day, by, now);

    internal void CancelOn(DateTimeOffset now) => (Status, ChangedAt) = (CallStatus.Cancelled, now);
}

public static class CallLabels
{
    public static string Of(CallStatus status) => status switch
    {
        CallStatus.Called => "Appelé",
        CallStatus.Cashed => "Encaissé",
        CallStatus.Cancelled => "Annulé",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(VoluntaryPaymentMethod method) => method == VoluntaryPaymentMethod.DirectDebit ? "Prélèvement SEPA" : "Virement";
}
