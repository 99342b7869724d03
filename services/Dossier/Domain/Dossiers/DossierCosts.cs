using Opco.SharedKernel;

namespace Opco.Dossier.Domain.Dossiers;

/// <summary>A trainee's salary cost: hours × the hourly wage capped by the scheme; zero when no wage is recorded.</summary>
public sealed record TraineeSalaryCost(Guid EmployeeId, decimal Hours, decimal? HourlyWage, decimal SalaryCost)
{
    public bool WageMissing => HourlyWage is null;
}

/// <summary>
/// The costs of a dossier and what the scheme funds of them (step 5): teaching cost up to the ceiling per trainee-hour,
/// salary cost computed from the wages (never typed), incidental costs up to the ceiling per unit, the whole up to the
/// ceiling per action. Amounts in euros, rounded to the cent on each line.
/// </summary>
/// <param name="Warnings">What the entry should know, safe for every viewer.</param>
/// <param name="ActionCapWarning">That the total reached the ceiling per action: only for who may see wages, as it tells the total.</param>
public sealed record DossierCosts(decimal? TeachingCost, decimal TeachingFundable, decimal SalaryCost, decimal IncidentalCost,
    decimal IncidentalFundable, decimal FundableTotal, decimal? RequestedAmount, IReadOnlyList<TraineeSalaryCost> Trainees,
    IReadOnlyList<string> Warnings, string? ActionCapWarning)
{
    public const string WageMissing = "salaire non renseigné";

    /// <param name="wages">Each trainee's hourly wage on the action's start date, when one is recorded.</param>
    public static DossierCosts Of(FundingDossier dossier, SchemeCeilings ceilings, IReadOnlyDictionary<Guid, decimal> wages)
    {
        var warnings = new List<string>();
        var trainees = dossier.Trainees.Select(t =>
        {
            var wage = wages.TryGetValue(t.EmployeeId, out var w) ? w : (decimal?)null;
            var rate = wage is null ? 0m : Math.Min(wage.Value, ceilings.SalaryCostPerHour ?? wage.Value);
            return new TraineeSalaryCost(t.EmployeeId, t.Hours, wage, Cents(t.Hours * rate));
        }).ToList();
        var missing = trainees.Count(t => t.WageMissing);
        if (missing > 0)
            warnings.Add($"{missing} stagiaire{(missing > 1 ? "s" : "")} sans salaire horaire enregistré ({WageMissing}) : ses frais de salaire comptent pour 0 €.");

        var traineeHours = dossier.Trainees.Sum(t => t.Hours);
        var teachingCap = ceilings.TeachingCostPerHour is { } perHour ? Cents(perHour * traineeHours) : (decimal?)null;
        var teachingFundable = dossier.TeachingCost is { } teaching ? Math.Min(teaching, teachingCap ?? teaching) : 0m;
        if (dossier.TeachingCost > teachingCap)
            warnings.Add($"Les coûts pédagogiques sont pris en charge dans la limite de {FrenchFormat.Euros(ceilings.TeachingCostPerHour!.Value)} par heure-stagiaire, soit {FrenchFormat.Euros(teachingCap!.Value)}.");

        decimal incidental = 0, incidentalFundable = 0;
        foreach (var cost in dossier.IncidentalCosts)
        {
            var cap = cost.Kind switch
            {
                IncidentalCostKind.Meal => ceilings.MealCost,
                IncidentalCostKind.Night => ceilings.NightCost,
                _ => ceilings.CostPerKm,
            };
            incidental += Cents(cost.Quantity * cost.UnitAmount);
            incidentalFundable += Cents(cost.Quantity * Math.Min(cost.UnitAmount, cap ?? cost.UnitAmount));
            if (cost.UnitAmount > cap)
                warnings.Add($"{DossierLabels.Of(cost.Kind)} : pris en charge dans la limite de {FrenchFormat.Euros(cap!.Value)} l'unité.");
        }

        var total = teachingFundable + trainees.Sum(t => t.SalaryCost) + incidentalFundable;
        string? actionCap = null;
        if (ceilings.MaxPerAction is { } max && total > max)
        {
            actionCap = $"La prise en charge est plafonnée à {FrenchFormat.Euros(max)} par action.";
            total = max;
        }
        return new DossierCosts(dossier.TeachingCost, teachingFundable, trainees.Sum(t => t.SalaryCost), incidental, incidentalFundable, total,
            dossier.RequestedAmount, trainees, warnings, actionCap);
    }

    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
