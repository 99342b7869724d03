namespace Opco.Onboarding.Domain;

/// <summary>The paid service levels a company may have; none is the common case.</summary>
public static class ServiceOffers
{
    /// <summary>Opens "Plan" and subrogation whatever the headcount, and the reportings download.</summary>
    public const string Performance = "DEFi Performance";
    public const string Essentiel = "DEFi Essentiel";

    public static readonly IReadOnlyList<string> All = [Performance, Essentiel];

    public static bool TryParse(string? input, out string? offer)
    {
        offer = null;
        if (string.IsNullOrWhiteSpace(input)) return true;
        offer = All.FirstOrDefault(o => string.Equals(o, input.Trim(), StringComparison.OrdinalIgnoreCase));
        return offer is not null;
    }
}
