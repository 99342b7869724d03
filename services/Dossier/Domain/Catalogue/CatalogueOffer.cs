using Opco.Dossier.Domain.Dossiers;
using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Catalogue;

/// <summary>What an administrator gives for an offer; every field is checked by <see cref="CatalogueOffer"/>.</summary>
public sealed record CatalogueOfferForm(string? Title, string? Theme, Guid? TrainingProviderId, decimal? Hours, string? Nature, string? Modality,
    decimal? Price, decimal? CoveredAmount, string? Description);

/// <summary>What an administrator gives for a session of an offer.</summary>
public sealed record CatalogueSessionForm(DateOnly? StartDate, DateOnly? EndDate, string? Place, string? Region, int? SeatsLeft);

/// <summary>
/// "Catalogue Sélection DEFi Formations" (domain.md): a training the OPCO negotiated with a provider of the registry, with
/// its sessions, its price and what the OPCO covers under the scheme « Sélection DEFi ». Managed by OPCO administrators;
/// companies see it once published. Seats left are information kept by the OPCO: nothing is reserved by a request.
/// </summary>
public sealed class CatalogueOffer
{
    /// <summary>The scheme every catalogue offer is funded by (seeded with the schemes).</summary>
    public const string SchemeCode = "SelectionDefi";
    public const int TitleMaxLength = FundingDossier.TitleMaxLength;
    public const int ThemeMaxLength = 100;
    public const int DescriptionMaxLength = 4000;
    public const int MaxSessions = 50;

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Theme { get; private set; } = "";
    public Guid TrainingProviderId { get; private set; }
    /// <summary>The provider's name when the offer was written, shown and searched without reading the registry.</summary>
    public string ProviderName { get; private set; } = "";
    public string ProviderSiret { get; private set; } = "";
    public decimal Hours { get; private set; }
    public TrainingNature Nature { get; private set; }
    public TrainingModality Modality { get; private set; }
    /// <summary>Price per trainee, euros HT.</summary>
    public decimal Price { get; private set; }
    /// <summary>What the OPCO pays per trainee from the company's « Sélection DEFi » account.</summary>
    public decimal CoveredAmount { get; private set; }
    public string Description { get; private set; } = "";
    /// <summary>Title, theme and provider as search compares them (<see cref="SearchText"/>).</summary>
    public string SearchText { get; private set; } = "";
    public bool IsPublished { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? UpdatedBy { get; private set; }
    public List<CatalogueSession> Sessions { get; private set; } = [];

    private CatalogueOffer() { }

    /// <summary>A new unpublished offer, or every field's French message and nothing created.</summary>
    public static (CatalogueOffer? Offer, FieldErrors Errors) Create(CatalogueOfferForm form, TrainingProvider? provider, Guid? by, DateTimeOffset now)
    {
        var offer = new CatalogueOffer { Id = Guid.CreateVersion7(now), CreatedAt = now };
        var errors = offer.Apply(form, provider, by, now);
        return errors.IsEmpty ? (offer, errors) : (null, errors);
    }

    public FieldErrors Edit(CatalogueOfferForm form, TrainingProvider? provider, Guid by, DateTimeOffset now) => Apply(form, provider, by, now);

    /// <summary>Shown to companies; an offer without a session to come has nothing to ask for.</summary>
    public FieldErrors Publish(DateOnly today, Guid? by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!Sessions.Any(s => s.StartDate > today))
            return errors.Add("sessions", "Ajoutez au moins une session à venir avant de publier l'offre.");
        (IsPublished, UpdatedAt, UpdatedBy) = (true, now, by);
        return errors;
    }

    public void Unpublish(Guid by, DateTimeOffset now) => (IsPublished, UpdatedAt, UpdatedBy) = (false, now, by);

    public (CatalogueSession? Session, FieldErrors Errors) AddSession(CatalogueSessionForm form, Guid? by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (Sessions.Count >= MaxSessions) return (null, errors.Add("sessions", $"Une offre compte au plus {MaxSessions} sessions."));
        var checkedForm = CatalogueSession.Check(form, errors);
        if (!errors.IsEmpty) return (null, errors);
        var session = CatalogueSession.Of(Id, checkedForm, now);
        Sessions.Add(session);
        (UpdatedAt, UpdatedBy) = (now, by);
        return (session, errors);
    }

    public FieldErrors EditSession(Guid sessionId, CatalogueSessionForm form, Guid by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var session = Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (session is null) return errors.Add("sessionId", "Session introuvable.");
        var checkedForm = CatalogueSession.Check(form, errors);
        if (!errors.IsEmpty) return errors;
        session.Change(checkedForm);
        (UpdatedAt, UpdatedBy) = (now, by);
        return errors;
    }

    /// <summary>A published offer keeps at least one session to come.</summary>
    public FieldErrors RemoveSession(Guid sessionId, DateOnly today, Guid by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var session = Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (session is null) return errors.Add("sessionId", "Session introuvable.");
        if (IsPublished && !Sessions.Any(s => s != session && s.StartDate > today))
            return errors.Add("sessionId", "Une offre publiée garde au moins une session à venir : retirez d'abord l'offre du catalogue.");
        Sessions.Remove(session);
        (UpdatedAt, UpdatedBy) = (now, by);
        return errors;
    }

    /// <summary>
    /// The session a company may still ask funding for: a session of this published offer, not started (the request must
    /// reach the OPCO before the training starts) and with a seat left. Null when it may; otherwise why, in French.
    /// </summary>
    public string? CannotRequest(CatalogueSession? session, DateOnly today) =>
        !IsPublished ? "Cette offre n'est plus au catalogue."
        : session is null || session.OfferId != Id ? "Choisissez une session de l'offre."
        : session.StartDate <= today ? "Cette session a déjà commencé : choisissez une session à venir."
        : session.SeatsLeft <= 0 ? "Cette session est complète : choisissez une autre session."
        : null;

    private FieldErrors Apply(CatalogueOfferForm form, TrainingProvider? provider, Guid? by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var title = Required(form.Title, "title", "L'intitulé", TitleMaxLength, errors);
        var theme = Required(form.Theme, "theme", "Le thème", ThemeMaxLength, errors);
        var description = Required(form.Description, "description", "La description", DescriptionMaxLength, errors);
        if (form.TrainingProviderId is null) errors.Add("trainingProviderId", "Choisissez l'organisme de formation.");
        else if (provider is null) errors.Add("trainingProviderId", "Cet organisme n'est pas dans le registre des organismes de formation.");
        else if (!provider.IsQualiopiCertified)
            errors.Add("trainingProviderId", "Cet organisme n'est pas certifié Qualiopi : l'OPCO ne peut pas financer ses formations.");
        if (form.Hours is not { } hours) errors.Add("hours", "La durée en heures est obligatoire.");
        else if (hours <= 0 || hours > FundingDossier.MaxHours || decimal.Round(hours, 2) != hours)
            errors.Add("hours", "La durée : indiquez un nombre d'heures supérieur à 0 et d'au plus 10 000 (deux décimales au plus).");
        TrainingNature nature = default;
        if (!EnumCodes.TryParse(form.Nature, out nature))
            errors.Add("nature", "Choisissez la nature de l'action : action de formation, bilan de compétences ou VAE.");
        TrainingModality modality = default;
        if (!EnumCodes.TryParse(form.Modality, out modality))
            errors.Add("modality", "Choisissez la modalité : présentiel, distance ou mixte.");
        CheckAmount(form.Price, "price", "Le prix", errors);
        CheckAmount(form.CoveredAmount, "coveredAmount", "La prise en charge", errors);
        if (form.Price is { } price && form.CoveredAmount is { } covered && covered > price)
            errors.Add("coveredAmount", "La prise en charge par l'OPCO ne peut pas dépasser le prix de la formation.");
        if (!errors.IsEmpty) return errors;

        (Title, Theme, Description, TrainingProviderId, ProviderName, ProviderSiret) =
            (title!, theme!, description!, provider!.Id, provider.Name, provider.Siret);
        (Hours, Nature, Modality, Price, CoveredAmount) = (form.Hours!.Value, nature, modality, form.Price!.Value, form.CoveredAmount!.Value);
        SearchText = SharedKernel.Search.SearchText.Normalize($"{Title} {Theme} {ProviderName}");
        (UpdatedAt, UpdatedBy) = (now, by);
        return errors;
    }

    private static string? Required(string? input, string field, string label, int maxLength, FieldErrors errors)
    {
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed)) errors.Add(field, $"{label} est obligatoire.");
        else if (trimmed.Length > maxLength) errors.Add(field, $"{label} ne doit pas dépasser {maxLength} caractères.");
        return trimmed;
    }

    private static void CheckAmount(decimal? amount, string field, string label, FieldErrors errors)
    {
        if (amount is null) errors.Add(field, $"{label} est obligatoire.");
        else if (amount < 0) errors.Add(field, $"{label} doit être positif ou nul.");
        else if (amount > Scheme.MaxAmount) errors.Add(field, $"{label} ne doit pas dépasser 1 000 000 €.");
        else if (decimal.Round(amount.Value, 2) != amount) errors.Add(field, $"{label} s'exprime en euros et centimes (deux décimales au plus).");
    }
}
