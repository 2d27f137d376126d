using System.Data.Common;
using Associations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conduit;

/// <summary>Settings of the sample (section "Conduit"): which database, and the JWT signing key.</summary>
public sealed class ConduitOptions
{
    /// <summary>A PostgreSQL connection string; when empty, SQLite is used.</summary>
    public string? Postgres { get; set; }

    /// <summary>The SQLite connection string (default: a file conduit.db in the working directory, which `dotnet run` sets to the project's).</summary>
    public string Sqlite { get; set; } = "Data Source=conduit.db";

    /// <summary>The key that signs tokens (at least 32 bytes). When empty, a random key is made at start-up, so tokens do not survive a restart.</summary>
    public string? JwtSigningKey { get; set; }

    /// <summary>How long a token is valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// The database of the app: one PostgreSQL data source (it owns the pool) or a SQLite connection string. Each request's
/// <see cref="DbSession"/> (registered scoped by <c>AddAssociations</c>) takes its connection from here.
/// </summary>
public sealed class ConduitDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqlite;

    public ConduitDatabase(IOptions<ConduitOptions> options)
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.Postgres)) _postgres = NpgsqlDataSource.Create(o.Postgres);
        _sqlite = o.Sqlite;
    }

    /// <summary>"PostgreSQL" or "SQLite".</summary>
    public string Engine => _postgres is null ? "SQLite" : "PostgreSQL";

    public DbConnection CreateConnection() => _postgres is not null ? _postgres.CreateConnection() : new SqliteConnection(_sqlite);

    /// <summary>
    /// Creates what is missing: the tables of every model connected to <see cref="User"/> (SyncAsync is create-if-missing, so
    /// restarting keeps the data), and the unique indexes the API relies on. The library has no attribute for a unique column
    /// yet, so those are plain SQL (the same statement on both engines).
    /// </summary>
    public static async Task EnsureSchemaAsync(DbSession db, CancellationToken ct = default)
    {
        await db.SyncAsync<User>(cancellationToken: ct);
        string[] unique =
        [
            """CREATE UNIQUE INDEX IF NOT EXISTS "UX_Users_Username" ON "Users" ("Username")""",
            """CREATE UNIQUE INDEX IF NOT EXISTS "UX_Users_Email" ON "Users" ("Email")""",
            """CREATE UNIQUE INDEX IF NOT EXISTS "UX_Articles_Slug" ON "Articles" ("Slug")""",
            """CREATE UNIQUE INDEX IF NOT EXISTS "UX_Tags_Name" ON "Tags" ("Name")""",
            """CREATE INDEX IF NOT EXISTS "IX_Articles_CreatedAt" ON "Articles" ("CreatedAt")""",
        ];
        foreach (var sql in unique) await db.ExecuteSqlAsync(sql, [], ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
