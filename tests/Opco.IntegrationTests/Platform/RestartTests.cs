using Opco.IntegrationTests.Support;

namespace Opco.IntegrationTests.Platform;

[Collection(DisruptiveCollection.Name)]
public sealed class RestartTests(AppFixture fixture)
{
    [Fact]
    public async Task A_killed_service_is_restarted_and_healthy_again()
    {
        var (before, after) = await ServiceKill.KillAndWaitHealthyAsync(fixture, "dossier");

        Assert.Equal(before + 1, after);
        using var http = fixture.App.CreateHttpClient("dossier");
        Assert.Equal("Healthy", await http.GetStringAsync("/health"));
    }
}
