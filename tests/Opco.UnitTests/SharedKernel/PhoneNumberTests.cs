using Opco.SharedKernel;

namespace Opco.UnitTests.SharedKernel;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0600000000", "+33600000000")]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("01.23.45.67.89", "+33123456789")]
    [InlineData("+33612345678", "+33612345678")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    public void French_numbers_are_stored_in_e164(string input, string expected)
    {
        Assert.True(PhoneNumber.TryParse(input, out var phone));
        Assert.Equal(expected, phone!.Value);
    }

    [Theory]
    [InlineData("0012345678")]
    [InlineData("061234567")]
    [InlineData("06123456789")]
    [InlineData("+44612345678")]
    [InlineData("06abc45678")]
    [InlineData("")]
    public void Other_inputs_are_refused(string input) => Assert.False(PhoneNumber.TryParse(input, out _));
}
