namespace Opco.Dossier.Domain.Activity;

/// <summary>
/// Shares an amount of a dossier between its trainees by their hours: amount × hours_i / Σ hours, rounded to the cent,
/// the rounding remainder on the last trainee so the parts always sum to the amount exactly.
/// </summary>
public static class Apportionment
{
    public static IReadOnlyList<(TKey Key, decimal Amount)> Split<TKey>(decimal amount, IReadOnlyList<(TKey Key, decimal Hours)> parts)
    {
        if (parts.Count == 0) return [];
        var totalHours = parts.Sum(p => p.Hours);
        var shares = new List<(TKey, decimal)>(parts.Count);
        var given = 0m;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            // Without hours (none recorded), equal parts.
            var share = totalHours > 0
                ? decimal.Round(amount * parts[i].Hours / totalHours, 2, MidpointRounding.AwayFromZero)
                : decimal.Round(amount / parts.Count, 2, MidpointRounding.AwayFromZero);
            shares.Add((parts[i].Key, share));
            given += share;
        }
        shares.Add((parts[^1].Key, amount - given));
        return shares;
    }
}
