namespace Opco.AppHost.Hosting;

/// <summary>In test mode, a test runner that dies without stopping us must not leave the whole application running.</summary>
internal static class ParentWatch
{
    public static async Task StopWhenOrphanedAsync(CancellationTokenSource shutdown, ResourceLog log)
    {
        var parent = Native.ParentPid;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(shutdown.Token))
            {
                if (Native.ParentPid == parent)
                    continue;
                log.Write($"Parent process {parent} is gone; stopping.");
                await shutdown.CancelAsync();
                return;
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down anyway.
        }
    }
}
