using Opco.Testing.Messaging;

namespace Opco.IntegrationTests.Support;

public static class ProbeScenarios
{
    public static ProbeScenario NewProbeScenario(this AppFixture fixture) =>
        new(fixture.App.GetConnectionString("messaging"), fixture.App.GetConnectionString("onboardingdb"));
}
