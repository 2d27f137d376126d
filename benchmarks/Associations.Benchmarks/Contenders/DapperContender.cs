using System.Data;
using System.Data.Common;
using Associations.Benchmarks.Data;
using Dapper;

namespace Associations.Benchmarks.Contenders;

/// <summary>Hand-written Dapper: the same SQL as the ADO.NET contender, Dapper's mapping, multi-mapping for the to-one (either engine).</summary>
public sealed class DapperContender : Contender
{
    private const string PostColumns = "\"Id\", \"Title\", \"Status\", \"UserId\"";

    private DbConnection _connection = null!;
    private int[][] _originalTags = null!;
    private int[][] _alternateTags = null!;

    public override string Name => "Dapper";

    public override async Task InitAsync()
    {
        _connection = await BenchDatabase.OpenAsync();
        _originalTags = new int[Definition.W5Posts][];
        _alternateTags = new int[Definition.W5Posts][];
        for (var p = 1; p <= Definition.W5Posts; p++)
        {
            _originalTags[p - 1] = Definition.TagsOf(p);
            _alternateTags[p - 1] = Definition.AlternateTagsOf(p);
        }
    }

    private async Task<List<User>> FirstUsersAsync(int count) =>
        (await _connection.QueryAsync<User>("SELECT \"Id\", \"Name\" FROM \"Users\" ORDER BY \"Id\" LIMIT @n", new { n = count })).AsList();

    public override async Task<object> W1UsersProfilePostsAsync()
    {
        var users = (await _connection.QueryAsync<User, Profile, User>(
            "SELECT u.\"Id\", u.\"Name\", p.\"Id\", p.\"Bio\", p.\"UserId\" FROM \"Users\" AS u LEFT JOIN \"Profiles\" AS p ON p.\"UserId\" = u.\"Id\"",
            (user, profile) =>
            {
                user.Profile = profile;
                user.Posts = new List<Post>();
                return user;
            },
            splitOn: "Id")).AsList();
        var byId = new Dictionary<int, User>(users.Count);
        foreach (var user in users) byId.Add(user.Id, user);
        foreach (var post in await _connection.QueryAsync<Post>("SELECT " + PostColumns + " FROM \"Posts\""))
            if (post.UserId is { } userId && byId.TryGetValue(userId, out var user)) user.Posts!.Add(post);
        return users;
    }

    public override async Task<object> W2PostsWithTagsAsync()
    {
        var posts = (await _connection.QueryAsync<Post>(
            "SELECT " + PostColumns + " FROM \"Posts\" ORDER BY \"Id\" LIMIT @n", new { n = Definition.W2Posts })).AsList();
        var byId = new Dictionary<int, Post>(posts.Count);
        foreach (var post in posts)
        {
            post.Tags = new List<Tag>();
            byId.Add(post.Id, post);
        }
        var links = await _connection.QueryAsync<(int PostId, int TagId, string Name)>(
            "SELECT pt.\"PostId\", t.\"Id\", t.\"Name\" FROM \"PostTags\" AS pt INNER JOIN \"Tags\" AS t ON t.\"Id\" = pt.\"TagId\" " +
            "WHERE pt.\"PostId\" IN (SELECT \"Id\" FROM \"Posts\" ORDER BY \"Id\" LIMIT @n)", new { n = Definition.W2Posts });
        foreach (var (postId, tagId, name) in links)
            if (byId.TryGetValue(postId, out var post)) post.Tags!.Add(new Tag { Id = tagId, Name = name });
        return posts;
    }

    public override async Task<object> W3PostsOneByOneAsync()
    {
        var users = await FirstUsersAsync(Definition.W3Users);
        foreach (var user in users)
            user.Posts = (await _connection.QueryAsync<Post>(
                "SELECT " + PostColumns + " FROM \"Posts\" WHERE \"UserId\" = @id", new { id = user.Id })).AsList();
        return users;
    }

    public override async Task<object> W4PostCountsAsync()
    {
        var users = await FirstUsersAsync(Definition.W4Users);
        var counts = new int[users.Count];
        for (var i = 0; i < users.Count; i++)
            counts[i] = await _connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM \"Posts\" WHERE \"UserId\" = @id", new { id = users[i].Id });
        return new UserCounts<User>(users, counts);
    }

    public override async Task W5SetTagsAsync(bool alternate)
    {
        var sets = alternate ? _alternateTags : _originalTags;
        for (var i = 0; i < sets.Length; i++)
        {
            var postId = i + 1;
            await using var tx = await _connection.BeginTransactionAsync();
            await _connection.ExecuteAsync("DELETE FROM \"PostTags\" WHERE \"PostId\" = @postId", new { postId }, tx);
            await _connection.ExecuteAsync("INSERT INTO \"PostTags\" (\"PostId\", \"TagId\") VALUES (@PostId, @TagId)",
                sets[i].Select(tagId => new { PostId = postId, TagId = tagId }), tx);
            await tx.CommitAsync();
        }
    }

    public override async Task<object> W6PublishedPostsAsync()
    {
        var users = await FirstUsersAsync(Definition.W6Users);
        var byId = new Dictionary<int, User>(users.Count);
        foreach (var user in users)
        {
            user.Posts = new List<Post>();
            byId.Add(user.Id, user);
        }
        var posts = await _connection.QueryAsync<Post>(
            "SELECT " + PostColumns + " FROM \"Posts\" WHERE \"Status\" = @status AND \"UserId\" IN (SELECT \"Id\" FROM \"Users\" ORDER BY \"Id\" LIMIT @n)",
            new { status = Definition.Published, n = Definition.W6Users });
        foreach (var post in posts)
            if (post.UserId is { } userId && byId.TryGetValue(userId, out var user)) user.Posts!.Add(post);
        return users;
    }

    public override Checksum Sum(Workload workload, object result) => ModelSums.Sum(workload, result);

    public override async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
