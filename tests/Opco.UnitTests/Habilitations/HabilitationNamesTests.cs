using System.Security.Claims;
using Opco.SharedKernel;
using Opco.SharedKernel.Habilitations;

namespace Opco.UnitTests.Habilitations;

public sealed class HabilitationNamesTests
{
    [Fact]
    public void Known_codes_are_read_and_unknown_or_numeric_ones_grant_nothing() =>
        Assert.Equal([Habilitation.PriseEnCharge, Habilitation.Gestionnaire],
            HabilitationNames.Parse(["PriseEnCharge", "Inconnue", "99", "3", "Gestionnaire"]));

    [Theory]
    [InlineData("gestionnaire", true)]
    [InlineData(" PriseEnCharge ", true)]
    [InlineData("2", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void One_reading_of_a_code_whatever_its_case(string? code, bool known) =>
        Assert.Equal(known, HabilitationNames.TryParse(code, out _));
}

public sealed class GrantingRuleTests
{
    [Fact]
    public void Only_a_Gestionnaire_gives_or_takes_Gestionnaire()
    {
        Assert.True(GrantingRule.Allows(granterIsGestionnaire: false, [Habilitation.PriseEnCharge, Habilitation.Reporting]));
        Assert.False(GrantingRule.Allows(granterIsGestionnaire: false, [Habilitation.PriseEnCharge, Habilitation.Gestionnaire]));
        Assert.True(GrantingRule.Allows(granterIsGestionnaire: true, [Habilitation.Gestionnaire]));
    }
}

public sealed class PortalClaimsTests
{
    [Fact]
    public void The_caller_is_the_subject_and_an_administrator_is_no_advisor()
    {
        var id = Guid.NewGuid();
        var administrator = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", id.ToString()), new Claim("role", "administrator")], "test"));
        var machine = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "opco-batch"), new Claim("role", "advisor")], "test"));

        Assert.Equal(id, administrator.UserId());
        Assert.True(administrator.IsAdministrator());
        Assert.False(administrator.IsAdvisor());
        Assert.Null(machine.UserId());
        Assert.True(machine.IsAdvisor());
    }
}
