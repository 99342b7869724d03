namespace Opco.Testing;

/// <summary>Processes read from /proc, identified by PID and start time so a reused PID is never mistaken for them.</summary>
public static class ProcessTree
{
    public sealed record Entry(int Pid, long StartTime, string CommandLine);

    /// <summary>Every living process descending from one of <paramref name="roots"/>, the roots included.</summary>
    public static IReadOnlyList<Entry> Descendants(IEnumerable<int> roots)
    {
        var all = All();
        var found = new Dictionary<int, Entry>();
        var queue = new Queue<int>(roots);
        while (queue.TryDequeue(out var pid))
        {
            if (found.ContainsKey(pid) || !all.TryGetValue(pid, out var process))
                continue;
            found[pid] = process.Entry;
            foreach (var child in all.Values.Where(p => p.ParentPid == pid))
                queue.Enqueue(child.Entry.Pid);
        }
        return [.. found.Values];
    }

    /// <summary>Processes whose command line contains <paramref name="text"/>.</summary>
    public static IReadOnlyList<Entry> WithCommandLineContaining(string text) =>
        [.. All().Values.Select(p => p.Entry).Where(entry => entry.CommandLine.Contains(text, StringComparison.Ordinal))];

    public static bool IsAlive(Entry entry) => Read(entry.Pid) is { } process && process.Entry.StartTime == entry.StartTime;

    private static Dictionary<int, (Entry Entry, int ParentPid)> All()
    {
        var processes = new Dictionary<int, (Entry, int)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read(pid) is { } process)
                processes[pid] = process;
        }
        return processes;
    }

    private static (Entry Entry, int ParentPid)? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces and parentheses: fields start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return (new Entry(pid, long.Parse(fields[19]), commandLine), int.Parse(fields[1]));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
