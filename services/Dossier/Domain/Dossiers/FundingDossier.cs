using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Dossiers;

/// <summary>
/// "Dossier de prise en charge" (domain.md): a request to fund one training action for employees of one establishment,
/// entered in seven steps, then decided by the OPCO. Every move is one of <see cref="DossierStatuses.Transitions"/>,
/// recorded in <see cref="History"/>; anything else is refused with a French reason.
/// </summary>
public sealed class FundingDossier
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
    /// <summary>Who at the OPCO handles it: the company's advisor, then the advisor who acted on it. Named to the company.</summary>
    public string HandlerName { get; private set; } = "";

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

    public bool IsEditable => DossierStatuses.IsEditableByCompany(Status);

    /// <summary>What the company is told when it tries to change a dossier it no longer may.</summary>
    public string NotEditableReason =>
        $"Le dossier est « {DossierStatuses.Label(Status)} » : il n'est plus modifiable. Pour toute modification, contactez son gestionnaire à l'OPCO, {HandlerName}.";

    // ---- Entry, step by step (draft: missing fields are allowed, wrong ones are not) ----

    /// <summary>Step 1. <paramref name="offer"/> and <paramref name="directPaymentOffer"/> are the scheme's rules judged for the user.</summary>
    public FieldErrors SaveFrame(Scheme? scheme, SchemeOffer? offer, SchemeOffer? directPaymentOffer, bool? directPayment, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        if (scheme is null) errors.Add("schemeCode", "Choisissez un dispositif.");
        else if (offer is { Offered: false }) errors.Add("schemeCode", offer.Reason!);
        if (directPayment == true && directPaymentOffer is { Offered: false }) errors.Add("directPayment", directPaymentOffer.Reason!);
        if (!errors.IsEmpty) return errors;
        (SchemeCode, DirectPayment) = (scheme!.Code, directPaymentOffer is { Offered: false } ? false : directPayment);
        UpdatedAt = now;
        return errors;
    }

    /// <summary>Step 2; trainees' hours are checked again against the action's.</summary>
    public FieldErrors SaveAction(ActionForm form, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        var title = Text(form.Title, "title", "L'intitulé", TitleMaxLength, errors);
        var place = Text(form.Place, "place", "Le lieu", PlaceMaxLength, errors);
        var code = Text(form.CertificationCode, "certificationCode", "Le code RNCP ou RS", CertificationCodeMaxLength, errors);
        TrainingNature? nature = null;
        if (form.Nature is not null)
        {
            if (EnumCodes.TryParse<TrainingNature>(form.Nature, out var parsed)) nature = parsed;
            else errors.Add("nature", "Choisissez la nature de l'action : action de formation, bilan de compétences ou VAE.");
        }
        TrainingModality? modality = null;
        if (form.Modality is not null)
        {
            if (EnumCodes.TryParse<TrainingModality>(form.Modality, out var parsed)) modality = parsed;
            else errors.Add("modality", "Choisissez la modalité : présentiel, distance ou mixte.");
        }
        if (form.StartDate is { } start && form.EndDate is { } end && end < start)
            errors.Add("endDate", "La date de fin ne peut pas précéder la date de début.");
        CheckHours(form.Hours, "hours", "La durée", errors);
        if (!errors.IsEmpty) return errors;
        (Title, Nature, Modality, CertificationCode, StartDate, EndDate, Hours, Place) =
            (title, nature, modality, code?.ToUpperInvariant(), form.StartDate, form.EndDate, form.Hours, place);
        UpdatedAt = now;
        return errors;
    }

    /// <summary>Step 3: an external provider funded by an OPCO must be Qualiopi certified.</summary>
    public FieldErrors SaveProvider(TrainingProvider? provider, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        if (provider is null) errors.Add("trainingProviderId", "Choisissez un organisme de formation.");
        else if (!provider.IsQualiopiCertified)
            errors.Add("trainingProviderId", "Cet organisme n'est pas certifié Qualiopi : une formation qu'il dispense ne peut pas être financée par l'OPCO.");
        if (!errors.IsEmpty) return errors;
        TrainingProviderId = provider!.Id;
        UpdatedAt = now;
        return errors;
    }

    /// <summary>Step 4: the whole list replaces the previous one; <paramref name="employees"/> are those of the establishment named in it.</summary>
    public FieldErrors SaveTrainees(IReadOnlyList<TraineeLine> lines, IReadOnlyCollection<Employee> employees, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        var checkedLines = new List<(Guid Employee, decimal Hours, decimal Outside)>();
        foreach (var (line, index) in lines.Select((l, i) => (l, i)))
        {
            var field = $"trainees[{index}]";
            var employee = employees.FirstOrDefault(e => e.Id == line.EmployeeId && e.Siret == Siret);
            if (employee is null) errors.Add($"{field}.employeeId", "Choisissez un salarié de l'établissement.");
            else if (StartDate is { } start && !employee.IsEmployedOn(start))
                errors.Add($"{field}.employeeId", $"{employee.FirstName} {employee.LastName} ne fait plus partie de l'établissement au début de l'action.");
            else if (checkedLines.Any(c => c.Employee == employee.Id)) errors.Add($"{field}.employeeId", "Ce salarié est déjà dans la liste.");
            CheckHours(line.Hours, $"{field}.hours", "Le nombre d'heures", errors);
            if (line.Hours is null) errors.Add($"{field}.hours", "Le nombre d'heures du stagiaire est obligatoire.");
            else if (Hours is { } actionHours && line.Hours > actionHours)
                errors.Add($"{field}.hours", "Les heures du stagiaire ne peuvent pas dépasser la durée de l'action.");
            var outside = line.HoursOutsideWorkingTime ?? 0m;
            if (outside < 0 || outside > (line.Hours ?? 0m))
                errors.Add($"{field}.hoursOutsideWorkingTime", "Les heures hors temps de travail sont comprises entre 0 et les heures du stagiaire.");
            if (employee is not null && line.Hours is { } hours) checkedLines.Add((employee.Id, hours, outside));
        }
        if (!errors.IsEmpty) return errors;
        Trainees.Clear();
        Trainees.AddRange(checkedLines.Select(l => DossierTrainee.Of(Id, l.Employee, l.Hours, l.Outside)));
        UpdatedAt = now;
        return errors;
    }

    /// <summary>Step 5: teaching cost (HT), incidental costs and the requested amount; the salary cost is computed.</summary>
    public FieldErrors SaveCosts(CostsForm form, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        CheckAmount(form.TeachingCost, "teachingCost", errors);
        CheckAmount(form.RequestedAmount, "requestedAmount", errors);
        var incidental = new List<(IncidentalCostKind Kind, decimal Quantity, decimal Unit)>();
        foreach (var (line, index) in (form.IncidentalCosts ?? []).Select((l, i) => (l, i)))
        {
            var field = $"incidentalCosts[{index}]";
            if (!EnumCodes.TryParse<IncidentalCostKind>(line.Kind, out var kind))
                errors.Add($"{field}.kind", "Choisissez le type de frais : repas, nuitées ou kilomètres.");
            if (line.Quantity is not > 0 || line.Quantity > MaxHours * 10 || decimal.Round(line.Quantity.Value, 2) != line.Quantity)
                errors.Add($"{field}.quantity", "La quantité doit être positive (deux décimales au plus).");
            CheckAmount(line.UnitAmount, $"{field}.unitAmount", errors);
            if (line.UnitAmount is null) errors.Add($"{field}.unitAmount", "Le montant unitaire est obligatoire.");
            if (errors.IsEmpty) incidental.Add((kind, line.Quantity!.Value, line.UnitAmount!.Value));
        }
        if (!errors.IsEmpty) return errors;
        (TeachingCost, RequestedAmount) = (form.TeachingCost, form.RequestedAmount);
        IncidentalCosts.Clear();
        IncidentalCosts.AddRange(incidental.Select(i => DossierIncidentalCost.Of(Id, i.Kind, i.Quantity, i.Unit)));
        UpdatedAt = now;
        return errors;
    }

    /// <summary>
    /// Step 6 and later pieces: quote, programme and agreement while the entry is open; any piece but the certificate
    /// while documents are awaited; the certificate once accepted and the training over, which makes the dossier "Réalisé".
    /// </summary>
    public string? AddDocument(DocumentKind kind, string fileName, string contentType, long size, Actor by, DateOnly today, DateTimeOffset now,
        out DossierDocument? document)
    {
        document = null;
        var allowed = Status switch
        {
            DossierStatus.Draft => kind is DocumentKind.Quote or DocumentKind.Programme or DocumentKind.Agreement,
            DossierStatus.AwaitingDocuments => kind is not DocumentKind.CompletionCertificate,
            DossierStatus.Accepted => kind is DocumentKind.CompletionCertificate,
            _ => false,
        };
        if (!allowed)
            return Status switch
            {
                DossierStatus.Draft => "Le certificat de réalisation se dépose une fois le dossier accepté et la formation terminée.",
                DossierStatus.Accepted => "Seul le certificat de réalisation peut être déposé sur un dossier accepté.",
                _ => NotEditableReason,
            };
        if (kind == DocumentKind.CompletionCertificate && EndDate >= today)
            return $"Le certificat de réalisation se dépose après la fin de la formation ({FrenchFormat.Date(EndDate!.Value)}).";
        document = DossierDocument.Of(Id, kind, fileName, contentType, size, by, now);
        Documents.Add(document);
        if (kind == DocumentKind.CompletionCertificate) Move(DossierStatus.Completed, DossierActor.Company, by, null, now);
        UpdatedAt = now;
        return null;
    }

    /// <summary>A piece may be removed only while the entry is open.</summary>
    public string? RemoveDocument(Guid documentId, DateTimeOffset now)
    {
        if (!IsEditable) return NotEditableReason;
        var document = Documents.FirstOrDefault(d => d.Id == documentId);
        if (document is null) return "Pièce introuvable.";
        Documents.Remove(document);
        UpdatedAt = now;
        return null;
    }

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

    // ---- Moves ----

    /// <summary>
    /// "Transmettre le dossier": only complete, before the training starts, within the scheme's rules; it leaves with the
    /// nightly transmission. Returns the refusal, or null and the warnings to show.
    /// </summary>
    public string? RequestTransmission(Actor by, DossierCosts costs, SchemeOffer offer, DateOnly today, DateTimeOffset now,
        out IReadOnlyList<string> warnings)
    {
        warnings = [];
        if (!DossierStatuses.Allows(Status, DossierStatus.TransmissionRequested, DossierActor.Company)) return Refusal(DossierStatus.TransmissionRequested);
        var missing = Steps().Where(s => !s.Complete && s.Number < 7).ToList();
        if (missing.Count > 0)
            return "Le dossier est incomplet : " + string.Join(" ; ", missing.Select(s => $"étape {s.Number} « {s.Name} » : {string.Join(", ", s.Missing)}")) + ".";
        if (!offer.Offered) return offer.Reason;
        if (StartDate < today)
            return $"La formation commence le {FrenchFormat.Date(StartDate!.Value)} : une demande de prise en charge doit parvenir à l'OPCO avant le début de la formation.";
        if (RequestedAmount > costs.FundableTotal)
            return $"Le montant demandé ({FrenchFormat.Euros(RequestedAmount!.Value)}) dépasse le montant finançable par le dispositif ({FrenchFormat.Euros(costs.FundableTotal)}).";
        var notes = new List<string>(costs.Warnings);
        if (StartDate < today.AddDays(LateWarningDays))
            notes.Add($"La formation commence dans moins de {LateWarningDays} jours : la décision de l'OPCO pourrait intervenir après son début.");
        warnings = notes;
        TransmissionRequestedAt = now;
        Move(DossierStatus.TransmissionRequested, DossierActor.Company, by, null, now);
        return null;
    }

    /// <summary>"Déverrouiller la demande": back to the entry before the nightly transmission took it.</summary>
    public string? Unlock(Actor by, DateTimeOffset now)
    {
        if (!DossierStatuses.Allows(Status, DossierStatus.Draft, DossierActor.Company)) return Refusal(DossierStatus.Draft);
        TransmissionRequestedAt = null;
        Move(DossierStatus.Draft, DossierActor.Company, by, null, now);
        return null;
    }

    /// <summary>The nightly transmission: the dossier reaches the OPCO ("En cours de validation"); the start date is not checked again.</summary>
    public string? Transmit(DateTimeOffset now)
    {
        if (!DossierStatuses.Allows(Status, DossierStatus.UnderReview, DossierActor.Transmission)) return Refusal(DossierStatus.UnderReview);
        TransmittedAt = now;
        Move(DossierStatus.UnderReview, DossierActor.Transmission, Actor.NightlyTransmission, null, now);
        return null;
    }

    /// <summary>The advisor asks for documents: the list, 30 days to provide them, a reminder after 15.</summary>
    public FieldErrors AskForDocuments(string? list, Actor advisor, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!DossierStatuses.Allows(Status, DossierStatus.AwaitingDocuments, DossierActor.Advisor))
            return errors.Add("status", Refusal(DossierStatus.AwaitingDocuments));
        var text = Text(list, "documents", "La liste des pièces demandées", ReasonMaxLength, errors);
        if (text is null && !errors.Has("documents")) errors.Add("documents", "Indiquez les pièces demandées.");
        if (!errors.IsEmpty) return errors;
        (RequestedDocuments, DocumentsDueOn, DocumentsReminderSentAt) = (text, today.AddDays(DocumentsDeadlineDays), null);
        TakeOver(advisor);
        Move(DossierStatus.AwaitingDocuments, DossierActor.Advisor, advisor, text, now);
        return errors;
    }

    /// <summary>The company sends the dossier back once it has added the pieces asked for.</summary>
    public string? ReturnWithDocuments(Actor by, DateTimeOffset now)
    {
        if (!DossierStatuses.Allows(Status, DossierStatus.UnderReview, DossierActor.Company)) return Refusal(DossierStatus.UnderReview);
        var since = History.Last(h => h.To == DossierStatus.AwaitingDocuments).At;
        if (!Documents.Any(d => d.UploadedAt >= since)) return "Ajoutez les pièces demandées avant de renvoyer le dossier.";
        Move(DossierStatus.UnderReview, DossierActor.Company, by, "Pièces complémentaires transmises", now);
        return null;
    }

    /// <summary>Whether the documents reminder is due (15 days after the request, once).</summary>
    public bool IsDocumentsReminderDue(DateOnly today) =>
        Status == DossierStatus.AwaitingDocuments && DocumentsReminderSentAt is null
        && DocumentsDueOn is { } due && today >= due.AddDays(DocumentsReminderDays - DocumentsDeadlineDays);

    public void MarkDocumentsReminded(DateTimeOffset now) => DocumentsReminderSentAt = now;

    /// <summary>The advisor refuses with a reason; while documents are awaited, only once their deadline is past.</summary>
    public FieldErrors Refuse(string? reason, Actor advisor, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!DossierStatuses.Allows(Status, DossierStatus.Refused, DossierActor.Advisor)) return errors.Add("status", Refusal(DossierStatus.Refused));
        if (Status == DossierStatus.AwaitingDocuments && today <= DocumentsDueOn)
            return errors.Add("status", $"Les pièces demandées sont attendues jusqu'au {FrenchFormat.Date(DocumentsDueOn!.Value)} : le dossier ne peut être refusé qu'après cette date.");
        var text = Text(reason, "reason", "Le motif du refus", ReasonMaxLength, errors);
        if (text is null && !errors.Has("reason")) errors.Add("reason", "Le motif du refus est obligatoire.");
        if (!errors.IsEmpty) return errors;
        (RefusalReason, DecidedAt) = (text, now);
        TakeOver(advisor);
        Move(DossierStatus.Refused, DossierActor.Advisor, advisor, text, now);
        return errors;
    }

    /// <summary>
    /// The advisor accepts with a granted amount (at most the requested one and what the scheme funds). The dossier waits
    /// for finance to record the commitment (<see cref="DossierStatus.AcceptancePending"/>): no other decision meanwhile.
    /// </summary>
    public FieldErrors Accept(decimal? grantedAmount, DossierCosts costs, Actor advisor, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!DossierStatuses.Allows(Status, DossierStatus.AcceptancePending, DossierActor.Advisor))
            return errors.Add("status", Refusal(DossierStatus.AcceptancePending));
        CheckAmount(grantedAmount, "grantedAmount", errors);
        if (grantedAmount is not > 0 && !errors.Has("grantedAmount")) errors.Add("grantedAmount", "Le montant accordé doit être supérieur à 0 €.");
        else if (grantedAmount > RequestedAmount)
            errors.Add("grantedAmount", $"Le montant accordé ne peut pas dépasser le montant demandé ({FrenchFormat.Euros(RequestedAmount!.Value)}).");
        else if (grantedAmount > costs.FundableTotal)
            errors.Add("grantedAmount", $"Le montant accordé dépasse ce que finance le dispositif ({FrenchFormat.Euros(costs.FundableTotal)}).");
        if (!errors.IsEmpty) return errors;
        (GrantedAmount, CommitmentFailure) = (grantedAmount, null);
        TakeOver(advisor);
        Move(DossierStatus.AcceptancePending, DossierActor.Advisor, advisor, null, now);
        return errors;
    }

    /// <summary>Finance recorded the commitment: the dossier is accepted. False when it was already (a redelivered answer).</summary>
    public bool ConfirmAcceptance(DateTimeOffset now)
    {
        if (!DossierStatuses.Allows(Status, DossierStatus.Accepted, DossierActor.Finance)) return false;
        DecidedAt = now;
        Move(DossierStatus.Accepted, DossierActor.Finance, Actor.Finance, null, now);
        return true;
    }

    /// <summary>Finance could not record the commitment: back to the advisor with the reason. False when not waiting for it.</summary>
    public bool FailAcceptance(string reason, DateTimeOffset now)
    {
        if (!DossierStatuses.Allows(Status, DossierStatus.UnderReview, DossierActor.Finance)) return false;
        (GrantedAmount, CommitmentFailure) = (null, reason);
        Move(DossierStatus.UnderReview, DossierActor.Finance, Actor.Finance, reason, now);
        return true;
    }

    /// <summary>Cancels an accepted dossier: the company before the training starts, the advisor at any time; a reason is required.</summary>
    public FieldErrors Cancel(string? reason, Actor by, DossierActor role, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!DossierStatuses.Allows(Status, DossierStatus.Cancelled, role)) return errors.Add("status", Refusal(DossierStatus.Cancelled));
        if (role == DossierActor.Company && StartDate <= today)
            return errors.Add("status", "La formation a commencé : seul votre conseiller à l'OPCO peut annuler ce dossier.");
        var text = Text(reason, "reason", "Le motif de l'annulation", ReasonMaxLength, errors);
        if (text is null && !errors.Has("reason")) errors.Add("reason", "Le motif de l'annulation est obligatoire.");
        if (!errors.IsEmpty) return errors;
        Move(DossierStatus.Cancelled, role, by, text, now);
        return errors;
    }

    /// <summary>A comment by the company or the advisor.</summary>
    public FieldErrors Comment(string? text, Actor author, bool byAdvisor, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var trimmed = Text(text, "text", "Le commentaire", DossierComment.MaxLength, errors);
        if (trimmed is null && !errors.Has("text")) errors.Add("text", "Le commentaire est vide.");
        if (!errors.IsEmpty) return errors;
        Comments.Add(DossierComment.Of(Id, now, author, byAdvisor, trimmed!));
        return errors;
    }

    private void TakeOver(Actor advisor) => HandlerName = advisor.Name;

    private void Move(DossierStatus to, DossierActor role, Actor by, string? reason, DateTimeOffset now)
    {
        if (!DossierStatuses.Allows(Status, to, role))
            throw new InvalidOperationException($"{Status} → {to} by {role} is not a dossier transition.");
        History.Add(DossierHistoryEntry.Of(Id, now, by, Status, to, reason));
        Status = to;
        UpdatedAt = now;
    }

    private string Refusal(DossierStatus to) =>
        $"Le dossier est « {DossierStatuses.Label(Status)} » : il ne peut pas passer « {DossierStatuses.Label(to)} »."
        + (IsEditable || Status == DossierStatus.TransmissionRequested ? "" : $" Contactez son gestionnaire à l'OPCO, {HandlerName}.");

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
