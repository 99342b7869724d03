using Opco.Onboarding.Domain;

namespace Opco.UnitTests.Onboarding;

public sealed class RequestRoutingTests
{
    private static Decider Person(string name) => new(Guid.NewGuid(), $"{name}@example.fr", name, "Test");

    [Fact]
    public void Managers_are_the_users_allowed_to_manage_users_by_the_matrix() =>
        Assert.Equal(["GestionUtilisateurs", "Gestionnaire"], RequestRouting.ManagerHabilitations);

    [Fact]
    public void Every_manager_receives_the_request_and_the_advisor_does_not()
    {
        var (a, b, advisor) = (Person("a"), Person("b"), Person("conseiller"));
        var (routedTo, recipients) = RequestRouting.Route([a, b, a], advisor);
        Assert.Equal(RoutedTo.Managers, routedTo);
        Assert.Equal([a, b], recipients);
    }

    [Fact]
    public void Without_a_manager_the_company_advisor_receives_it()
    {
        var advisor = Person("conseiller");
        var (routedTo, recipients) = RequestRouting.Route([], advisor);
        Assert.Equal(RoutedTo.Advisor, routedTo);
        Assert.Equal([advisor], recipients);
    }

    [Fact]
    public void Without_a_manager_or_a_known_advisor_nobody_is_emailed()
    {
        var (routedTo, recipients) = RequestRouting.Route([], null);
        Assert.Equal(RoutedTo.Nobody, routedTo);
        Assert.Empty(recipients);
    }
}
