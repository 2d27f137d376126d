using System.Data;
using System.Data.Common;
using Associations.Benchmarks.Data;

namespace Associations.Benchmarks.Contenders;

/// <summary>
/// Hand-written ADO.NET, the way it is usually written: a command per statement, parameters by
/// name, rows read by ordinal into the model classes, parents found through a dictionary. The same code
/// runs on SQLite (Microsoft.Data.Sqlite) and PostgreSQL (Npgsql) through the DbConnection base classes.
/// </summary>
public class AdoNetContender : Contender
{
    protected const string PostColumns = "\"Id\", \"Title\", \"Status\", \"UserId\"";

    private const string UsersSql = "SELECT \"Id\", \"Name\" FROM \"Users\" ORDER BY \"Id\" LIMIT @n";
    private const string W1UsersSql = "SELECT u.\"Id\", u.\"Name\", p.\"Id\", p.\"Bio\", p.\"UserId\" FROM \"Users\" AS u LEFT JOIN \"Profiles\" AS p ON p.\"UserId\" = u.\"Id\"";
    private const string W1PostsSql = "SELECT " + PostColumns + " FROM \"Posts\"";
    private const string W2PostsSql = "SELECT " + PostColumns + " FROM \"Posts\" ORDER BY \"Id\" LIMIT @n";
    private const string W2TagsSql =
        "SELECT pt.\"PostId\", t.\"Id\", t.\"Name\" FROM \"PostTags\" AS pt INNER JOIN \"Tags\" AS t ON t.\"Id\" = pt.\"TagId\" " +
        "WHERE pt.\"PostId\" IN (SELECT \"Id\" FROM \"Posts\" ORDER BY \"Id\" LIMIT @n)";
    private const string W3Sql = "SELECT " + PostColumns + " FROM \"Posts\" WHERE \"UserId\" = @id";
    private const string W4Sql = "SELECT COUNT(*) FROM \"Posts\" WHERE \"UserId\" = @id";
    private const string W5DeleteSql = "DELETE FROM \"PostTags\" WHERE \"PostId\" = @post";
    private const string W5InsertSql = "INSERT INTO \"PostTags\" (\"PostId\", \"TagId\") VALUES (@post, @tag)";
    private const string W6Sql =
        "SELECT " + PostColumns + " FROM \"Posts\" WHERE \"Status\" = @status AND \"UserId\" IN (SELECT \"Id\" FROM \"Users\" ORDER BY \"Id\" LIMIT @n)";

    protected DbConnection Connection = null!;
    protected int[][] OriginalTags = null!;
    protected int[][] AlternateTags = null!;

    public override string Name => "ADO.NET";

    public override async Task InitAsync()
    {
        Connection = await BenchDatabase.OpenAsync();
        OriginalTags = new int[Definition.W5Posts][];
        AlternateTags = new int[Definition.W5Posts][];
        for (var p = 1; p <= Definition.W5Posts; p++)
        {
            OriginalTags[p - 1] = Definition.TagsOf(p);
            AlternateTags[p - 1] = Definition.AlternateTagsOf(p);
        }
    }

    /// <summary>A command for <paramref name="sql"/> with the given parameters (name and type), values to be set by the caller.
    /// Here a new one per statement; <see cref="AdoNetPreparedContender"/> reuses one prepared command per text.</summary>
    protected virtual DbCommand Statement(string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Ends the use of a command from <see cref="Statement"/> (here: disposes it).</summary>
    protected virtual ValueTask Done(DbCommand command) => command.DisposeAsync();

    private static readonly (string, DbType) N = ("@n", DbType.Int32);
    private static readonly (string, DbType) Id = ("@id", DbType.Int32);

    protected static Post ReadPost(DbDataReader r, int o) => new()
    {
        Id = r.GetInt32(o),
        Title = r.GetString(o + 1),
        Status = r.GetString(o + 2),
        UserId = r.IsDBNull(o + 3) ? null : r.GetInt32(o + 3),
    };

    protected async Task<List<User>> FirstUsersAsync(int count, bool withPostLists)
    {
        var command = Statement(UsersSql, N);
        try
        {
            command.Parameters[0].Value = count;
            await using var r = await command.ExecuteReaderAsync();
            var users = new List<User>();
            while (await r.ReadAsync())
                users.Add(new User { Id = r.GetInt32(0), Name = r.GetString(1), Posts = withPostLists ? new List<Post>() : null });
            return users;
        }
        finally
        {
            await Done(command);
        }
    }

    public override async Task<object> W1UsersProfilePostsAsync()
    {
        var users = new List<User>();
        var byId = new Dictionary<int, User>();
        var command = Statement(W1UsersSql);
        try
        {
            await using var r = await command.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var user = new User { Id = r.GetInt32(0), Name = r.GetString(1), Posts = new List<Post>() };
                if (!r.IsDBNull(2))
                    user.Profile = new Profile { Id = r.GetInt32(2), Bio = r.GetString(3), UserId = r.IsDBNull(4) ? null : r.GetInt32(4) };
                users.Add(user);
                byId.Add(user.Id, user);
            }
        }
        finally
        {
            await Done(command);
        }
        command = Statement(W1PostsSql);
        try
        {
            await using var r = await command.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var post = ReadPost(r, 0);
                if (post.UserId is { } userId && byId.TryGetValue(userId, out var user)) user.Posts!.Add(post);
            }
        }
        finally
        {
            await Done(command);
        }
        return users;
    }

    public override async Task<object> W2PostsWithTagsAsync()
    {
        var posts = new List<Post>();
        var byId = new Dictionary<int, Post>();
        var command = Statement(W2PostsSql, N);
        try
        {
            command.Parameters[0].Value = Definition.W2Posts;
            await using var r = await command.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var post = ReadPost(r, 0);
                post.Tags = new List<Tag>();
                posts.Add(post);
                byId.Add(post.Id, post);
            }
        }
        finally
        {
            await Done(command);
        }
        command = Statement(W2TagsSql, N);
        try
        {
            command.Parameters[0].Value = Definition.W2Posts;
            await using var r = await command.ExecuteReaderAsync();
            while (await r.ReadAsync())
                if (byId.TryGetValue(r.GetInt32(0), out var post))
                    post.Tags!.Add(new Tag { Id = r.GetInt32(1), Name = r.GetString(2) });
        }
        finally
        {
            await Done(command);
        }
        return posts;
    }

    public override async Task<object> W3PostsOneByOneAsync()
    {
        var users = await FirstUsersAsync(Definition.W3Users, withPostLists: false);
        foreach (var user in users)
        {
            var command = Statement(W3Sql, Id);
            try
            {
                command.Parameters[0].Value = user.Id;
                await using var r = await command.ExecuteReaderAsync();
                var posts = new List<Post>();
                while (await r.ReadAsync()) posts.Add(ReadPost(r, 0));
                user.Posts = posts;
            }
            finally
            {
                await Done(command);
            }
        }
        return users;
    }

    public override async Task<object> W4PostCountsAsync()
    {
        var users = await FirstUsersAsync(Definition.W4Users, withPostLists: false);
        var counts = new int[users.Count];
        for (var i = 0; i < users.Count; i++)
        {
            var command = Statement(W4Sql, Id);
            try
            {
                command.Parameters[0].Value = users[i].Id;
                counts[i] = (int)(long)(await command.ExecuteScalarAsync())!;
            }
            finally
            {
                await Done(command);
            }
        }
        return new UserCounts<User>(users, counts);
    }

    public override async Task W5SetTagsAsync(bool alternate)
    {
        var sets = alternate ? AlternateTags : OriginalTags;
        for (var i = 0; i < sets.Length; i++)
        {
            var postId = i + 1;
            await using var tx = await Connection.BeginTransactionAsync();
            var delete = Statement(W5DeleteSql, ("@post", DbType.Int32));
            try
            {
                delete.Transaction = tx;
                delete.Parameters[0].Value = postId;
                await delete.ExecuteNonQueryAsync();
            }
            finally
            {
                await Done(delete);
            }
            var insert = Statement(W5InsertSql, ("@post", DbType.Int32), ("@tag", DbType.Int32));
            try
            {
                insert.Transaction = tx;
                insert.Parameters[0].Value = postId;
                foreach (var tagId in sets[i])
                {
                    insert.Parameters[1].Value = tagId;
                    await insert.ExecuteNonQueryAsync();
                }
            }
            finally
            {
                await Done(insert);
            }
            await tx.CommitAsync();
        }
    }

    public override async Task<object> W6PublishedPostsAsync()
    {
        var users = await FirstUsersAsync(Definition.W6Users, withPostLists: true);
        var byId = new Dictionary<int, User>(users.Count);
        foreach (var user in users) byId.Add(user.Id, user);
        var command = Statement(W6Sql, ("@status", DbType.String), N);
        try
        {
            command.Parameters[0].Value = Definition.Published;
            command.Parameters[1].Value = Definition.W6Users;
            await using var r = await command.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var post = ReadPost(r, 0);
                if (post.UserId is { } userId && byId.TryGetValue(userId, out var user)) user.Posts!.Add(post);
            }
        }
        finally
        {
            await Done(command);
        }
        return users;
    }

    public override Checksum Sum(Workload workload, object result) => ModelSums.Sum(workload, result);

    public override async ValueTask DisposeAsync()
    {
        if (Connection is not null) await Connection.DisposeAsync();
    }
}

/// <summary>
/// Hand-written ADO.NET with one prepared command per statement text, created and prepared on first use and
/// reused (parameters rebound per call) in every workload: what statement caching buys, and the baseline of
/// the targets. On PostgreSQL <c>Prepare()</c> makes Npgsql keep a server-side prepared statement (parsed and
/// planned once); on SQLite it keeps the compiled statement.
/// </summary>
public sealed class AdoNetPreparedContender : AdoNetContender
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public override string Name => "ADO.NET prepared";

    protected override DbCommand Statement(string sql, params (string Name, DbType Type)[] parameters)
    {
        if (_commands.TryGetValue(sql, out var command))
        {
            command.Transaction = null;
            return command;
        }
        command = base.Statement(sql, parameters);
        command.Prepare();
        _commands.Add(sql, command);
        return command;
    }

    protected override ValueTask Done(DbCommand command) => ValueTask.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        _commands.Clear();
        await base.DisposeAsync();
    }
}
