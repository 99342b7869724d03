namespace Opco.AppHost.Hosting;

/// <summary>One resource's output: to the console behind an aligned [name] prefix, to its log file, and a short tail for error reports.</summary>
internal sealed class ResourceLog : IDisposable
{
    private const int TailLines = 40;
    private static readonly Lock ConsoleLock = new();

    private readonly string _prefix;
    private readonly StreamWriter _file;
    private readonly Queue<string> _tail = new();
    private bool _disposed;

    public ResourceLog(string name, int prefixWidth, string path)
    {
        _prefix = $"[{name}]".PadRight(prefixWidth + 2) + " ";
        _file = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public void Write(string line)
    {
        lock (ConsoleLock)
        {
            Console.Out.WriteLine(_prefix + line);
            // A grandchild may still hold the pipe after shutdown; its last lines only reach the console.
            if (!_disposed)
                _file.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
                _tail.Dequeue();
        }
    }

    public string Tail()
    {
        lock (ConsoleLock)
            return string.Join(Environment.NewLine, _tail);
    }

    public void Dispose()
    {
        lock (ConsoleLock)
        {
            _disposed = true;
            _file.Dispose();
        }
    }
}
