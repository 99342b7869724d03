using Opco.SharedKernel;

namespace Opco.UnitTests.SharedKernel;

public sealed class IbanTests
{
    [Theory]
    [InlineData("FR7630006000011234567890189", "FR7630006000011234567890189")]
    [InlineData("fr76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189")]
    [InlineData("FR1420041010050500013M02606", "FR1420041010050500013M02606")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    public void Accepts_a_valid_iban_typed_with_spaces_or_lower_case(string input, string expected)
    {
        Assert.Equal(IbanCheck.Valid, Iban.Check(input));
        Assert.True(Iban.TryParse(input, out var iban));
        Assert.Equal(expected, iban!.Value);
    }

    [Theory]
    [InlineData("FR7630006000011234567890188", IbanCheck.InvalidKey)]
    [InlineData("FR7730006000011234567890189", IbanCheck.InvalidKey)]
    [InlineData("FR763000600001123456789018", IbanCheck.WrongFormat)]
    [InlineData("7630006000011234567890189FR", IbanCheck.WrongFormat)]
    [InlineData("FR76300060000112345678901*9", IbanCheck.WrongFormat)]
    [InlineData("FR76", IbanCheck.WrongFormat)]
    [InlineData("", IbanCheck.Missing)]
    [InlineData(null, IbanCheck.Missing)]
    public void Refuses_a_wrong_iban_with_the_reason(string? input, IbanCheck expected) => Assert.Equal(expected, Iban.Check(input));

    [Fact]
    public void Shows_only_the_country_the_check_digits_and_the_last_four_characters_even_in_a_log_line()
    {
        Iban.TryParse("FR7630006000011234567890189", out var iban);

        Assert.Equal("FR76 •••• •••• 0189", iban!.Masked);
        Assert.Equal(iban.Masked, iban.ToString());
        Assert.DoesNotContain("30006000011234567890", $"{iban}");
    }

    [Fact]
    public void Fictional_french_ibans_are_valid_and_differ()
    {
        var random = new Random(7);
        var ibans = Enumerable.Range(0, 200).Select(_ => FictionalIdentifiers.FrenchIban(random)).ToList();

        Assert.All(ibans, i => Assert.Equal(IbanCheck.Valid, Iban.Check(i)));
        Assert.All(ibans, i => Assert.Equal(Iban.FrenchLength, i.Length));
        Assert.Equal(200, ibans.Distinct().Count());
    }
}
