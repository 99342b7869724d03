using System.Runtime.InteropServices;

namespace Opco.AppHost.Hosting;

/// <summary>The few libc calls .NET does not expose: sending arbitrary signals and knowing whether we are root.</summary>
internal static class Native
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool IsRoot => geteuid() == 0;

    public static int ParentPid => getppid();

    public static void Signal(int pid, int signal) => _ = kill(pid, signal);

    /// <summary>True when the process exists and its command name is the expected one (guards against PID reuse).</summary>
    public static bool IsAlive(int pid, string command)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == command;
        }
        catch (IOException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc")]
    private static extern int getppid();
}
