using System.Data;
using Associations.Benchmarks.Data;
using Microsoft.Data.Sqlite;

namespace Associations.Benchmarks.Contenders;

/// <summary>
/// Hand-written ADO.NET, the way it is usually written: a SqliteCommand per statement, parameters by
/// name, rows read by ordinal into the model classes, parents found through a dictionary. The baseline.
/// </summary>
public class AdoNetContender : Contender
{
    protected const string PostColumns = "\"Id\", \"Title\", \"Status\", \"UserId\"";

    protected SqliteConnection Connection = null!;
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

    protected SqliteCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    protected static Post ReadPost(SqliteDataReader r, int o) => new()
    {
        Id = r.GetInt32(o),
        Title = r.GetString(o + 1),
        Status = r.GetString(o + 2),
        UserId = r.IsDBNull(o + 3) ? null : r.GetInt32(o + 3),
    };

    protected async Task<List<User>> FirstUsersAsync(int count, bool withPostLists)
    {
        await using var command = Command("SELECT \"Id\", \"Name\" FROM \"Users\" ORDER BY \"Id\" LIMIT $n");
        command.Parameters.AddWithValue("$n", count);
        await using var r = await command.ExecuteReaderAsync();
        var users = new List<User>();
        while (await r.ReadAsync())
            users.Add(new User { Id = r.GetInt32(0), Name = r.GetString(1), Posts = withPostLists ? new List<Post>() : null });
        return users;
    }

    public override async Task<object> W1UsersProfilePostsAsync()
    {
        var users = new List<User>();
        var byId = new Dictionary<int, User>();
        await using (var command = Command(
            "SELECT u.\"Id\", u.\"Name\", p.\"Id\", p.\"Bio\", p.\"UserId\" FROM \"Users\" AS u LEFT JOIN \"Profiles\" AS p ON p.\"UserId\" = u.\"Id\""))
        await using (var r = await command.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                var user = new User { Id = r.GetInt32(0), Name = r.GetString(1), Posts = new List<Post>() };
                if (!r.IsDBNull(2))
                    user.Profile = new Profile { Id = r.GetInt32(2), Bio = r.GetString(3), UserId = r.IsDBNull(4) ? null : r.GetInt32(4) };
                users.Add(user);
                byId.Add(user.Id, user);
            }
        }
        await using (var command = Command("SELECT " + PostColumns + " FROM \"Posts\""))
        await using (var r = await command.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                var post = ReadPost(r, 0);
                if (post.UserId is { } userId && byId.TryGetValue(userId, out var user)) user.Posts!.Add(post);
            }
        }
        return users;
    }

    public override async Task<object> W2PostsWithTagsAsync()
    {
        var posts = new List<Post>();
        var byId = new Dictionary<int, Post>();
        await using (var command = Command("SELECT " + PostColumns + " FROM \"Posts\" ORDER BY \"Id\" LIMIT $n"))
        {
            command.Parameters.AddWithValue("$n", Definition.W2Posts);
            await using var r = await command.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var post = ReadPost(r, 0);
                post.Tags = new List<Tag>();
                posts.Add(post);
                byId.Add(post.Id, post);
            }
        }
        await using (var command = Command(
            "SELECT pt.\"PostId\", t.\"Id\", t.\"Name\" FROM \"PostTags\" AS pt INNER JOIN \"Tags\" AS t ON t.\"Id\" = pt.\"TagId\" " +
            "WHERE pt.\"PostId\" IN (SELECT \"Id\" FROM \"Posts\" ORDER BY \"Id\" LIMIT $n)"))
        {
            command.Parameters.AddWithValue("$n", Definition.W2Posts);
            await using var r = await command.ExecuteReaderAsync();
            while (await r.ReadAsync())
                if (byId.TryGetValue(r.GetInt32(0), out var post))
                    post.Tags!.Add(new Tag { Id = r.GetInt32(1), Name = r.GetString(2) });
        }
        return posts;
    }

    public override async Task<object> W3PostsOneByOneAsync()
    {
        var users = await FirstUsersAsync(Definition.W3Users, withPostLists: false);
        foreach (var user in users)
        {
            await using var command = Command("SELECT " + PostColumns + " FROM \"Posts\" WHERE \"UserId\" = $id");
            command.Parameters.AddWithValue("$id", user.Id);
            await using var r = await command.ExecuteReaderAsync();
            var posts = new List<Post>();
            while (await r.ReadAsync()) posts.Add(ReadPost(r, 0));
            user.Posts = posts;
        }
        return users;
    }

    public override async Task<object> W4PostCountsAsync()
    {
        var users = await FirstUsersAsync(Definition.W4Users, withPostLists: false);
        var counts = new int[users.Count];
        for (var i = 0; i < users.Count; i++)
        {
            await using var command = Command("SELECT COUNT(*) FROM \"Posts\" WHERE \"UserId\" = $id");
            command.Parameters.AddWithValue("$id", users[i].Id);
            counts[i] = (int)(long)(await command.ExecuteScalarAsync())!;
        }
        return new UserCounts<User>(users, counts);
    }

    public override async Task W5SetTagsAsync(bool alternate)
    {
        var sets = alternate ? AlternateTags : OriginalTags;
        for (var i = 0; i < sets.Length; i++)
        {
            var postId = i + 1;
            await using var tx = (SqliteTransaction)await Connection.BeginTransactionAsync();
            await using (var delete = Command("DELETE FROM \"PostTags\" WHERE \"PostId\" = $post"))
            {
                delete.Transaction = tx;
                delete.Parameters.AddWithValue("$post", postId);
                await delete.ExecuteNonQueryAsync();
            }
            await using (var insert = Command("INSERT INTO \"PostTags\" (\"PostId\", \"TagId\") VALUES ($post, $tag)"))
            {
                insert.Transaction = tx;
                insert.Parameters.AddWithValue("$post", postId);
                var tag = insert.Parameters.Add("$tag", SqliteType.Integer);
                foreach (var tagId in sets[i])
                {
                    tag.Value = tagId;
                    await insert.ExecuteNonQueryAsync();
                }
            }
            await tx.CommitAsync();
        }
    }

    public override async Task<object> W6PublishedPostsAsync()
    {
        var users = await FirstUsersAsync(Definition.W6Users, withPostLists: true);
        var byId = new Dictionary<int, User>(users.Count);
        foreach (var user in users) byId.Add(user.Id, user);
        await using var command = Command(
            "SELECT " + PostColumns + " FROM \"Posts\" WHERE \"Status\" = $status AND \"UserId\" IN (SELECT \"Id\" FROM \"Users\" ORDER BY \"Id\" LIMIT $n)");
        command.Parameters.AddWithValue("$status", Definition.Published);
        command.Parameters.AddWithValue("$n", Definition.W6Users);
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var post = ReadPost(r, 0);
            if (post.UserId is { } userId && byId.TryGetValue(userId, out var user)) user.Posts!.Add(post);
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
/// Hand-written ADO.NET with its commands prepared once and reused (parameters rebound per call), for
/// the per-row workloads W3, W4, W5: what statement caching would buy a library.
/// </summary>
public sealed class AdoNetPreparedContender : AdoNetContender
{
    private SqliteCommand _posts = null!, _count = null!, _delete = null!, _insert = null!;

    public override string Name => "ADO.NET prepared";

    public override async Task InitAsync()
    {
        await base.InitAsync();
        _posts = Command("SELECT " + PostColumns + " FROM \"Posts\" WHERE \"UserId\" = $id");
        _posts.Parameters.Add("$id", SqliteType.Integer);
        _posts.Prepare();
        _count = Command("SELECT COUNT(*) FROM \"Posts\" WHERE \"UserId\" = $id");
        _count.Parameters.Add("$id", SqliteType.Integer);
        _count.Prepare();
        _delete = Command("DELETE FROM \"PostTags\" WHERE \"PostId\" = $post");
        _delete.Parameters.Add("$post", SqliteType.Integer);
        _delete.Prepare();
        _insert = Command("INSERT INTO \"PostTags\" (\"PostId\", \"TagId\") VALUES ($post, $tag)");
        _insert.Parameters.Add("$post", SqliteType.Integer);
        _insert.Parameters.Add("$tag", SqliteType.Integer);
        _insert.Prepare();
    }

    public override async Task<object> W3PostsOneByOneAsync()
    {
        var users = await FirstUsersAsync(Definition.W3Users, withPostLists: false);
        foreach (var user in users)
        {
            _posts.Parameters[0].Value = user.Id;
            await using var r = await _posts.ExecuteReaderAsync();
            var posts = new List<Post>();
            while (await r.ReadAsync()) posts.Add(ReadPost(r, 0));
            user.Posts = posts;
        }
        return users;
    }

    public override async Task<object> W4PostCountsAsync()
    {
        var users = await FirstUsersAsync(Definition.W4Users, withPostLists: false);
        var counts = new int[users.Count];
        for (var i = 0; i < users.Count; i++)
        {
            _count.Parameters[0].Value = users[i].Id;
            counts[i] = (int)(long)(await _count.ExecuteScalarAsync())!;
        }
        return new UserCounts<User>(users, counts);
    }

    public override async Task W5SetTagsAsync(bool alternate)
    {
        var sets = alternate ? AlternateTags : OriginalTags;
        for (var i = 0; i < sets.Length; i++)
        {
            var postId = i + 1;
            await using var tx = (SqliteTransaction)await Connection.BeginTransactionAsync();
            _delete.Transaction = tx;
            _insert.Transaction = tx;
            _delete.Parameters[0].Value = postId;
            await _delete.ExecuteNonQueryAsync();
            _insert.Parameters[0].Value = postId;
            foreach (var tagId in sets[i])
            {
                _insert.Parameters[1].Value = tagId;
                await _insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var c in new[] { _posts, _count, _delete, _insert })
            if (c is not null) await c.DisposeAsync();
        await base.DisposeAsync();
    }
}
