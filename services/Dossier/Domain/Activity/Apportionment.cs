namespace Opco.Dossier.Domain.Activity;

/// <summary>
/// Shares an amount of a dossier between its trainees by their hours (equal parts when no hours are recorded), by the
/// largest-remainder method: each exact share amount × hours_i / Σ hours floored to the cent, the cents left over given one
/// each to the largest fractions (ties in the trainees' order). The parts sum to the amount exactly, none is negative for a
/// positive amount, and each is within one cent of its exact share.
/// </summary>
public static class Apportionment
{
    public static IReadOnlyList<(TKey Key, decimal Amount)> Split<TKey>(decimal amount, IReadOnlyList<(TKey Key, decimal Hours)> parts)
    {
        if (parts.Count == 0) return [];
        // Worked on the amount's size in cents, the sign put back at the end: a negative amount is shared as its opposite.
        var sign = amount < 0 ? -1 : 1;
        var cents = Math.Abs(amount) * 100;
        var totalHours = parts.Sum(p => p.Hours);
        var exact = parts.Select(p => totalHours > 0 ? cents * p.Hours / totalHours : cents / parts.Count).ToList();
        var floored = exact.Select(decimal.Floor).ToList();
        var leftover = (int)(cents - floored.Sum());
        var lucky = exact.Select((share, i) => (Fraction: share - floored[i], Index: i))
            .OrderByDescending(s => s.Fraction).ThenBy(s => s.Index).Take(leftover).Select(s => s.Index).ToHashSet();
        return [.. parts.Select((p, i) => (p.Key, sign * (floored[i] + (lucky.Contains(i) ? 1 : 0)) / 100m))];
    }
}
