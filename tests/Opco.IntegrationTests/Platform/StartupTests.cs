using Opco.Testing;

namespace Opco.IntegrationTests.Platform;

public sealed class StartupTests(AppFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Projects => ["identity", "onboarding", "dossier", "finance", "notification", "gateway"];

    [Fact]
    public void Every_resource_is_ready()
    {
        var notReady = fixture.App.State.Resources
            .Where(r => r.State is not ("Running" or "Completed"))
            .Select(r => $"{r.Name}: {r.State}");

        Assert.Empty(notReady);
        output.WriteLine($"Start-up took {fixture.App.State.TotalSeconds:0.0} s");
        foreach (var resource in fixture.App.State.Resources)
            output.WriteLine($"  {resource.Name,-24} {resource.State,-10} {resource.SecondsToReady,6:0.0} s");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task Project_is_healthy(string project)
    {
        using var http = fixture.App.CreateHttpClient(project);

        var body = await http.GetStringAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task MailDev_answers()
    {
        var messages = await fixture.App.MailDev.GetMessagesAsync("nobody@example.invalid");

        Assert.Empty(messages);
    }
}
