using System.Data;
using Associations.Tests.Infrastructure;
using Associations.Tests.Models;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Associations.Tests;

public class SessionTests
{
    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    [Fact]
    public async Task Opens_on_first_use_turns_on_sqlite_foreign_keys_and_disposes_the_connection()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        var db = new DbSession(connection);
        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(DialectKind.Sqlite, db.Dialect.Kind);

        await db.SyncAsync<User>();

        Assert.Equal(ConnectionState.Open, connection.State);
        Assert.Equal(1L, await db.ScalarSqlAsync<long>("PRAGMA foreign_keys"));
        await db.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, connection.State); // disposed with the session
    }

    [Fact]
    public async Task Uses_an_open_connection_as_is_and_leaves_it_open_when_not_owned()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var db = new DbSession(connection, ownsConnection: false))
        {
            await db.SyncAsync<User>();
            await db.InsertAsync(new User { Name = "kept" });
        }

        Assert.Equal(ConnectionState.Open, connection.State);
        await using var again = new DbSession(connection, ownsConnection: false);
        Assert.Equal(1, await again.Query<User>().CountAsync());
    }

    [Fact]
    public async Task Logs_every_command_when_given_a_logger()
    {
        var logger = new ListLogger();
        await using var db = new DbSession(new SqliteConnection("Data Source=:memory:"), logger: logger);
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });

        await john.GetArticlesAsync(db);

        Assert.Contains(logger.Lines, l => l.Contains("CREATE TABLE IF NOT EXISTS \"Users\""));
        Assert.Contains(logger.Lines, l => l.Contains("INSERT INTO \"Users\""));
        Assert.Contains(logger.Lines, l => l.Contains("SELECT \"Id\", \"Title\", \"Status\", \"AuthorId\" FROM \"Posts\" WHERE \"AuthorId\" = @p0"));
    }

    [Fact]
    public void Picks_the_dialect_from_the_connection_type()
    {
        Assert.Equal(DialectKind.PostgreSql, new DbSession(new Npgsql.NpgsqlConnection("Host=127.0.0.1")).Dialect.Kind);
        Assert.Equal(DialectKind.PostgreSql, new DbSession(new SqliteConnection(), dialect: Dialect.PostgreSql).Dialect.Kind);
    }

    [Theory, Sqlite, Postgres]
    public async Task Generated_statements_are_the_dialects_own(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var logger = new ListLogger();
        await using var db = t.IsPostgres ? t.Open() : t.Db;
        var logged = new DbSession(db.Connection, ownsConnection: false, logger: logger);
        await logged.SyncAsync<User>();
        var john = await logged.InsertAsync(new User { Name = "John" });
        var post = await logged.InsertAsync(new Post { Title = "t" });

        await john.AddArticlesAsync(logged, [post]);

        var expected = t.IsPostgres ? "\"Id\" = ANY(@p1)" : "\"Id\" IN (SELECT value FROM json_each(@p1))";
        Assert.Contains(logger.Lines, l => l.Contains("\nUPDATE \"Posts\" SET \"AuthorId\" = @p0 WHERE " + expected, StringComparison.Ordinal));
    }
}
