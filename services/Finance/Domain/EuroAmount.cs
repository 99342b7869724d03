using Opco.SharedKernel;

namespace Opco.Finance.Domain;

/// <summary>An amount of money as finance takes it: euros and cents, never beyond a hundred million.</summary>
public static class EuroAmount
{
    public const decimal Max = 100_000_000m;

    /// <summary>Adds to <paramref name="field"/> what is wrong with a (non-negative) amount; <paramref name="what"/> is « Le montant… ».</summary>
    public static void Check(decimal amount, string field, string what, FieldErrors errors)
    {
        if (decimal.Round(amount, 2) != amount) errors.Add(field, $"{what} s'exprime en euros et centimes (deux décimales au plus).");
        else if (amount > Max) errors.Add(field, $"{what} ne doit pas dépasser {FrenchFormat.Euros(Max)}.");
    }
}
