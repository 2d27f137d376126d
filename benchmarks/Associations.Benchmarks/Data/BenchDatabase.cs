using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Associations.Benchmarks.Data;

/// <summary>The database engine of a run: <c>--engine sqlite</c> (default) or <c>--engine postgres</c>.</summary>
public enum Engine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The data set every contender reads, on the engine of the run: built once (schema by the Associations
/// library, rows in bulk), checked on every start and rebuilt when it does not match <see cref="Definition"/>
/// (say, a run stopped in the middle of W5).
/// <list type="bullet">
/// <item>SQLite: a file under the system temp dir, filled by prepared INSERTs in one transaction.</item>
/// <item>PostgreSQL: the schema <c>associations_bench_v{Version}</c> of the database named by <c>ASSOCIATIONS_PG</c>
/// (scripts/postgres.sh start prints one), filled by binary COPY, then ANALYZEd.</item>
/// </list>
/// </summary>
public static class BenchDatabase
{
    /// <summary>The environment variable that carries the engine to BenchmarkDotNet's child processes.</summary>
    public const string EngineVariable = "ASSOCIATIONS_BENCH_ENGINE";

    /// <summary>The engine of this process: <c>--engine</c> on the command line (see <see cref="SelectEngine"/>), else the environment, else SQLite.</summary>
    public static Engine Engine { get; private set; } =
        string.Equals(Environment.GetEnvironmentVariable(EngineVariable), "postgres", StringComparison.OrdinalIgnoreCase) ? Engine.Postgres : Engine.Sqlite;

    /// <summary>Reads and removes <c>--engine sqlite|postgres</c> from <paramref name="args"/>; the environment carries it to child processes.</summary>
    public static string[] SelectEngine(string[] args)
    {
        var list = args.ToList();
        var at = list.FindIndex(a => a == "--engine");
        if (at < 0) return args;
        if (at + 1 >= list.Count) throw new ArgumentException("--engine needs a value: sqlite or postgres");
        Engine = list[at + 1].ToLowerInvariant() switch
        {
            "sqlite" => Engine.Sqlite,
            "postgres" or "postgresql" or "pg" => Engine.Postgres,
            var other => throw new ArgumentException($"--engine {other}: expected sqlite or postgres"),
        };
        Environment.SetEnvironmentVariable(EngineVariable, Engine == Engine.Postgres ? "postgres" : "sqlite");
        list.RemoveRange(at, 2);
        return list.ToArray();
    }

    public static string SqliteFilePath { get; } = Path.Combine(Path.GetTempPath(), $"associations-bench-v{Definition.Version}.db");

    /// <summary>The PostgreSQL schema of the data set.</summary>
    public static string PostgresSchema { get; } = $"associations_bench_v{Definition.Version}";

    /// <summary>Where the data set is, for the reports.</summary>
    public static string Location => Engine == Engine.Sqlite
        ? SqliteFilePath
        : $"schema {PostgresSchema} of {new NpgsqlConnectionStringBuilder(PostgresBase) { Password = null }}";

    private static string PostgresBase =>
        Environment.GetEnvironmentVariable("ASSOCIATIONS_PG") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("--engine postgres needs ASSOCIATIONS_PG, a connection string (bash scripts/postgres.sh start prints one).");

    /// <summary>
    /// Every contender's connection string. SQLite: the same file, foreign keys enforced (as Associations and EF Core do).
    /// PostgreSQL: the user's string as given (no Max Auto Prepare or other tuning added), with the data set's schema as search path.
    /// </summary>
    public static string ConnectionString => Engine == Engine.Sqlite
        ? new SqliteConnectionStringBuilder { DataSource = SqliteFilePath, ForeignKeys = true, Pooling = false }.ToString()
        : new NpgsqlConnectionStringBuilder(PostgresBase) { SearchPath = PostgresSchema }.ToString();

    /// <summary>
    /// Opens a connection the way every contender gets it. SQLite: WAL + synchronous=NORMAL (per connection) keeps
    /// W5's 2,000 commits off fsync, so it measures the libraries rather than the disk. PostgreSQL: as configured by the
    /// server (scripts/postgres.sh runs it with fsync and synchronous_commit off, for the same reason).
    /// </summary>
    public static async Task<DbConnection> OpenAsync()
    {
        if (Engine == Engine.Postgres)
        {
            var pg = new NpgsqlConnection(ConnectionString);
            await pg.OpenAsync();
            return pg;
        }
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _ensured;

    /// <summary>Builds the data set when it is missing or does not match the definition.</summary>
    public static async Task EnsureAsync(TextWriter? log = null)
    {
        await Gate.WaitAsync();
        try
        {
            if (_ensured) return;
            var exists = Engine == Engine.Sqlite ? File.Exists(SqliteFilePath) : await PostgresSchemaExistsAsync();
            if (exists)
            {
                var problem = await CheckAsync();
                if (problem is null)
                {
                    _ensured = true;
                    return;
                }
                log?.WriteLine($"// Data set {Location} does not match its definition ({problem}); rebuilding.");
            }
            else
            {
                log?.WriteLine($"// Building the data set {Location} …");
            }
            var watch = System.Diagnostics.Stopwatch.StartNew();
            if (Engine == Engine.Sqlite) await BuildSqliteAsync();
            else await BuildPostgresAsync();
            var after = await CheckAsync();
            if (after is not null) throw new InvalidOperationException($"The freshly built data set does not match its definition: {after}");
            log?.WriteLine($"// Data set built in {watch.Elapsed.TotalSeconds:F1} s.");
            _ensured = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task BuildSqliteAsync()
    {
        var temporary = SqliteFilePath + ".building";
        foreach (var f in new[] { temporary, temporary + "-wal", temporary + "-shm", SqliteFilePath, SqliteFilePath + "-wal", SqliteFilePath + "-shm" })
            File.Delete(f);

        var cs = new SqliteConnectionStringBuilder { DataSource = temporary, ForeignKeys = true, Pooling = false }.ToString();
        await using (var connection = new SqliteConnection(cs))
        {
            await connection.OpenAsync();
            // The schema comes from the library, so every contender reads the tables Associations creates.
            await using (var db = new DbSession(connection, ownsConnection: false))
                await db.SyncAsync<User>();

            await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
            {
                await using (var users = Command(connection, tx, "INSERT INTO \"Users\" (\"Id\", \"Name\") VALUES ($id, $name)", "$id", "$name"))
                    for (var u = 1; u <= Definition.Users; u++)
                        await Run(users, u, Definition.UserName(u));

                await using (var profiles = Command(connection, tx, "INSERT INTO \"Profiles\" (\"Id\", \"Bio\", \"UserId\") VALUES ($id, $bio, $user)", "$id", "$bio", "$user"))
                    for (var profileId = 1; profileId <= Definition.Users; profileId++)
                    {
                        var u = Definition.ProfileUserId(profileId);
                        await Run(profiles, profileId, Definition.ProfileBio(u), u);
                    }

                await using (var posts = Command(connection, tx, "INSERT INTO \"Posts\" (\"Id\", \"Title\", \"Status\", \"UserId\") VALUES ($id, $title, $status, $user)", "$id", "$title", "$status", "$user"))
                    for (var p = 1; p <= Definition.Posts; p++)
                        await Run(posts, p, Definition.PostTitle(p), Definition.PostStatus(p), Definition.PostUserId(p));

                await using (var tags = Command(connection, tx, "INSERT INTO \"Tags\" (\"Id\", \"Name\") VALUES ($id, $name)", "$id", "$name"))
                    for (var t = 1; t <= Definition.Tags; t++)
                        await Run(tags, t, Definition.TagName(t));

                await using (var links = Command(connection, tx, "INSERT INTO \"PostTags\" (\"PostId\", \"TagId\") VALUES ($post, $tag)", "$post", "$tag"))
                    for (var p = 1; p <= Definition.Posts; p++)
                        for (var k = 0; k < Definition.TagsPerPost; k++)
                            await Run(links, p, Definition.TagOf(p, k));

                await tx.CommitAsync();
            }

            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL"; // persistent: every later connection uses WAL
            await wal.ExecuteScalarAsync();
        }
        File.Move(temporary, SqliteFilePath, overwrite: true);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static Task<int> Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        return command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> PostgresSchemaExistsAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresBase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_namespace WHERE nspname = @s", connection);
        command.Parameters.AddWithValue("s", PostgresSchema);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>
    /// PostgreSQL: drops and recreates the schema, lets the library create the tables (SyncAsync), fills them by
    /// binary COPY (NpgsqlBinaryImporter) in one transaction, then VACUUM ANALYZE so that plans see real statistics.
    /// </summary>
    private static async Task BuildPostgresAsync()
    {
        await using (var admin = new NpgsqlConnection(PostgresBase))
        {
            await admin.OpenAsync();
            await using var reset = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{PostgresSchema}\" CASCADE; CREATE SCHEMA \"{PostgresSchema}\"", admin);
            await reset.ExecuteNonQueryAsync();
        }
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var db = new DbSession(connection, ownsConnection: false))
            await db.SyncAsync<User>();

        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using (var users = await connection.BeginBinaryImportAsync("COPY \"Users\" (\"Id\", \"Name\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var u = 1; u <= Definition.Users; u++)
                {
                    await users.StartRowAsync();
                    await users.WriteAsync(u, NpgsqlDbType.Integer);
                    await users.WriteAsync(Definition.UserName(u), NpgsqlDbType.Text);
                }
                await users.CompleteAsync();
            }
            await using (var profiles = await connection.BeginBinaryImportAsync("COPY \"Profiles\" (\"Id\", \"Bio\", \"UserId\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var profileId = 1; profileId <= Definition.Users; profileId++)
                {
                    var u = Definition.ProfileUserId(profileId);
                    await profiles.StartRowAsync();
                    await profiles.WriteAsync(profileId, NpgsqlDbType.Integer);
                    await profiles.WriteAsync(Definition.ProfileBio(u), NpgsqlDbType.Text);
                    await profiles.WriteAsync(u, NpgsqlDbType.Integer);
                }
                await profiles.CompleteAsync();
            }
            await using (var posts = await connection.BeginBinaryImportAsync("COPY \"Posts\" (\"Id\", \"Title\", \"Status\", \"UserId\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var p = 1; p <= Definition.Posts; p++)
                {
                    await posts.StartRowAsync();
                    await posts.WriteAsync(p, NpgsqlDbType.Integer);
                    await posts.WriteAsync(Definition.PostTitle(p), NpgsqlDbType.Text);
                    await posts.WriteAsync(Definition.PostStatus(p), NpgsqlDbType.Text);
                    await posts.WriteAsync(Definition.PostUserId(p), NpgsqlDbType.Integer);
                }
                await posts.CompleteAsync();
            }
            await using (var tags = await connection.BeginBinaryImportAsync("COPY \"Tags\" (\"Id\", \"Name\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var t = 1; t <= Definition.Tags; t++)
                {
                    await tags.StartRowAsync();
                    await tags.WriteAsync(t, NpgsqlDbType.Integer);
                    await tags.WriteAsync(Definition.TagName(t), NpgsqlDbType.Text);
                }
                await tags.CompleteAsync();
            }
            await using (var links = await connection.BeginBinaryImportAsync("COPY \"PostTags\" (\"PostId\", \"TagId\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var p = 1; p <= Definition.Posts; p++)
                    for (var k = 0; k < Definition.TagsPerPost; k++)
                    {
                        await links.StartRowAsync();
                        await links.WriteAsync(p, NpgsqlDbType.Integer);
                        await links.WriteAsync(Definition.TagOf(p, k), NpgsqlDbType.Integer);
                    }
                await links.CompleteAsync();
            }
            // Identity columns: the next generated key follows the loaded ones (no workload inserts users, posts or tags).
            foreach (var table in new[] { "Users", "Profiles", "Posts", "Tags" })
            {
                await using var sequence = new NpgsqlCommand(
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\")) WHERE pg_get_serial_sequence('\"{table}\"', 'Id') IS NOT NULL",
                    connection, (NpgsqlTransaction)tx);
                await sequence.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Null when the data set holds exactly the definition's rows (W5's tags included); otherwise what differs.</summary>
    public static async Task<string?> CheckAsync()
    {
        try
        {
            await using var connection = await OpenAsync();
            long users = 0, userKeys = 0, profiles = 0, profileLinks = 0, posts = 0, postLinks = 0, published = 0, tags = 0, links = 0, linkSum = 0;
            for (var u = 1; u <= Definition.Users; u++)
            {
                users++;
                userKeys += u;
                profiles++;
                profileLinks += (long)Definition.ProfileIdOf(u) * 100_003 + u;
            }
            for (var p = 1; p <= Definition.Posts; p++)
            {
                posts++;
                postLinks += (long)p * 100_003 + Definition.PostUserId(p);
                if (Definition.PostStatus(p) == Definition.Published) published++;
                foreach (var t in Definition.TagsOf(p))
                {
                    links++;
                    linkSum += (long)p * 64 + t;
                }
            }
            tags = Definition.Tags;
            var checks = new (string What, string Sql, long Expected)[]
            {
                ("users", "SELECT COUNT(*) FROM \"Users\"", users),
                ("user keys", "SELECT SUM(\"Id\") FROM \"Users\"", userKeys),
                ("profiles", "SELECT COUNT(*) FROM \"Profiles\"", profiles),
                ("profile links", "SELECT SUM(CAST(\"Id\" AS BIGINT) * 100003 + \"UserId\") FROM \"Profiles\"", profileLinks),
                ("posts", "SELECT COUNT(*) FROM \"Posts\"", posts),
                ("post links", "SELECT SUM(CAST(\"Id\" AS BIGINT) * 100003 + \"UserId\") FROM \"Posts\"", postLinks),
                ("published posts", "SELECT COUNT(*) FROM \"Posts\" WHERE \"Status\" = 'published'", published),
                ("tags", "SELECT COUNT(*) FROM \"Tags\"", tags),
                ("post tags", "SELECT COUNT(*) FROM \"PostTags\"", links),
                ("post tag links", "SELECT SUM(CAST(\"PostId\" AS BIGINT) * 64 + \"TagId\") FROM \"PostTags\"", linkSum),
            };
            foreach (var (what, sql, expected) in checks)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                var actual = Convert.ToInt64(await command.ExecuteScalarAsync() is { } v and not DBNull ? v : 0L);
                if (actual != expected) return $"{what}: {actual}, expected {expected}";
            }
            return null;
        }
        catch (DbException error)
        {
            return error.Message;
        }
    }

    /// <summary>W5's state: the (post, tag) links of posts 1..1000, read with plain SQL, and the junction's row count.</summary>
    public static async Task<(Checksum Links, long TotalRows)> TagStateAsync()
    {
        await using var connection = await OpenAsync();
        var b = new ChecksumBuilder();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"PostId\", \"TagId\" FROM \"PostTags\" WHERE \"PostId\" <= @n";
            var n = command.CreateParameter();
            n.ParameterName = "@n";
            n.Value = Definition.W5Posts;
            command.Parameters.Add(n);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) b.Child(reader.GetInt32(0), reader.GetInt32(1), 0);
        }
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"PostTags\"";
        return (b.Build(), Convert.ToInt64(await count.ExecuteScalarAsync()));
    }
}
