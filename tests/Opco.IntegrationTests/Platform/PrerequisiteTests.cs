using System.Diagnostics;
using Opco.Testing;

namespace Opco.IntegrationTests.Platform;

public sealed class PrerequisiteTests
{
    [Fact]
    public async Task A_missing_prerequisite_is_one_line_and_exit_code_2()
    {
        var info = new ProcessStartInfo("dotnet", [TestEnvironment.AppHostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["OPCO_POSTGRES_BIN"] = "/nonexistent/postgres/bin", ["DOTNET_ENVIRONMENT"] = "Development" },
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal(
            "Missing prerequisite: PostgreSQL server binaries (/nonexistent/postgres/bin/postgres). Install with: sudo apt-get install -y postgresql",
            (await stderr).Trim());
        Assert.Empty((await stdout).Trim());
    }
}
