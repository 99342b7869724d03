using FsCheck;
using FsCheck.Fluent;
using Opco.Dossier.Domain.Activity;

namespace Opco.UnitTests.Dossier;

/// <summary>
/// Apportionment under random amounts and hours (many trainees, tiny amounts, zero hours included): no share is negative,
/// each is within one cent of its exact share, and they sum to the amount exactly.
/// </summary>
public sealed class ApportionmentPropertiesTests
{
    /// <summary>An amount in cents (tiny ones as likely as large ones) and each trainee's hours in quarter hours (0 allowed).</summary>
    public sealed record Case(long Cents, int[] QuarterHours);

    private static readonly Gen<Case> Cases =
        from cents in Gen.OneOf(Gen.Choose(0, 100).Select(c => (long)c), Gen.Choose(0, int.MaxValue).Select(c => (long)c))
        from count in Gen.Choose(1, 40)
        from hours in Gen.ArrayOf(Gen.Choose(0, 4_000), count)
        select new Case(cents, hours);

    [Fact]
    public void Shares_are_never_negative_each_within_a_cent_of_the_exact_share_and_sum_exactly()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var amount = c.Cents / 100m;
            var parts = c.QuarterHours.Select((q, i) => (i, q / 4m)).ToList();
            var totalHours = parts.Sum(p => p.Item2);

            var shares = Apportionment.Split(amount, parts);

            Assert.Equal(parts.Select(p => p.i), shares.Select(s => s.Key));
            Assert.Equal(amount, shares.Sum(s => s.Amount));
            Assert.All(shares, s =>
            {
                Assert.True(s.Amount >= 0, $"Part négative : {s.Amount}");
                Assert.Equal(decimal.Round(s.Amount, 2), s.Amount);
                var exact = totalHours > 0 ? amount * parts[s.Key].Item2 / totalHours : amount / parts.Count;
                Assert.True(Math.Abs(s.Amount - exact) < 0.01m, $"{s.Amount} loin de {exact}");
            });
        }).QuickCheckThrowOnFailure();
    }
}
