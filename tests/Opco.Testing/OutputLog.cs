namespace Opco.Testing;

/// <summary>The AppHost's output: all of it to a file, the last lines kept for error messages.</summary>
internal sealed class OutputLog(string path) : IDisposable
{
    private const int TailLines = 60;

    private readonly StreamWriter _file = new(path) { AutoFlush = true };
    private readonly Queue<string> _tail = new();

    public string Path { get; } = path;

    public void Write(string? line)
    {
        if (line is null)
            return;
        lock (_tail)
        {
            _file.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
                _tail.Dequeue();
        }
    }

    public string Tail()
    {
        lock (_tail)
            return string.Join(Environment.NewLine, _tail);
    }

    public void Dispose()
    {
        lock (_tail)
            _file.Dispose();
    }
}
