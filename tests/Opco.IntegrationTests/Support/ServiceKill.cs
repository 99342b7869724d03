using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Opco.Testing;

namespace Opco.IntegrationTests.Support;

/// <summary>Kills a service's process (SIGKILL, no clean shutdown) and waits until the AppHost has it running and healthy again.</summary>
public static class ServiceKill
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    /// <returns>How many restarts the resource counted before and after.</returns>
    public static async Task<(int Before, int After)> KillAndWaitHealthyAsync(AppFixture fixture, string resource)
    {
        using var timeout = new CancellationTokenSource(RecoveryTimeout);
        var before = await fixture.App.WaitForAsync(resource, IsHealthy, timeout.Token);
        var pid = Pid(before) ?? throw new InvalidOperationException($"{resource} has no PID.");

        Signals.Send(pid, Signals.SigKill);

        var after = await fixture.App.WaitForAsync(resource, snapshot => IsHealthy(snapshot) && Pid(snapshot) is { } newPid && newPid != pid, timeout.Token);
        return (Restarts(before), Restarts(after));
    }

    private static bool IsHealthy(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy;

    private static int? Pid(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is int pid ? pid : null;

    private static int Restarts(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == "restarts")?.Value is int restarts ? restarts : 0;
}
