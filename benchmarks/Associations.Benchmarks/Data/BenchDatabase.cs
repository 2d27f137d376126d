using Associations;
using Microsoft.Data.Sqlite;

namespace Associations.Benchmarks.Data;

/// <summary>
/// The SQLite file every contender reads: built once under the system temp dir (schema by the
/// Associations library, rows by bulk plain SQL in one transaction), checked on every start and
/// rebuilt when it does not match <see cref="Definition"/> (say, a run stopped in the middle of W5).
/// </summary>
public static class BenchDatabase
{
    public static string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"associations-bench-v{Definition.Version}.db");

    /// <summary>Every contender's connection: the same file, foreign keys enforced (as Associations and EF Core do).</summary>
    public static string ConnectionString { get; } = new SqliteConnectionStringBuilder
    {
        DataSource = FilePath,
        ForeignKeys = true,
        Pooling = false,
    }.ToString();

    /// <summary>
    /// Opens a connection the way every contender gets it. WAL + synchronous=NORMAL (per connection) keeps
    /// W5's 2,000 commits off fsync, so it measures the libraries rather than the disk.
    /// </summary>
    public static async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _ensured;

    /// <summary>Builds the file when it is missing or does not match the definition.</summary>
    public static async Task EnsureAsync(TextWriter? log = null)
    {
        await Gate.WaitAsync();
        try
        {
            if (_ensured) return;
            if (File.Exists(FilePath))
            {
                var problem = await CheckAsync();
                if (problem is null)
                {
                    _ensured = true;
                    return;
                }
                log?.WriteLine($"// Data set {FilePath} does not match its definition ({problem}); rebuilding.");
            }
            else
            {
                log?.WriteLine($"// Building the data set {FilePath} …");
            }
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await BuildAsync();
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

    private static async Task BuildAsync()
    {
        var temporary = FilePath + ".building";
        foreach (var f in new[] { temporary, temporary + "-wal", temporary + "-shm", FilePath, FilePath + "-wal", FilePath + "-shm" })
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
        File.Move(temporary, FilePath, overwrite: true);
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

    /// <summary>Null when the file holds exactly the definition's rows (W5's tags included); otherwise what differs.</summary>
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
                ("profile links", "SELECT SUM(\"Id\" * 100003 + \"UserId\") FROM \"Profiles\"", profileLinks),
                ("posts", "SELECT COUNT(*) FROM \"Posts\"", posts),
                ("post links", "SELECT SUM(\"Id\" * 100003 + \"UserId\") FROM \"Posts\"", postLinks),
                ("published posts", "SELECT COUNT(*) FROM \"Posts\" WHERE \"Status\" = 'published'", published),
                ("tags", "SELECT COUNT(*) FROM \"Tags\"", tags),
                ("post tags", "SELECT COUNT(*) FROM \"PostTags\"", links),
                ("post tag links", "SELECT SUM(\"PostId\" * 64 + \"TagId\") FROM \"PostTags\"", linkSum),
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
        catch (SqliteException error)
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
            command.CommandText = "SELECT \"PostId\", \"TagId\" FROM \"PostTags\" WHERE \"PostId\" <= $n";
            command.Parameters.AddWithValue("$n", Definition.W5Posts);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) b.Child(reader.GetInt32(0), reader.GetInt32(1), 0);
        }
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"PostTags\"";
        return (b.Build(), (long)(await count.ExecuteScalarAsync())!);
    }
}
