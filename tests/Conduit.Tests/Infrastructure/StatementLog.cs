using Associations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conduit.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps the SQL of every command the library logs as executed (<see cref="AssociationsEvents.CommandExecuted"/>),
/// so a test can count the statements one request ran.
/// </summary>
public sealed class StatementLog : ILoggerProvider, ILogger
{
    private readonly object _gate = new();
    private readonly List<string> _sql = [];

    /// <summary>The commands logged since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<string> All
    {
        get { lock (_gate) return _sql.ToList(); }
    }

    /// <summary>The statements that read or write data: all but SQLite's per-connection <c>PRAGMA foreign_keys = ON</c>,
    /// which the session runs once when it opens its connection.</summary>
    public IReadOnlyList<string> Data => All.Where(s => !s.Contains("PRAGMA foreign_keys", StringComparison.Ordinal)).ToList();

    public void Clear()
    {
        lock (_gate) _sql.Clear();
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName == AssociationsServiceCollectionExtensions.LoggerCategory ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != AssociationsEvents.CommandExecuted.Id) return;
        var message = formatter(state, exception);
        var sql = message[(message.IndexOf('\n') + 1)..];
        lock (_gate) _sql.Add(sql);
    }

    public void Dispose()
    {
    }
}
