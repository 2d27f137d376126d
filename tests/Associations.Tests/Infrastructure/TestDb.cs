using Microsoft.Data.Sqlite;
using Npgsql;

namespace Associations.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test: SQLite in memory, a SQLite file, or a private schema on the
/// PostgreSQL server. <see cref="Db"/> is the session under test; <see cref="Scalar{T}"/> checks the rows
/// with plain SQL, not through the library.
/// </summary>
public sealed class TestDb : IAsyncDisposable
{
    private readonly Func<ValueTask> _cleanup;

    private TestDb(string engine, DbSession db, Func<DbSession> open, Func<ValueTask> cleanup)
    {
        Engine = engine;
        Db = db;
        Open = open;
        _cleanup = cleanup;
    }

    public string Engine { get; }

    public DbSession Db { get; }

    /// <summary>Opens another session on the same database (not for in-memory SQLite).</summary>
    public Func<DbSession> Open { get; }

    public bool IsPostgres => Engine == Engines.Postgres;

    public static async Task<TestDb> CreateAsync(string engine)
    {
        switch (engine)
        {
            case Engines.Sqlite:
            {
                var db = new DbSession(new SqliteConnection("Data Source=:memory:"));
                return new TestDb(engine, db, () => throw new InvalidOperationException("An in-memory database has one connection."), () => db.DisposeAsync());
            }
            case Engines.SqliteFile:
            {
                var path = Path.Combine(Path.GetTempPath(), "associations-test-" + Guid.NewGuid().ToString("N") + ".db");
                var cs = $"Data Source={path};Pooling=False;Default Timeout=30";
                var db = new DbSession(new SqliteConnection(cs));
                return new TestDb(engine, db, () => new DbSession(new SqliteConnection(cs)), async () =>
                {
                    await db.DisposeAsync();
                    foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
                        if (File.Exists(file)) File.Delete(file);
                });
            }
            case Engines.Postgres:
            {
                var baseCs = Engines.PostgresConnectionString ?? throw new InvalidOperationException(Engines.PostgresSkipReason);
                var schema = "t_" + Guid.NewGuid().ToString("N");
                await using (var admin = new NpgsqlConnection(baseCs))
                {
                    await admin.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", admin);
                    await create.ExecuteNonQueryAsync();
                }
                var cs = new NpgsqlConnectionStringBuilder(baseCs) { SearchPath = schema, Pooling = false }.ConnectionString;
                var db = new DbSession(new NpgsqlConnection(cs));
                return new TestDb(engine, db, () => new DbSession(new NpgsqlConnection(cs)), async () =>
                {
                    await db.DisposeAsync();
                    await using var admin = new NpgsqlConnection(baseCs);
                    await admin.OpenAsync();
                    await using var drop = new NpgsqlCommand($"DROP SCHEMA \"{schema}\" CASCADE", admin);
                    await drop.ExecuteNonQueryAsync();
                });
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(engine), engine, null);
        }
    }

    /// <summary>A plain-SQL scalar, on the session's connection (inside its transaction, if any).</summary>
    public async Task<T> Scalar<T>(string sql, object? parameters = null)
    {
        var value = await Db.ScalarSqlAsync<T>(sql, parameters);
        return value!;
    }

    /// <summary>COUNT(*) of a plain-SQL WHERE on a table.</summary>
    public Task<long> Count(string table, string where = "1 = 1", object? parameters = null) =>
        Scalar<long>($"SELECT COUNT(*) FROM \"{table}\" WHERE {where}", parameters);

    /// <summary>Plain-SQL rows.</summary>
    public Task<List<T>> Rows<T>(string sql, object? parameters = null) => Db.QuerySqlAsync<T>(sql, parameters);

    public ValueTask DisposeAsync() => _cleanup();
}
