using Opco.SharedKernel;

namespace Opco.UnitTests.SharedKernel;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("jean.dupont@example.fr", "jean.dupont@example.fr")]
    [InlineData("  Jean.Dupont@Example.FR ", "jean.dupont@example.fr")]
    [InlineData("a+tag@sub.example.com", "a+tag@sub.example.com")]
    public void Valid_addresses_are_trimmed_and_lower_cased(string input, string expected)
    {
        Assert.True(EmailAddress.TryParse(input, out var email));
        Assert.Equal(expected, email!.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("jean")]
    [InlineData("jean@")]
    [InlineData("@example.fr")]
    [InlineData("jean@example")]
    [InlineData("Jean Dupont <jean@example.fr>")]
    [InlineData("jean dupont@example.fr")]
    [InlineData(null)]
    public void Invalid_addresses_are_rejected(string? input) => Assert.False(EmailAddress.TryParse(input, out _));

    [Fact]
    public void Overlong_addresses_are_rejected() =>
        Assert.False(EmailAddress.TryParse(new string('a', 250) + "@x.fr", out _));
}
