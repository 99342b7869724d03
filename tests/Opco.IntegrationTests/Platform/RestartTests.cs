using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Opco.Testing;

namespace Opco.IntegrationTests.Platform;

[Collection(DisruptiveCollection.Name)]
public sealed class RestartTests(AppFixture fixture)
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_killed_service_is_restarted_and_healthy_again()
    {
        using var timeout = new CancellationTokenSource(RecoveryTimeout);
        var before = await fixture.App.WaitForAsync("dossier", IsHealthy, timeout.Token);
        var pid = Pid(before) ?? throw new InvalidOperationException("dossier has no PID.");

        Signals.Send(pid, Signals.SigKill);

        var after = await fixture.App.WaitForAsync("dossier", snapshot => IsHealthy(snapshot) && Pid(snapshot) is { } newPid && newPid != pid, timeout.Token);
        Assert.Equal(Restarts(before) + 1, Restarts(after));
        using var http = fixture.App.CreateHttpClient("dossier");
        Assert.Equal("Healthy", await http.GetStringAsync("/health", timeout.Token));
    }

    private static bool IsHealthy(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy;

    private static int? Pid(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is int pid ? pid : null;

    private static int Restarts(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == "restarts")?.Value is int restarts ? restarts : 0;
}
