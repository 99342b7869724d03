namespace Opco.Bench.Outbox;

/// <summary>
/// Waits until the machine is quiet: the services just started keep both cores busy for a while (compiling, first
/// health checks, first relay rounds), and a steady-state figure measured during that start says nothing about the
/// steady state. Reads /proc/stat once a second.
/// </summary>
internal static class QuietMachine
{
    public static async Task WaitAsync(double busyBelow = 0.35, int quietSeconds = 3, int giveUpAfterSeconds = 180)
    {
        var started = DateTime.UtcNow;
        var quiet = 0;
        var (busy, total) = Read();
        while (quiet < quietSeconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var (nowBusy, nowTotal) = Read();
            var fraction = (nowBusy - busy) / (double)Math.Max(1, nowTotal - total);
            (busy, total) = (nowBusy, nowTotal);
            quiet = fraction < busyBelow ? quiet + 1 : 0;
            if ((DateTime.UtcNow - started).TotalSeconds > giveUpAfterSeconds)
            {
                Console.WriteLine($"The machine never got quiet (CPU busy {fraction:P0}); measuring anyway.");
                return;
            }
        }
        Console.WriteLine($"Machine quiet {(DateTime.UtcNow - started).TotalSeconds:0} s after the system reported ready.");
    }

    private static (long Busy, long Total) Read()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Take(8).Sum();
        return (total - idle, total);
    }
}
