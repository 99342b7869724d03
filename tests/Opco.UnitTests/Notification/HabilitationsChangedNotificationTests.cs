using Opco.Contracts.Identity;
using Opco.Notification.Messaging;

namespace Opco.UnitTests.Notification;

/// <summary>The in-portal text of a change of rights, with the habilitations' French labels.</summary>
public sealed class HabilitationsChangedNotificationTests
{
    [Fact]
    public void A_change_names_the_establishment_and_both_sets()
    {
        var body = HabilitationsChangedNotificationConsumer.BodyOf(Changed(["PriseEnCharge", "CollecteVersements"], ["Reporting"]));

        Assert.StartsWith("Vos habilitations sur l'établissement Boulangerie Dupont (SIRET 73282932000074) sont désormais : Prise en charge, Collecte/Versement", body);
        Assert.EndsWith("(auparavant : Données des reporting).", body);
    }

    [Fact]
    public void An_empty_set_says_access_is_lost()
    {
        var body = HabilitationsChangedNotificationConsumer.BodyOf(Changed([], ["Reporting"]));

        Assert.Equal("Vous n'avez plus accès à l'établissement Boulangerie Dupont (SIRET 73282932000074).", body);
    }

    private static UserHabilitationsChanged Changed(string[] held, string[] previous) =>
        new(Guid.NewGuid(), "jeanne@example.fr", "Jeanne", "Dupont", "73282932000074", "Boulangerie Dupont",
            held, previous, Guid.NewGuid(), DateTimeOffset.UtcNow);
}
