using Opco.Identity.Domain;

namespace Opco.UnitTests.Identity;

/// <summary>Each rule of the password, with its own French message.</summary>
public sealed class PasswordPolicyTests
{
    private const string Email = "jeanne.dupont@example.fr";

    [Theory]
    [InlineData("Vacances-2026")]
    [InlineData("Chateau-fort-9")]
    [InlineData("éléphant7")]
    public void A_password_meeting_every_rule_passes(string password) =>
        Assert.Empty(PasswordPolicy.Check(password, Email));

    [Theory]
    [InlineData("Abc123", PasswordPolicy.TooShort)]
    [InlineData("Vacances-au-ski", PasswordPolicy.NoDigit)]
    [InlineData("2026-1789-42", PasswordPolicy.NoLetter)]
    [InlineData("azerty123", PasswordPolicy.TooCommon)]
    [InlineData("Motdepasse1", PasswordPolicy.TooCommon)]
    [InlineData("jeanne.dupont2026", PasswordPolicy.ContainsEmail)]
    [InlineData("XJEANNE.DUPONT9x", PasswordPolicy.ContainsEmail)]
    public void Each_failed_rule_is_named(string password, string message) =>
        Assert.Contains(message, PasswordPolicy.Check(password, Email));

    [Fact]
    public void Every_failed_rule_is_reported_at_once() =>
        Assert.Equal([PasswordPolicy.TooShort, PasswordPolicy.NoDigit, PasswordPolicy.NoLetter], PasswordPolicy.Check("", Email));

    [Fact]
    public void The_seed_rule_accepts_exactly_eight_characters() =>
        Assert.DoesNotContain(PasswordPolicy.TooShort, PasswordPolicy.Check("Bateau7x", Email));
}
