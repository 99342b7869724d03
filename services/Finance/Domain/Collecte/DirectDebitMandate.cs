using Opco.Api.Security;
using Opco.SharedKernel;

namespace Opco.Finance.Domain.Collecte;

/// <summary>SEPA B2B (between professionals, the default) or Core.</summary>
public enum MandateScheme
{
    B2B,
    Core,
}

public enum MandateStatus
{
    /// <summary>Brouillon: entered, the PDF to print and sign.</summary>
    Draft,
    /// <summary>Signé: the company says it signed; OPCO staff check the signed mandate.</summary>
    Signed,
    /// <summary>Actif: debits may be collected on it.</summary>
    Active,
    /// <summary>Révoqué by the company.</summary>
    Revoked,
    /// <summary>Caduc: 36 months without a debit collected on it.</summary>
    Lapsed,
}

/// <summary>The RUM (référence unique de mandat): issued by the OPCO from a sequence, never from the IBAN, never reused.</summary>
public static class MandateReference
{
    public const int MaxLength = 35;
    /// <summary>The SEPA characters a RUM may hold.</summary>
    public const string Allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+";

    /// <summary>From the next value of the database's sequence: a number is never drawn twice, so a RUM is never reused.</summary>
    public static string Of(long sequence) => $"OPCO-RUM-{sequence:D10}";

    public static bool IsValid(string? reference) =>
        !string.IsNullOrEmpty(reference) && reference.Length <= MaxLength && reference.All(Allowed.Contains);
}

public sealed record MandateForm(string? Scheme, string? Iban, string? Bic, string? DebtorName, string? Signatory, DateOnly? SignedOn);

/// <summary>
/// « Mandat de prélèvement » of a company (SIREN): a SEPA mandate the company signs so that the OPCO may debit its account
/// for voluntary payments. The IBAN is kept encrypted, with its masked form beside it for every screen; an IBAN change
/// amends the mandate (same RUM), each change in its history.
/// </summary>
public sealed class DirectDebitMandate
{
    public const int NameMaxLength = 140;
    /// <summary>A mandate not used for 36 months is void (SEPA rulebook).</summary>
    public const int LapseMonths = 36;

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public string Siren { get; private set; } = "";
    /// <summary>The establishment it was entered on.</summary>
    public string Siret { get; private set; } = "";
    public MandateScheme Scheme { get; private set; }
    public byte[] EncryptedIban { get; private set; } = [];
    public string MaskedIban { get; private set; } = "";
    public string Bic { get; private set; } = "";
    public string DebtorName { get; private set; } = "";
    public string? Signatory { get; private set; }
    public DateOnly? SignedOn { get; private set; }
    public MandateStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateOnly? ActivatedOn { get; private set; }
    /// <summary>The last day a debit was collected on it.</summary>
    public DateOnly? LastUsedOn { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public List<MandateHistoryEntry> History { get; private set; } = [];

    private DirectDebitMandate() { }

    public static (DirectDebitMandate? Mandate, FieldErrors Errors) Create(string siret, MandateForm form, string reference, IIbanProtector protector,
        Guid by, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var scheme = MandateScheme.B2B;
        if (!string.IsNullOrWhiteSpace(form.Scheme) && !EnumCodes.TryParse(form.Scheme, out scheme))
            errors.Add("scheme", "Le type de mandat est B2B (entre professionnels) ou Core.");
        var iban = CheckIban(form.Iban, errors);
        var bic = CheckBic(form.Bic, errors);
        var debtor = Text(form.DebtorName, "debtorName", "Le nom du débiteur", errors);
        var signatory = OptionalText(form.Signatory, "signatory", "Le nom du signataire", errors);
        CheckSignatureDay(form.SignedOn, today, errors);
        if (!MandateReference.IsValid(reference)) throw new ArgumentException("Not a RUM.", nameof(reference));
        if (!errors.IsEmpty) return (null, errors);
        var mandate = new DirectDebitMandate
        {
            Id = Guid.CreateVersion7(now), Reference = reference, Siren = siret[..9], Siret = siret, Scheme = scheme,
            EncryptedIban = protector.Protect(iban!), MaskedIban = iban!.Masked, Bic = bic!.Value, DebtorName = debtor!, Signatory = signatory,
            SignedOn = form.SignedOn, Status = MandateStatus.Draft, CreatedAt = now,
        };
        mandate.Record(now, by, "Mandat créé", mandate.MaskedIban);
        return (mandate, errors);
    }

    /// <summary>Brouillon → Signé: the signatory and the day they signed, both required.</summary>
    public FieldErrors Sign(string? signatory, DateOnly? signedOn, Guid by, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var name = Text(signatory ?? Signatory, "signatory", "Le nom du signataire", errors);
        var day = signedOn ?? SignedOn;
        if (day is null) errors.Add("signedOn", "La date de signature est obligatoire.");
        else CheckSignatureDay(day, today, errors);
        if (Status != MandateStatus.Draft) errors.Add("status", $"Le mandat est « {MandateLabels.Of(Status)} » : seul un brouillon peut être signé.");
        if (!errors.IsEmpty) return errors;
        (Signatory, SignedOn, Status) = (name, day, MandateStatus.Signed);
        Record(now, by, "Mandat signé", MaskedIban);
        return errors;
    }

    /// <summary>Signé → Actif: OPCO staff checked the signed mandate. False when it is not awaiting that.</summary>
    public bool Activate(Guid by, DateOnly today, DateTimeOffset now)
    {
        if (Status != MandateStatus.Signed) return false;
        (Status, ActivatedOn) = (MandateStatus.Active, today);
        Record(now, by, "Mandat activé par l'OPCO", MaskedIban);
        return true;
    }

    /// <summary>
    /// A new IBAN (and BIC) for the same mandate: the RUM stays, the change is in the history. Not on a revoked or void
    /// mandate, which can no longer be used.
    /// </summary>
    public FieldErrors AmendIban(string? ibanInput, string? bicInput, IIbanProtector protector, Guid by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var iban = CheckIban(ibanInput, errors);
        var bic = CheckBic(bicInput, errors);
        if (IsEnded) errors.Add("status", $"Le mandat est « {MandateLabels.Of(Status)} » : il ne peut plus être modifié.");
        if (!errors.IsEmpty) return errors;
        var before = MaskedIban;
        (EncryptedIban, MaskedIban, Bic) = (protector.Protect(iban!), iban!.Masked, bic!.Value);
        Record(now, by, $"IBAN modifié (auparavant {before})", MaskedIban);
        return errors;
    }

    /// <summary>Révoqué by the company; false when already ended.</summary>
    public bool Revoke(Guid by, DateTimeOffset now)
    {
        if (IsEnded) return false;
        (Status, EndedAt) = (MandateStatus.Revoked, now);
        Record(now, by, "Mandat révoqué", MaskedIban);
        return true;
    }

    public bool IsEnded => Status is MandateStatus.Revoked or MandateStatus.Lapsed;

    /// <summary>The day it lapses unless used before: 36 months after its last debit, or after its signature (or activation) if never used.</summary>
    public DateOnly? LapsesOn => Status is MandateStatus.Signed or MandateStatus.Active && (LastUsedOn ?? SignedOn ?? ActivatedOn) is { } from
        ? from.AddMonths(LapseMonths)
        : null;

    /// <summary>Caduc from the day 36 months have passed without a debit; false when not due (or already ended).</summary>
    public bool LapseIfUnused(DateOnly today, DateTimeOffset now)
    {
        if (LapsesOn is not { } due || today < due) return false;
        (Status, EndedAt) = (MandateStatus.Lapsed, now);
        Record(now, null, $"Mandat caduc : aucun prélèvement depuis {LapseMonths} mois", MaskedIban);
        return true;
    }

    /// <summary>A debit may be collected only on an active mandate: a signed one is not yet checked, a revoked or void one is over.</summary>
    public FieldErrors AcceptDebit() => Status == MandateStatus.Active
        ? new FieldErrors()
        : new FieldErrors().Add("mandate", $"Le mandat {Reference} est « {MandateLabels.Of(Status)} » : aucun prélèvement ne peut être encaissé sur lui.");

    /// <summary>A debit was collected on it on <paramref name="day"/>; refused, with why, unless it is active.</summary>
    public FieldErrors MarkUsed(DateOnly day)
    {
        var errors = AcceptDebit();
        if (errors.IsEmpty && (LastUsedOn is null || day > LastUsedOn)) LastUsedOn = day;
        return errors;
    }

    private void Record(DateTimeOffset now, Guid? by, string what, string maskedIban) =>
        History.Add(new MandateHistoryEntry(Id, now, Status, by, what, maskedIban));

    private static Iban? CheckIban(string? input, FieldErrors errors)
    {
        switch (SharedKernel.Iban.Check(input))
        {
            case IbanCheck.Missing: errors.Add("iban", "L'IBAN est obligatoire."); return null;
            case IbanCheck.WrongFormat:
                errors.Add("iban", "L'IBAN doit commencer par le code du pays et comporter 27 caractères pour un compte français.");
                return null;
            case IbanCheck.InvalidKey: errors.Add("iban", "Cet IBAN n'est pas valide : vérifiez sa saisie."); return null;
            default:
                SharedKernel.Iban.TryParse(input, out var iban);
                return iban;
        }
    }

    private static Bic? CheckBic(string? input, FieldErrors errors)
    {
        switch (SharedKernel.Bic.Check(input))
        {
            case BicCheck.Missing: errors.Add("bic", "Le BIC est obligatoire."); return null;
            case BicCheck.WrongLength: errors.Add("bic", "Le BIC comporte 8 ou 11 caractères."); return null;
            case BicCheck.WrongFormat:
                errors.Add("bic", "Le BIC commence par 6 lettres (banque et pays), suivies de lettres ou de chiffres.");
                return null;
            default:
                SharedKernel.Bic.TryParse(input, out var bic);
                return bic;
        }
    }

    private static void CheckSignatureDay(DateOnly? signedOn, DateOnly today, FieldErrors errors)
    {
        if (signedOn is not { } day) return;
        // Signed 36 months ago or more, the mandate would lapse at the next daily run before any use.
        var earliest = today.AddMonths(-LapseMonths).AddDays(1);
        if (day > today) errors.Add("signedOn", "La date de signature ne peut pas être dans le futur.");
        else if (day < earliest)
            errors.Add("signedOn", $"La date de signature doit dater de moins de {LapseMonths} mois (le {FrenchFormat.Date(earliest)} au plus tôt) : un mandat inutilisé depuis {LapseMonths} mois est caduc.");
    }

    private static string? Text(string? value, string field, string label, FieldErrors errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add(field, $"{label} est obligatoire.");
        else if (text.Length > NameMaxLength) errors.Add(field, $"{label} ne doit pas dépasser {NameMaxLength} caractères.");
        else return text;
        return null;
    }

    private static string? OptionalText(string? value, string field, string label, FieldErrors errors) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, field, label, errors);
}

/// <summary>One change of a mandate: when, by whom (null: the daily run), what, and the masked IBAN it then had.</summary>
public sealed class MandateHistoryEntry
{
    public long Id { get; private set; }
    public Guid MandateId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public MandateStatus Status { get; private set; }
    public Guid? By { get; private set; }
    public string What { get; private set; } = "";
    public string MaskedIban { get; private set; } = "";

    private MandateHistoryEntry() { }

    internal MandateHistoryEntry(Guid mandateId, DateTimeOffset at, MandateStatus status, Guid? by, string what, string maskedIban) =>
        (MandateId, At, Status, By, What, MaskedIban) = (mandateId, at, status, by, what, maskedIban);
}

public static class MandateLabels
{
    public static string Of(MandateStatus status) => status switch
    {
        MandateStatus.Draft => "Brouillon",
        MandateStatus.Signed => "Signé",
        MandateStatus.Active => "Actif",
        MandateStatus.Revoked => "Révoqué",
        MandateStatus.Lapsed => "Caduc",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(MandateScheme scheme) => scheme == MandateScheme.B2B ? "SEPA B2B (interentreprises)" : "SEPA Core";
}
