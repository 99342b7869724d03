using Opco.Web.Api;

namespace Opco.Web.Domain;

/// <summary>The administrators' form for a scheme: what <c>PUT /api/dossier/schemes/{code}</c> takes, filled from the scheme.</summary>
public sealed class SchemeForm
{
    public string? Label { get; set; }
    public bool? IsActive { get; set; }
    public bool? CatalogueOnly { get; set; }
    public string? RequiredOffer { get; set; }
    public int? MaxHeadcount { get; set; }
    public string? DirectPaymentRequiredOffer { get; set; }
    public int? DirectPaymentMaxHeadcount { get; set; }
    public decimal? TeachingCostPerHour { get; set; }
    public decimal? SalaryCostPerHour { get; set; }
    public decimal? MealCost { get; set; }
    public decimal? NightCost { get; set; }
    public decimal? CostPerKm { get; set; }
    public decimal? MaxPerAction { get; set; }

    public static SchemeForm Of(SchemeSheet scheme) => new()
    {
        Label = scheme.Label, IsActive = scheme.IsActive, CatalogueOnly = scheme.CatalogueOnly, RequiredOffer = scheme.RequiredOffer,
        MaxHeadcount = scheme.MaxHeadcount, DirectPaymentRequiredOffer = scheme.DirectPaymentRequiredOffer,
        DirectPaymentMaxHeadcount = scheme.DirectPaymentMaxHeadcount, TeachingCostPerHour = scheme.TeachingCostPerHour,
        SalaryCostPerHour = scheme.SalaryCostPerHour, MealCost = scheme.MealCost, NightCost = scheme.NightCost, CostPerKm = scheme.CostPerKm,
        MaxPerAction = scheme.MaxPerAction,
    };
}
