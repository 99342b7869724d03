using System.Runtime.InteropServices;

namespace Opco.Testing;

/// <summary>POSIX signals, which <see cref="System.Diagnostics.Process"/> cannot send.</summary>
public static class Signals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static void Send(int pid, int signal) => _ = kill(pid, signal);

    /// <summary>Signals every process of the group led by <paramref name="leader"/>.</summary>
    public static void SendToGroup(int leader, int signal) => _ = kill(-leader, signal);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
