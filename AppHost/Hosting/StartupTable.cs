namespace Opco.AppHost.Hosting;

/// <summary>The one table printed once everything is ready.</summary>
internal static class StartupTable
{
    public static void Print(IReadOnlyList<Resource> resources, double totalSeconds, ResourceLog log)
    {
        string[] header = ["Resource", "Kind", "State", "URL", "Ready (s)"];
        var rows = resources
            .Select(r => new[] { r.Name, r.Kind, r.State.ToString(), r.DisplayAddress ?? "-", r.SecondsToReady?.ToString("0.0") ?? "-" })
            .Prepend(header)
            .ToList();
        var widths = Enumerable.Range(0, header.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        string Line(string[] row) => string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd();

        log.Write(Line(header));
        log.Write(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
        foreach (var row in rows.Skip(1))
            log.Write(Line(row));
        log.Write($"All {resources.Count} resources ready in {totalSeconds:0.0} s");
    }
}
