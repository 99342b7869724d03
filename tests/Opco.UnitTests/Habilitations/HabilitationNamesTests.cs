using Opco.SharedKernel.Habilitations;

namespace Opco.UnitTests.Habilitations;

public sealed class HabilitationNamesTests
{
    [Fact]
    public void Known_codes_are_read_and_unknown_or_numeric_ones_grant_nothing() =>
        Assert.Equal([Habilitation.PriseEnCharge, Habilitation.Gestionnaire],
            HabilitationNames.Parse(["PriseEnCharge", "Inconnue", "99", "Gestionnaire"]));
}
