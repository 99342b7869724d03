using Opco.Api.Security;
using Opco.SharedKernel;

namespace Opco.Finance.Domain.Invoices;

/// <summary>What "Déposer une facture" gives, read from the form; every field is checked by <see cref="Invoice.Submit"/>.</summary>
public sealed record InvoiceForm(string? Number, DateOnly? IssuedOn, decimal? HoursDone, decimal? AmountExclTax, decimal? Vat, decimal? AmountInclTax,
    string? Iban);

/// <summary>The file of an invoice, judged by its content before it gets here.</summary>
public sealed record InvoiceFileInfo(string FileName, string ContentType, long Size);

/// <summary>Someone of the company or of the OPCO, as the history names them.</summary>
public sealed record InvoiceActorRef(Guid UserId, string Name);

/// <summary>
/// A facture of a funded dossier: the training provider's under subrogation, the company's for a reimbursement (domain.md,
/// Factures). The company submits it with its file; an advisor checks it (En contrôle, then Bon à payer or Rejetée with a
/// reason); an administrator other than the checker pays it, once, within what the dossier's commitment still holds and
/// only once the certificat de réalisation is in. Every move is kept.
/// </summary>
public sealed class Invoice
{
    public const int NumberMaxLength = 40;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; private set; }
    public Guid DossierId { get; private set; }
    public long DossierNumber { get; private set; }
    public string Siret { get; private set; } = "";
    public InvoiceIssuer Issuer { get; private set; }
    public string IssuerSiret { get; private set; } = "";
    public string Number { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public decimal HoursDone { get; private set; }
    public decimal AmountExclTax { get; private set; }
    public decimal Vat { get; private set; }
    public decimal AmountInclTax { get; private set; }
    public InvoiceStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    /// <summary>The company's account to reimburse, encrypted; null under subrogation (the provider's, from the registry, is paid).</summary>
    public byte[]? EncryptedIban { get; private set; }
    public string? MaskedIban { get; private set; }
    /// <summary>Compares the account with those of the company's earlier invoices without reading it.</summary>
    public byte[]? IbanFingerprint { get; private set; }
    /// <summary>
    /// The account to reimburse was never given on an earlier invoice of the company: the OPCO's staff check it before the
    /// « bon à payer » (anyone following the invoices can type one).
    /// </summary>
    public bool NewBankAccount { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long FileSize { get; private set; }
    public Guid SubmittedBy { get; private set; }
    public string SubmittedByName { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public Guid? CheckedBy { get; private set; }
    public string? CheckedByName { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<InvoiceHistoryEntry> History { get; private set; } = [];
    public InvoicePayment? Payment { get; private set; }

    private Invoice() { }

    /// <summary>« Dossier n° 42 / facture n° F-2026-001 »: how a payment names what it pays.</summary>
    public string PaymentReference => $"Dossier n° {DossierNumber} / facture n° {Number}";

    /// <param name="hoursInvoiced">The hours of the dossier's other invoices not rejected: together they stay within the hours granted.</param>
    /// <param name="protector">Encrypts the company's IBAN and gives its fingerprint.</param>
    /// <param name="knownAccounts">The fingerprints of the accounts on the company's earlier invoices (hex).</param>
    public static (Invoice? Invoice, FieldErrors Errors) Submit(FundedDossier dossier, InvoiceForm form, decimal hoursInvoiced, InvoiceFileInfo file,
        IIbanProtector protector, IReadOnlyCollection<string> knownAccounts, InvoiceActorRef by, DateOnly today, DateTimeOffset now)
    {
        var errors = dossier.CheckInvoicing();
        if (!errors.IsEmpty) return (null, errors);
        var number = form.Number?.Trim();
        if (string.IsNullOrEmpty(number)) errors.Add("number", "Le numéro de facture est obligatoire.");
        else if (number.Length > NumberMaxLength) errors.Add("number", $"Le numéro de facture ne doit pas dépasser {NumberMaxLength} caractères.");
        else if (number.Any(char.IsControl)) errors.Add("number", "Le numéro de facture contient des caractères non autorisés.");

        if (form.IssuedOn is not { } issuedOn) errors.Add("issuedOn", "La date de la facture est obligatoire.");
        else if (issuedOn > today) errors.Add("issuedOn", "La date de la facture ne peut pas être dans le futur.");
        else if (issuedOn < dossier.StartDate)
            errors.Add("issuedOn", $"La facture ne peut pas précéder le début de la formation ({FrenchFormat.Date(dossier.StartDate)}).");

        var left = dossier.Hours - hoursInvoiced;
        if (form.HoursDone is not > 0) errors.Add("hoursDone", "Indiquez les heures réalisées, supérieures à 0.");
        else if (decimal.Round(form.HoursDone.Value, 2) != form.HoursDone) errors.Add("hoursDone", "Les heures s'expriment avec deux décimales au plus.");
        else if (form.HoursDone > left)
            errors.Add("hoursDone", $"Les heures réalisées ({FrenchFormat.Hours(form.HoursDone.Value)}) dépassent les heures accordées restant à facturer "
                + $"({FrenchFormat.Hours(Math.Max(left, 0))} sur {FrenchFormat.Hours(dossier.Hours)}).");

        CheckAmount(form.AmountExclTax, "amountExclTax", "Le montant HT", errors);
        CheckAmount(form.Vat, "vat", "Le montant de TVA", errors);
        CheckAmount(form.AmountInclTax, "amountInclTax", "Le montant TTC", errors);
        if (!errors.Has("amountExclTax") && !errors.Has("vat") && !errors.Has("amountInclTax"))
        {
            if (form.AmountInclTax != form.AmountExclTax + form.Vat)
                errors.Add("amountInclTax", $"Le montant TTC doit être égal au HT plus la TVA ({FrenchFormat.Euros(form.AmountExclTax!.Value + form.Vat!.Value)}).");
            else if (form.AmountInclTax == 0) errors.Add("amountInclTax", "Le montant TTC doit être supérieur à 0 €.");
        }

        // Under subrogation the OPCO pays the provider's IBAN of the registry; a company gives the account to reimburse.
        var iban = dossier.DirectPayment ? null : Iban.Read(form.Iban, "iban", errors, required: true);
        if (!errors.IsEmpty) return (null, errors);

        var fingerprint = iban is null ? null : protector.Fingerprint(iban);
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(now), DossierId = dossier.Id, DossierNumber = dossier.Number, Siret = dossier.Siret, Issuer = dossier.Issuer,
            IssuerSiret = dossier.IssuerSiret, Number = number!, IssuedOn = form.IssuedOn!.Value, HoursDone = form.HoursDone!.Value,
            AmountExclTax = form.AmountExclTax!.Value, Vat = form.Vat!.Value, AmountInclTax = form.AmountInclTax!.Value, Status = InvoiceStatus.Received,
            EncryptedIban = iban is null ? null : protector.Protect(iban), MaskedIban = iban?.Masked, IbanFingerprint = fingerprint,
            NewBankAccount = fingerprint is not null && !knownAccounts.Contains(Convert.ToHexString(fingerprint)), FileName = file.FileName, ContentType = file.ContentType,
            FileSize = file.Size, SubmittedBy = by.UserId, SubmittedByName = by.Name, SubmittedAt = now, UpdatedAt = now,
        };
        invoice.History.Add(InvoiceHistoryEntry.Of(invoice.Id, now, by, null, InvoiceStatus.Received, null));
        return (invoice, errors);
    }

    /// <summary>An advisor takes the invoice to check it.</summary>
    public FieldErrors StartCheck(InvoiceActorRef advisor, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!InvoiceStatuses.Allows(Status, InvoiceStatus.UnderCheck, InvoiceActor.Advisor)) return errors.Add("status", Refusal(InvoiceStatus.UnderCheck));
        (CheckedBy, CheckedByName) = (advisor.UserId, advisor.Name);
        Move(InvoiceStatus.UnderCheck, advisor, null, now);
        return errors;
    }

    /// <summary>The invoice matches the dossier: « Bon à payer ». Whoever approves it is its checker, who may not pay it.</summary>
    public FieldErrors Approve(InvoiceActorRef advisor, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!InvoiceStatuses.Allows(Status, InvoiceStatus.ApprovedForPayment, InvoiceActor.Advisor))
            return errors.Add("status", Refusal(InvoiceStatus.ApprovedForPayment));
        (CheckedBy, CheckedByName) = (advisor.UserId, advisor.Name);
        Move(InvoiceStatus.ApprovedForPayment, advisor, null, now);
        return errors;
    }

    public FieldErrors Reject(string? reason, InvoiceActorRef advisor, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!InvoiceStatuses.Allows(Status, InvoiceStatus.Rejected, InvoiceActor.Advisor)) return errors.Add("status", Refusal(InvoiceStatus.Rejected));
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text)) return errors.Add("reason", "Le motif du rejet est obligatoire.");
        if (text.Length > ReasonMaxLength) return errors.Add("reason", $"Le motif ne doit pas dépasser {ReasonMaxLength} caractères.");
        (CheckedBy, CheckedByName, RejectionReason) = (advisor.UserId, advisor.Name, text);
        Move(InvoiceStatus.Rejected, advisor, text, now);
        return errors;
    }

    /// <summary>
    /// The payment of the invoice, by an administrator who did not check it, once the certificat de réalisation is in, of at
    /// most the invoice's TTC and what the dossier's commitment still holds (<paramref name="openCommitment"/>, read with the
    /// account locked). The ledger line is the caller's to write with it.
    /// </summary>
    public (InvoicePayment? Payment, FieldErrors Errors) Pay(FundedDossier dossier, DateOnly? paidOn, decimal? amount, decimal openCommitment,
        InvoiceActorRef administrator, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!InvoiceStatuses.Allows(Status, InvoiceStatus.Paid, InvoiceActor.Administrator)) return (null, errors.Add("status", Refusal(InvoiceStatus.Paid)));
        if (WasCheckedBy(administrator.UserId))
            return (null, errors.Add("status", "Vous avez contrôlé cette facture : son règlement doit être enregistré par une autre personne."));
        if (!dossier.IsCompleted)
            return (null, errors.Add("status", $"Le certificat de réalisation du dossier n° {dossier.Number} n'a pas été déposé : la facture ne peut pas être réglée."));
        if (dossier.DirectPayment && dossier.ProviderIbanChangedBy == administrator.UserId)
            return (null, errors.Add("status", "Vous avez enregistré l'IBAN de l'organisme de formation : le règlement doit être enregistré par une autre personne."));
        if (dossier.DirectPayment && dossier.ProviderMaskedIban is null)
            return (null, errors.Add("status", "L'organisme de formation n'a pas d'IBAN enregistré : enregistrez-le (« IBAN de l'organisme de formation ») pour lui régler la facture par subrogation."));

        if (paidOn is not { } date) errors.Add("paidOn", "La date du règlement est obligatoire.");
        else if (date > today) errors.Add("paidOn", "La date du règlement ne peut pas être dans le futur.");
        else if (date < IssuedOn) errors.Add("paidOn", $"Le règlement ne peut pas précéder la facture ({FrenchFormat.Date(IssuedOn)}).");
        CheckAmount(amount, "amount", "Le montant du règlement", errors);
        if (!errors.Has("amount"))
        {
            if (amount == 0) errors.Add("amount", "Le montant du règlement doit être supérieur à 0 €.");
            else if (amount > AmountInclTax) errors.Add("amount", $"Le règlement ne peut pas dépasser le montant TTC de la facture ({FrenchFormat.Euros(AmountInclTax)}).");
            else if (amount > openCommitment)
                errors.Add("amount", $"Le règlement dépasse ce que l'engagement du dossier n° {dossier.Number} peut encore payer ({FrenchFormat.Euros(openCommitment)}).");
        }
        if (!errors.IsEmpty) return (null, errors);

        var (payee, maskedIban) = dossier.DirectPayment
            ? (dossier.ProviderName ?? $"Organisme SIRET {dossier.ProviderSiret}", dossier.ProviderMaskedIban!)
            : ($"Entreprise, établissement SIRET {Siret}", MaskedIban!);
        Payment = InvoicePayment.Of(this, paidOn!.Value, amount!.Value, payee, maskedIban, administrator, now);
        Move(InvoiceStatus.Paid, administrator, null, now);
        return (Payment, errors);
    }

    /// <summary>Whoever took, approved or rejected the invoice checked it.</summary>
    public bool WasCheckedBy(Guid userId) =>
        History.Any(h => h.ByUserId == userId && h.To is InvoiceStatus.UnderCheck or InvoiceStatus.ApprovedForPayment or InvoiceStatus.Rejected);

    private static void CheckAmount(decimal? amount, string field, string what, FieldErrors errors)
    {
        if (amount is null) errors.Add(field, $"{what} est obligatoire.");
        else if (amount < 0) errors.Add(field, $"{what} ne peut pas être négatif.");
        else EuroAmount.Check(amount.Value, field, what, errors);
    }

    private void Move(InvoiceStatus to, InvoiceActorRef by, string? reason, DateTimeOffset now)
    {
        History.Add(InvoiceHistoryEntry.Of(Id, now, by, Status, to, reason));
        Status = to;
        UpdatedAt = now;
    }

    private string Refusal(InvoiceStatus to) =>
        $"La facture est « {InvoiceStatuses.Label(Status)} » : elle ne peut pas passer « {InvoiceStatuses.Label(to)} ».";
}

/// <summary>One move of an invoice: who, when, from, to, why.</summary>
public sealed class InvoiceHistoryEntry
{
    public long Id { get; private set; }
    public Guid InvoiceId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid ByUserId { get; private set; }
    public string ByName { get; private set; } = "";
    public InvoiceStatus? From { get; private set; }
    public InvoiceStatus To { get; private set; }
    public string? Reason { get; private set; }

    private InvoiceHistoryEntry() { }

    internal static InvoiceHistoryEntry Of(Guid invoiceId, DateTimeOffset at, InvoiceActorRef by, InvoiceStatus? from, InvoiceStatus to, string? reason) =>
        new() { InvoiceId = invoiceId, At = at, ByUserId = by.UserId, ByName = by.Name, From = from, To = to, Reason = reason };
}

/// <summary>
/// « Règlement »: what the OPCO paid on an invoice, to whom (the IBAN masked: the payee's own is never read back), with its
/// reference « dossier n° / facture n° »; its « avis de règlement » is made from it.
/// </summary>
public sealed class InvoicePayment
{
    public Guid Id { get; private set; }
    public Guid InvoiceId { get; private set; }
    public Guid DossierId { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public decimal Amount { get; private set; }
    public string PayeeName { get; private set; } = "";
    public string PayeeMaskedIban { get; private set; } = "";
    public string Reference { get; private set; } = "";
    public Guid RecordedBy { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    private InvoicePayment() { }

    internal static InvoicePayment Of(Invoice invoice, DateOnly paidOn, decimal amount, string payee, string maskedIban, InvoiceActorRef by,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), InvoiceId = invoice.Id, DossierId = invoice.DossierId, PaidOn = paidOn, Amount = amount, PayeeName = payee,
        PayeeMaskedIban = maskedIban, Reference = invoice.PaymentReference, RecordedBy = by.UserId, RecordedByName = by.Name, RecordedAt = now,
    };
}

/// <summary>The bytes of an invoice's file, loaded only to download them.</summary>
public sealed class InvoiceFile
{
    public Guid InvoiceId { get; private set; }
    public byte[] Content { get; private set; } = [];

    private InvoiceFile() { }

    public static InvoiceFile Of(Guid invoiceId, byte[] content) => new() { InvoiceId = invoiceId, Content = content };
}
