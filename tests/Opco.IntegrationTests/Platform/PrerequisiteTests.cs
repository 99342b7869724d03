using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Opco.Testing;

namespace Opco.IntegrationTests.Platform;

public sealed class PrerequisiteTests
{
    [Fact]
    public async Task A_missing_prerequisite_is_one_line_and_exit_code_2()
    {
        var (exitCode, stdout, stderr) = await RunDeveloperAppHostAsync(new() { ["OPCO_POSTGRES_BIN"] = "/nonexistent/postgres/bin" });

        Assert.Equal(2, exitCode);
        Assert.Equal(
            "Missing prerequisite: PostgreSQL server binaries (/nonexistent/postgres/bin/postgres). Install with: sudo apt-get install -y postgresql",
            stderr.Trim());
        Assert.Empty(stdout.Trim());
    }

    [Fact]
    public async Task A_fixed_port_already_taken_is_named_with_its_process_before_anything_starts()
    {
        // RabbitMQ's port mapper: a daemon epmd left by an earlier run used to hold it, and the run then waited forever.
        using var squatter = new TcpListener(IPAddress.Loopback, 55674);
        squatter.Start();

        var (exitCode, stdout, stderr) = await RunDeveloperAppHostAsync([]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("Port 55674 (messaging-epmd) is already in use by ", line);
        Assert.EndsWith($"(pid {Environment.ProcessId}): stop it (an earlier run still going?), then start again.", line);
        Assert.Empty(stdout.Trim());
    }

    /// <summary>The AppHost as <c>./run.sh</c> starts it (fixed ports, Development); fails the test if it starts the system.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunDeveloperAppHostAsync(Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [TestEnvironment.AppHostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_ENVIRONMENT"] = "Development" },
        };
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        using var process = Process.Start(info)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The AppHost went on starting instead of stopping at its checks.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
