using Opco.SharedKernel;

namespace Opco.UnitTests.SharedKernel;

public sealed class SiretTests
{
    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    [InlineData("732.829.320.00074")]
    [InlineData("40483304800022")]
    public void Accepts_valid_siret_written_with_or_without_separators(string input)
    {
        Assert.Equal(SiretCheck.Valid, Siret.Check(input));
        Assert.True(Siret.TryParse(input, out var siret));
        Assert.Equal(14, siret!.Value.Length);
        Assert.All(siret.Value, c => Assert.True(char.IsAsciiDigit(c)));
    }

    [Theory]
    [InlineData("73282932000079", SiretCheck.InvalidKey)]
    [InlineData("12345678901234", SiretCheck.InvalidKey)]
    [InlineData("7328293200007", SiretCheck.WrongFormat)]
    [InlineData("732829320000745", SiretCheck.WrongFormat)]
    [InlineData("7328293200007A", SiretCheck.WrongFormat)]
    [InlineData("", SiretCheck.Missing)]
    [InlineData("   ", SiretCheck.Missing)]
    [InlineData(null, SiretCheck.Missing)]
    public void Rejects_bad_siret_with_the_reason(string? input, SiretCheck expected) =>
        Assert.Equal(expected, Siret.Check(input));

    [Fact]
    public void Siret_whose_14_digits_pass_luhn_but_siren_does_not_is_rejected()
    {
        // 404833047 fails Luhn; find a NIC making the 14 digits pass, so only the SIREN rule can reject it.
        var candidate = Enumerable.Range(0, 100000).Select(n => $"404833047{n:D5}").First(s => Luhn.IsValid(s));
        Assert.Equal(SiretCheck.InvalidKey, Siret.Check(candidate));
    }

    [Fact]
    public void La_poste_establishments_use_the_sum_of_digits_rule()
    {
        // 3+5+6 = 14; a NIC summing to 1 (mod 5) makes the total a multiple of 5.
        Assert.Equal(SiretCheck.Valid, Siret.Check("35600000000001"));
        Assert.Equal(SiretCheck.Valid, Siret.Check("35600000000010"));
        Assert.Equal(SiretCheck.InvalidKey, Siret.Check("35600000000002"));
        Assert.False(Luhn.IsValid("35600000000001"), "the La Poste example must not be valid by Luhn alone");
    }

    [Theory]
    [InlineData("404833048", true)]
    [InlineData("404 833 048", true)]
    [InlineData("404833047", false)]
    [InlineData("40483304", false)]
    public void Siren_is_nine_digits_passing_luhn(string input, bool valid) =>
        Assert.Equal(valid, Siren.TryParse(input, out _));

    [Fact]
    public void Siret_exposes_its_siren() =>
        Assert.Equal("732829320", (Siret.TryParse("73282932000074", out var s) ? s! : throw new InvalidOperationException()).Siren);
}
