using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Dossiers;

/// <summary>The moves of a dossier: transmission, the nightly run, the advisor's decisions, finance's answers, cancellation, comments.</summary>
public sealed partial class FundingDossier
{
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

    /// <summary>
    /// Finance settled the dossier: its invoices paid its commitment in full, or an administrator closed it with the unpaid rest
    /// released (<paramref name="released"/>, kept for the activity reports). False when it is not « Réalisé » (already settled: a redelivered message).
    /// </summary>
    public bool Settle(bool paidInFull, decimal released, string? reason, DateTimeOffset now)
    {
        if (!DossierStatuses.Allows(Status, DossierStatus.Settled, DossierActor.Finance)) return false;
        SettlementRelease = released;
        Move(DossierStatus.Settled, DossierActor.Finance, Actor.Finance, paidInFull ? null
            : $"{reason} ({FrenchFormat.Euros(released)} non réglés rendus au compte)", now);
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
}
