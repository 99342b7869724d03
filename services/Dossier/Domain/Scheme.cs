using Opco.SharedKernel;

namespace Opco.Dossier.Domain;

/// <summary>Where a scheme's money comes from: one of the company's accounts, or an OPCO-wide pooled source.</summary>
public enum FundingKind
{
    CompanyAccount,
    PooledSource,
}

/// <summary>
/// Who a scheme (or subrogation with it) is offered to, as data: every company when both limits are empty, otherwise
/// a company with <see cref="RequiredOffer"/> or with at most <see cref="MaxHeadcount"/> employees (seed 001: "DEFi
/// Performance" or fewer than 11). A company whose headcount is unknown counts as above any limit.
/// </summary>
public sealed record OfferRule(string? RequiredOffer, int? MaxHeadcount)
{
    public static readonly OfferRule Everyone = new(null, null);

    public bool IsRestricted => RequiredOffer is not null || MaxHeadcount is not null;

    public bool Allows(MemberCompany? company) =>
        !IsRestricted
        || (company is not null
            && ((RequiredOffer is not null && string.Equals(company.ServiceOffer, RequiredOffer, StringComparison.OrdinalIgnoreCase))
                || (MaxHeadcount is { } max && company.Headcount is { } headcount && headcount <= max)));

    /// <summary>The condition in French: « aux entreprises bénéficiant de l'offre DEFi Performance ou de moins de 11 salariés ».</summary>
    public string Describe() => (RequiredOffer, MaxHeadcount) switch
    {
        ({ } offer, { } max) => $"aux entreprises bénéficiant de l'offre {offer} ou de moins de {max + 1} salariés",
        ({ } offer, null) => $"aux entreprises bénéficiant de l'offre {offer}",
        (null, { } max) => $"aux entreprises de moins de {max + 1} salariés",
        _ => "à toutes les entreprises",
    };
}

/// <summary>The most a scheme funds: per hour of training, per hour of salary, per meal, night or km, per action. Null: no ceiling.</summary>
public sealed record SchemeCeilings(decimal? TeachingCostPerHour, decimal? SalaryCostPerHour, decimal? MealCost, decimal? NightCost,
    decimal? CostPerKm, decimal? MaxPerAction);

/// <summary>What an administrator may change on a scheme; checked by <see cref="Scheme.Edit"/>.</summary>
public sealed record SchemeForm(string? Label, bool? IsActive, bool? CatalogueOnly, string? RequiredOffer, int? MaxHeadcount,
    string? DirectPaymentRequiredOffer, int? DirectPaymentMaxHeadcount, decimal? TeachingCostPerHour, decimal? SalaryCostPerHour,
    decimal? MealCost, decimal? NightCost, decimal? CostPerKm, decimal? MaxPerAction);

/// <summary>
/// "Dispositif" (domain.md): a funding scheme with its source, who it is offered to, whether subrogation goes with it, and
/// its ceilings. Data seeded by migration and edited by OPCO administrators, so a rule changes without a release.
/// </summary>
public sealed class Scheme
{
    public const int LabelMaxLength = 150;
    public const decimal MaxAmount = 1_000_000m;

    public string Code { get; private set; } = "";
    public string Label { get; private set; } = "";
    public FundingKind FundingKind { get; private set; }
    /// <summary>The company account (« Plan obligatoire », …) or the pooled source (« Alternance », …) that pays.</summary>
    public string FundingSource { get; private set; } = "";
    /// <summary>Sélection DEFi: only trainings of the OPCO's catalogue.</summary>
    public bool CatalogueOnly { get; private set; }
    public bool IsActive { get; private set; }
    public OfferRule Eligibility { get; private set; } = OfferRule.Everyone;
    /// <summary>Who may ask the OPCO to pay the provider directly with this scheme.</summary>
    public OfferRule DirectPayment { get; private set; } = OfferRule.Everyone;
    public SchemeCeilings Ceilings { get; private set; } = new(null, null, null, null, null, null);
    public int DisplayOrder { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? UpdatedBy { get; private set; }

    private Scheme() { }

    /// <summary>A scheme as the migration seeds it.</summary>
    public static Scheme Seeded(string code, string label, FundingKind kind, string source, bool catalogueOnly, OfferRule eligibility,
        OfferRule directPayment, SchemeCeilings ceilings, int displayOrder, DateTimeOffset at) => new()
    {
        Code = code, Label = label, FundingKind = kind, FundingSource = source, CatalogueOnly = catalogueOnly, IsActive = true,
        Eligibility = eligibility, DirectPayment = directPayment, Ceilings = ceilings, DisplayOrder = displayOrder, UpdatedAt = at,
    };

    /// <summary>An administrator's change; every field's French message and nothing changed when one is wrong.</summary>
    public FieldErrors Edit(SchemeForm form, Guid by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var label = form.Label?.Trim();
        if (string.IsNullOrEmpty(label)) errors.Add("label", "Le libellé est obligatoire.");
        else if (label.Length > LabelMaxLength) errors.Add("label", $"Le libellé ne doit pas dépasser {LabelMaxLength} caractères.");
        if (form.IsActive is null) errors.Add("isActive", "Indiquez si le dispositif est proposé.");
        if (form.CatalogueOnly is null) errors.Add("catalogueOnly", "Indiquez si le dispositif est réservé aux formations du catalogue.");
        var eligibility = CheckRule(form.RequiredOffer, form.MaxHeadcount, "requiredOffer", "maxHeadcount", errors);
        var directPayment = CheckRule(form.DirectPaymentRequiredOffer, form.DirectPaymentMaxHeadcount, "directPaymentRequiredOffer",
            "directPaymentMaxHeadcount", errors);
        var ceilings = new SchemeCeilings(
            CheckAmount(form.TeachingCostPerHour, "teachingCostPerHour", errors),
            CheckAmount(form.SalaryCostPerHour, "salaryCostPerHour", errors),
            CheckAmount(form.MealCost, "mealCost", errors),
            CheckAmount(form.NightCost, "nightCost", errors),
            CheckAmount(form.CostPerKm, "costPerKm", errors),
            CheckAmount(form.MaxPerAction, "maxPerAction", errors));
        if (!errors.IsEmpty) return errors;

        (Label, IsActive, CatalogueOnly, Eligibility, DirectPayment, Ceilings) =
            (label!, form.IsActive!.Value, form.CatalogueOnly!.Value, eligibility, directPayment, ceilings);
        (UpdatedAt, UpdatedBy) = (now, by);
        return errors;
    }

    /// <summary>
    /// Whether the scheme is offered to the company of the user's preferred establishment (seed 001), and if not, why in
    /// French; the screen adds how to change the preferred establishment.
    /// </summary>
    public SchemeOffer OfferTo(string? preferredSiret, MemberCompany? company) =>
        Judge(Eligibility, preferredSiret, company, $"Le dispositif « {Label} » est proposé");

    /// <summary>Subrogation (the OPCO pays the provider) with this scheme, judged like <see cref="OfferTo"/>.</summary>
    public SchemeOffer DirectPaymentTo(string? preferredSiret, MemberCompany? company) =>
        Judge(DirectPayment, preferredSiret, company, "La subrogation de paiement est proposée");

    private static SchemeOffer Judge(OfferRule rule, string? preferredSiret, MemberCompany? company, string subject)
    {
        if (!rule.IsRestricted) return SchemeOffer.Yes;
        if (preferredSiret is null)
            return SchemeOffer.No($"{subject} {rule.Describe()}, jugé sur votre établissement préféré : vous n'en avez pas encore choisi.");
        if (rule.Allows(company)) return SchemeOffer.Yes;
        var offer = company?.ServiceOffer is { } held ? $"l'offre {held}" : "aucune offre de service";
        var headcount = company?.Headcount is { } count ? $"{count} salarié{(count > 1 ? "s" : "")}" : "un effectif non renseigné";
        return SchemeOffer.No($"{subject} {rule.Describe()}. L'entreprise de votre établissement préféré (SIRET {preferredSiret}) a {offer} et {headcount}.");
    }

    private static OfferRule CheckRule(string? offer, int? maxHeadcount, string offerField, string headcountField, FieldErrors errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(offer) ? null : offer.Trim();
        if (trimmed is { Length: > 100 }) errors.Add(offerField, "L'offre de service ne doit pas dépasser 100 caractères.");
        if (maxHeadcount is < 0) errors.Add(headcountField, "L'effectif maximal doit être positif ou nul.");
        return new OfferRule(trimmed, maxHeadcount);
    }

    private static decimal? CheckAmount(decimal? amount, string field, FieldErrors errors)
    {
        if (amount is null) return null;
        if (amount < 0) errors.Add(field, "Le plafond doit être positif ou nul.");
        else if (amount > MaxAmount) errors.Add(field, "Le plafond ne doit pas dépasser 1 000 000 €.");
        else if (decimal.Round(amount.Value, 2) != amount) errors.Add(field, "Le plafond s'exprime en euros et centimes (deux décimales au plus).");
        return amount;
    }
}

/// <summary>Whether something is offered and, when it is not, why (French).</summary>
public sealed record SchemeOffer(bool Offered, string? Reason)
{
    public static readonly SchemeOffer Yes = new(true, null);

    public static SchemeOffer No(string reason) => new(false, reason);
}
