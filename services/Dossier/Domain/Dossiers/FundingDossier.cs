using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Dossiers;

/// <summary>
/// "Dossier de prise en charge" (domain.md): a request to fund one training action for employees of one establishment,
/// entered in seven steps, then decided by the OPCO. Every move is one of <see cref="DossierStatuses.Transitions"/>,
/// recorded in <see cref="History"/>; anything else is refused with a French reason. The entry's steps are in
/// FundingDossier.Entry.cs, the moves and decisions in FundingDossier.Moves.cs.
/// </summary>
public sealed partial class FundingDossier
{
    public const int TitleMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int CertificationCodeMaxLength = 20;
    public const int ReasonMaxLength = 1000;
    public const decimal MaxHours = 10_000m;
    /// <summary>Below this many days before the start, the decision may come after it (warned, not refused).</summary>
    public const int LateWarningDays = 30;
    public const int DocumentsDeadlineDays = 30;
    public const int DocumentsReminderDays = 15;

    public static readonly IReadOnlyList<DocumentKind> RequiredDocuments = [DocumentKind.Quote, DocumentKind.Programme, DocumentKind.Agreement];

    public Guid Id { get; private set; }
    /// <summary>The number users quote (« dossier n° 42 »), from a database sequence.</summary>
    public long Number { get; private set; }
    public string Siret { get; private set; } = "";
    public DossierStatus Status { get; private set; }
    public Guid CreatedBy { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>PostgreSQL's row version: what a screen read, sent back with a step (If-Match) so that it cannot undo a newer save.</summary>
    public uint Version { get; private set; }
    /// <summary>Who at the OPCO handles it: the company's advisor, then the advisor who acted on it. Named to the company.</summary>
    public string HandlerName { get; private set; } = "";

    /// <summary>The catalogue offer « Demander la prise en charge » started it from, and that offer's provider: what a scheme reserved to the catalogue needs.</summary>
    public Guid? CatalogueOfferId { get; private set; }
    public Guid? CatalogueProviderId { get; private set; }

    // 1 Cadre
    public string? SchemeCode { get; private set; }
    public bool? DirectPayment { get; private set; }
    // 2 Action
    public string? Title { get; private set; }
    public TrainingNature? Nature { get; private set; }
    public TrainingModality? Modality { get; private set; }
    public string? CertificationCode { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public decimal? Hours { get; private set; }
    public string? Place { get; private set; }
    // 3 Organisme
    public Guid? TrainingProviderId { get; private set; }
    // 4 Stagiaires
    public List<DossierTrainee> Trainees { get; private set; } = [];
    // 5 Coûts
    public decimal? TeachingCost { get; private set; }
    public List<DossierIncidentalCost> IncidentalCosts { get; private set; } = [];
    public decimal? RequestedAmount { get; private set; }
    // 6 Pièces
    public List<DossierDocument> Documents { get; private set; } = [];

    // Decision
    public DateTimeOffset? TransmissionRequestedAt { get; private set; }
    public DateTimeOffset? TransmittedAt { get; private set; }
    public decimal? GrantedAmount { get; private set; }
    public string? RefusalReason { get; private set; }
    public string? RequestedDocuments { get; private set; }
    public DateOnly? DocumentsDueOn { get; private set; }
    public DateTimeOffset? DocumentsReminderSentAt { get; private set; }
    /// <summary>Why finance could not record the commitment of the last acceptance, for the advisor.</summary>
    public string? CommitmentFailure { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>What finance released to the account when it settled the dossier (0 when paid in full): its figure, not recomputed here.</summary>
    public decimal? SettlementRelease { get; private set; }

    public List<DossierHistoryEntry> History { get; private set; } = [];
    public List<DossierComment> Comments { get; private set; } = [];

    private FundingDossier() { }

    /// <summary>"Créer un dossier": a draft on the establishment, handled by the company's advisor.</summary>
    public static FundingDossier Create(string siret, Actor by, string handlerName, DateTimeOffset now)
    {
        var dossier = new FundingDossier
        {
            Id = Guid.CreateVersion7(now), Siret = siret, Status = DossierStatus.Draft, CreatedBy = by.UserId!.Value, CreatedByName = by.Name,
            CreatedAt = now, UpdatedAt = now, HandlerName = handlerName,
        };
        dossier.History.Add(DossierHistoryEntry.Of(dossier.Id, now, by, null, DossierStatus.Draft, null));
        return dossier;
    }

    /// <summary>« Demander la prise en charge » from the catalogue: a draft that remembers the offer and its provider.</summary>
    public static FundingDossier CreateFromCatalogue(string siret, Guid offerId, Guid providerId, Actor by, string handlerName, DateTimeOffset now)
    {
        var dossier = Create(siret, by, handlerName, now);
        (dossier.CatalogueOfferId, dossier.CatalogueProviderId) = (offerId, providerId);
        return dossier;
    }

    public bool IsEditable => DossierStatuses.IsEditableByCompany(Status);

    /// <summary>What the company is told when it tries to change a dossier it no longer may.</summary>
    public string NotEditableReason =>
        $"Le dossier est « {DossierStatuses.Label(Status)} » : il n'est plus modifiable. Pour toute modification, contactez son gestionnaire à l'OPCO, {HandlerName}.";

    // ---- Completeness ----

    /// <summary>Each step with what it still misses (French), in order; the summary step is complete when all others are.</summary>
    public IReadOnlyList<StepState> Steps()
    {
        var steps = new List<StepState>
        {
            Step(1, "Cadre", (SchemeCode is null, "le dispositif"), (DirectPayment is null, "le choix de la subrogation de paiement")),
            Step(2, "Action", (Title is null, "l'intitulé"), (Nature is null, "la nature de l'action"), (Modality is null, "la modalité"),
                (StartDate is null, "la date de début"), (EndDate is null, "la date de fin"), (Hours is null, "la durée en heures"),
                (Place is null, "le lieu")),
            Step(3, "Organisme", (TrainingProviderId is null, "l'organisme de formation")),
            Step(4, "Stagiaires", (Trainees.Count == 0, "au moins un stagiaire"),
                (Hours is { } hours && Trainees.Any(t => t.Hours > hours), "des heures de stagiaire dans la limite de la durée de l'action")),
            Step(5, "Coûts", (TeachingCost is null, "les coûts pédagogiques"), (RequestedAmount is null, "le montant demandé")),
            Step(6, "Pièces", [.. RequiredDocuments.Select(k => (Documents.All(d => d.Kind != k), DossierLabels.Of(k).ToLowerInvariant()))]),
        };
        steps.Add(new StepState(7, "Récapitulatif", steps.All(s => s.Complete), []));
        return steps;
    }

    public bool IsComplete => Steps().All(s => s.Complete);

    /// <summary>The first step still missing something: where "Reprendre la saisie" leads.</summary>
    public int CurrentStep => Steps().FirstOrDefault(s => !s.Complete)?.Number ?? 7;

    private static StepState Step(int number, string name, params (bool Missing, string What)[] checks)
    {
        var missing = checks.Where(c => c.Missing).Select(c => c.What).ToList();
        return new StepState(number, name, missing.Count == 0, missing);
    }

    private static string? Text(string? input, string field, string label, int maxLength, FieldErrors errors)
    {
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > maxLength) errors.Add(field, $"{label} ne doit pas dépasser {maxLength} caractères.");
        return trimmed;
    }

    private static void CheckHours(decimal? hours, string field, string label, FieldErrors errors)
    {
        if (hours is null) return;
        if (hours <= 0 || hours > MaxHours) errors.Add(field, $"{label} : indiquez un nombre d'heures supérieur à 0 et d'au plus 10 000.");
        else if (decimal.Round(hours.Value, 2) != hours) errors.Add(field, $"{label} : deux décimales au plus.");
    }

    private static void CheckAmount(decimal? amount, string field, FieldErrors errors)
    {
        if (amount is null) return;
        if (amount < 0) errors.Add(field, "Le montant doit être positif ou nul.");
        else if (amount > Scheme.MaxAmount) errors.Add(field, "Le montant ne doit pas dépasser 1 000 000 €.");
        else if (decimal.Round(amount.Value, 2) != amount) errors.Add(field, "Le montant s'exprime en euros et centimes (deux décimales au plus).");
    }
}

/// <summary>A step of the entry: complete, or what it misses.</summary>
public sealed record StepState(int Number, string Name, bool Complete, IReadOnlyList<string> Missing);
