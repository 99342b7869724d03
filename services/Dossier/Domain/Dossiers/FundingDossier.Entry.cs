using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Dossiers;

/// <summary>Steps 1 to 6 of the entry, each saved as a draft, and the pieces.</summary>
public sealed partial class FundingDossier
{
    // Draft: missing fields are allowed, wrong ones are not.

    /// <summary>Step 1. <paramref name="offer"/> and <paramref name="directPaymentOffer"/> are the scheme's rules judged for the user.</summary>
    public FieldErrors SaveFrame(Scheme? scheme, SchemeOffer? offer, SchemeOffer? directPaymentOffer, bool? directPayment, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        if (scheme is null) errors.Add("schemeCode", "Choisissez un dispositif.");
        else if (offer is { Offered: false }) errors.Add("schemeCode", offer.Reason!);
        else if (CatalogueRuleBroken(scheme.CatalogueOnly, TrainingProviderId) is { } reason) errors.Add("schemeCode", reason);
        if (directPayment == true && directPaymentOffer is { Offered: false }) errors.Add("directPayment", directPaymentOffer.Reason!);
        if (!errors.IsEmpty) return errors;
        (SchemeCode, DirectPayment) = (scheme!.Code, directPaymentOffer is { Offered: false } ? false : directPayment);
        UpdatedAt = now;
        return errors;
    }

    /// <summary>
    /// A scheme reserved to the catalogue (« Sélection DEFi ») funds a training of the catalogue only: the dossier must come
    /// from « Demander la prise en charge » on an offer, and keep that offer's provider. Null when the rule holds.
    /// </summary>
    private string? CatalogueRuleBroken(bool schemeIsCatalogueOnly, Guid? providerId)
    {
        if (!schemeIsCatalogueOnly) return null;
        if (CatalogueOfferId is null)
            return "Ce dispositif finance uniquement les formations du catalogue Sélection DEFi Formations : choisissez une formation dans le catalogue, puis « Demander la prise en charge ».";
        return providerId is { } id && id != CatalogueProviderId
            ? "Ce dispositif finance uniquement les formations du catalogue : l'organisme doit rester celui de l'offre choisie dans le catalogue."
            : null;
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
    public FieldErrors SaveProvider(TrainingProvider? provider, bool schemeIsCatalogueOnly, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!IsEditable) return errors.Add("status", NotEditableReason);
        if (provider is null) errors.Add("trainingProviderId", "Choisissez un organisme de formation.");
        else if (!provider.IsQualiopiCertified)
            errors.Add("trainingProviderId", "Cet organisme n'est pas certifié Qualiopi : une formation qu'il dispense ne peut pas être financée par l'OPCO.");
        else if (CatalogueRuleBroken(schemeIsCatalogueOnly, provider.Id) is { } reason) errors.Add("trainingProviderId", reason);
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
}
