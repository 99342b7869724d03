using Microsoft.Extensions.Logging;

namespace Opco.Testing;

/// <summary>Every log line of the AppHost and of its resources to one file, for a failed run to be read afterwards.</summary>
internal sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private readonly StreamWriter _file = new(path) { AutoFlush = true };
    private readonly Lock _lock = new();
    private bool _disposed;

    public string Path { get; } = path;

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _file.Dispose();
        }
    }

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _file.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {level,-11} {category}: {message}");
            if (exception is not null)
                _file.WriteLine(exception);
        }
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                provider.Write(category, logLevel, formatter(state, exception), exception);
        }
    }
}
