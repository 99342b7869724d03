using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Opco.AppHost.Local;

/// <summary>Short helper commands run before a server starts (initdb, chown, single-user SQL).</summary>
internal static class LocalProcess
{
    public static bool IsRoot => geteuid() == 0;

    /// <summary>Prefixes the command with setpriv so it runs as <paramref name="user"/> when the AppHost runs as root.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) AsUser(string? user, string? setpriv, string fileName, IEnumerable<string> arguments) =>
        user is not null && IsRoot
            ? (setpriv ?? "setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", fileName, .. arguments])
            : (fileName, [.. arguments]);

    /// <summary>Runs to completion; throws with the command's output when it fails.</summary>
    public static async Task RunAsync(string what, (string FileName, IReadOnlyList<string> Arguments) command, string workingDirectory,
        string? standardInput, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command.FileName, command.Arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{what}: {command.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new DistributedApplicationException($"{what} failed (exit code {process.ExitCode}): {(await error).Trim()} {(await output).Trim()}".Trim());
    }

    [DllImport("libc")]
    private static extern uint geteuid();
}
