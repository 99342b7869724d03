using Opco.SharedKernel;

namespace Opco.UnitTests.SharedKernel;

public sealed class BicTests
{
    [Theory]
    [InlineData("BNPAFRPP", "BNPAFRPP")]
    [InlineData("bnpa fr pp xxx", "BNPAFRPPXXX")]
    [InlineData("CEPAFRPP751", "CEPAFRPP751")]
    [InlineData("AGRIFRPP882", "AGRIFRPP882")]
    public void Accepts_8_or_11_characters_typed_with_spaces_or_lower_case(string input, string expected)
    {
        Assert.True(Bic.TryParse(input, out var bic));
        Assert.Equal(expected, bic!.Value);
    }

    [Theory]
    [InlineData("BNPAFRP", BicCheck.WrongLength)]
    [InlineData("BNPAFRPP1", BicCheck.WrongLength)]
    [InlineData("BNPAFRPP12", BicCheck.WrongLength)]
    [InlineData("BNPAFRPP1234", BicCheck.WrongLength)]
    [InlineData("BNP1FRPP", BicCheck.WrongFormat)]
    [InlineData("BNPAF1PP", BicCheck.WrongFormat)]
    [InlineData("BNPAFRP*", BicCheck.WrongFormat)]
    [InlineData("", BicCheck.Missing)]
    [InlineData(null, BicCheck.Missing)]
    public void Refuses_a_wrong_bic_with_the_reason(string? input, BicCheck expected)
    {
        Assert.Equal(expected, Bic.Check(input));
        Assert.False(Bic.TryParse(input, out _));
    }
}
