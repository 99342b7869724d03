using Opco.Dossier.Domain;

namespace Opco.Dossier.Features.Schemes;

/// <summary>A scheme as the screens show it: its rules and ceilings, with the French labels of its rules.</summary>
public sealed record SchemeView(string Code, string Label, string FundingKind, string FundingSource, bool CatalogueOnly, bool IsActive,
    string? RequiredOffer, int? MaxHeadcount, string EligibilityText, string? DirectPaymentRequiredOffer, int? DirectPaymentMaxHeadcount,
    string DirectPaymentText, decimal? TeachingCostPerHour, decimal? SalaryCostPerHour, decimal? MealCost, decimal? NightCost,
    decimal? CostPerKm, decimal? MaxPerAction, DateTimeOffset UpdatedAt)
{
    public static SchemeView Of(Scheme s) => new(s.Code, s.Label, s.FundingKind.ToString(), s.FundingSource, s.CatalogueOnly, s.IsActive,
        s.Eligibility.RequiredOffer, s.Eligibility.MaxHeadcount, $"Proposé {s.Eligibility.Describe()}.",
        s.DirectPayment.RequiredOffer, s.DirectPayment.MaxHeadcount, $"Subrogation proposée {s.DirectPayment.Describe()}.",
        s.Ceilings.TeachingCostPerHour, s.Ceilings.SalaryCostPerHour, s.Ceilings.MealCost, s.Ceilings.NightCost, s.Ceilings.CostPerKm,
        s.Ceilings.MaxPerAction, s.UpdatedAt);
}
