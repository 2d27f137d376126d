using Microsoft.Extensions.Logging;

namespace Associations.Tests.Infrastructure;

/// <summary>One log entry: level, event id, message and exception.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

/// <summary>A logger (and logger factory) that keeps every entry, for assertions.</summary>
public sealed class RecordingLogger : ILogger, ILoggerFactory
{
    private readonly object _gate = new();
    private readonly List<LogEntry> _entries = [];

    public string Category { get; private set; } = "";

    public LogLevel MinimumLevel { get; set; } = LogLevel.Trace;

    public IReadOnlyList<LogEntry> Entries
    {
        get { lock (_gate) return _entries.ToList(); }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        lock (_gate) _entries.Add(new LogEntry(Category, logLevel, eventId, formatter(state, exception), exception));
    }

    public ILogger CreateLogger(string categoryName)
    {
        Category = categoryName;
        return this;
    }

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
