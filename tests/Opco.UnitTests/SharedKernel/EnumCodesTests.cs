using Opco.SharedKernel;
using Opco.SharedKernel.People;

namespace Opco.UnitTests.SharedKernel;

public sealed class EnumCodesTests
{
    [Theory]
    [InlineData("Madame", true)]
    [InlineData(" madame ", true)]
    [InlineData("0", false)]
    [InlineData("1", false)]
    [InlineData("Mademoiselle", false)]
    // A list is not a name, though Enum.TryParse combines it into one.
    [InlineData("Monsieur,Madame", false)]
    [InlineData("Madame, Madame", false)]
    [InlineData(null, false)]
    public void Only_a_name_of_the_enum_is_read(string? code, bool read)
    {
        Assert.Equal(read, EnumCodes.TryParse<Civility>(code, out var civility));
        if (read) Assert.Equal(Civility.Madame, civility);
    }

    [Fact]
    public void A_civility_given_as_a_number_is_refused_with_a_french_message()
    {
        var errors = new FieldErrors();

        Assert.Null(PersonalData.Validate("0", "Dupont", "Jeanne", "0612345678", null, errors));
        Assert.Equal(["La civilité est obligatoire (Monsieur ou Madame)."], errors.ToDictionary()["civility"]);
    }
}
