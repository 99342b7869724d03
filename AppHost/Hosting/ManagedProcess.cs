using System.Diagnostics;

namespace Opco.AppHost.Hosting;

/// <summary>A child process whose PID is the server's own, with its output piped to a resource log.</summary>
internal sealed class ManagedProcess : IDisposable
{
    private readonly Process _process;

    private ManagedProcess(Process process, Task<int> exited)
    {
        _process = process;
        Exited = exited;
    }

    public int Pid => _process.Id;

    /// <summary>Completes with the exit code (128 + signal when killed by a signal).</summary>
    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    public static ManagedProcess Start(ProcessSpec spec, ResourceLog log, Toolchain tools)
    {
        var (fileName, arguments) = spec.RunAsUser is { } user && Native.IsRoot
            ? (tools.Setpriv ?? "setpriv", new[] { $"--reuid={user}", $"--regid={user}", "--init-groups", spec.FileName }.Concat(spec.Arguments))
            : (spec.FileName, spec.Arguments);
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in spec.Environment)
            info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource();
        process.Exited += (_, _) => exited.TrySetResult();
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        process.Start();
        // Children never read our stdin; a closed one keeps them off the terminal.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ManagedProcess(process, ExitCodeAsync(process, exited.Task));
    }

    public void Signal(int signal)
    {
        if (!HasExited)
            Native.Signal(Pid, signal);
    }

    /// <summary>Sends <paramref name="signal"/>, then SIGKILL if the process is still there after <paramref name="grace"/>.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        Signal(signal);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
            Signal(Native.SigKill);
        await Exited;
    }

    public void Dispose() => _process.Dispose();

    private static async Task<int> ExitCodeAsync(Process process, Task exited)
    {
        await exited;
        // Let the last lines of output through; a grandchild holding the pipe open must not block us.
        using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await process.WaitForExitAsync(drain.Token);
        }
        catch (OperationCanceledException)
        {
        }
        return process.ExitCode;
    }

    private static void WriteLine(ResourceLog log, string? line)
    {
        if (line is not null)
            log.Write(line);
    }
}
