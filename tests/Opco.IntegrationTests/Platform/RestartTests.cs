using System.Diagnostics;
using Opco.Testing;

namespace Opco.IntegrationTests.Platform;

[Collection(DisruptiveCollection.Name)]
public sealed class RestartTests(AppFixture fixture)
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_killed_service_is_restarted_and_healthy_again()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var before = fixture.App.Resource("dossier");
        Assert.NotNull(before.Pid);

        Signals.Send(before.Pid.Value, Signals.SigKill);

        var after = await WaitForAsync(() => fixture.App.Resource("dossier"), r => r is { State: "Running", Restarts: > 0 }, cancellationToken);
        Assert.Equal(before.Restarts + 1, after.Restarts);
        Assert.NotEqual(before.Pid, after.Pid);
        using var http = fixture.App.CreateHttpClient("dossier");
        Assert.Equal("Healthy", await http.GetStringAsync("/health", cancellationToken));
    }

    private static async Task<ResourceSnapshot> WaitForAsync(Func<ResourceSnapshot> read, Func<ResourceSnapshot, bool> condition, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var snapshot = read();
        while (!condition(snapshot))
        {
            if (clock.Elapsed > RecoveryTimeout)
                Assert.Fail($"dossier did not recover within {RecoveryTimeout.TotalSeconds:0} s: {snapshot}");
            await Task.Delay(200, cancellationToken);
            snapshot = read();
        }
        return snapshot;
    }
}
