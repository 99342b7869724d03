namespace Opco.Testing;

/// <summary>The benchmarks' options ("--lines 10000").</summary>
public static class CommandLine
{
    public static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
