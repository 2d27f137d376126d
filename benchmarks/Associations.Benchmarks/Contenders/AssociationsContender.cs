using Associations.Benchmarks.Data;

namespace Associations.Benchmarks.Contenders;

/// <summary>The library under test: generated include builders and accessors on one DbSession.</summary>
public sealed class AssociationsContender : Contender
{
    private DbSession _db = null!;
    private List<Post> _w5Posts = null!;
    private Tag[][] _originalTags = null!;
    private Tag[][] _alternateTags = null!;

    public override string Name => "Associations";

    public override async Task InitAsync()
    {
        _db = new DbSession(await BenchDatabase.OpenAsync());
        // W5's inputs: the posts and the tag instances, loaded once (the workload is the replacement itself).
        _w5Posts = await _db.Query<Post>().Where(Post.Columns.Id <= Definition.W5Posts).OrderBy(Post.Columns.Id).ToListAsync();
        var tags = (await _db.Query<Tag>().ToListAsync()).ToDictionary(t => t.Id);
        _originalTags = _w5Posts.Select(p => Definition.TagsOf(p.Id).Select(id => tags[id]).ToArray()).ToArray();
        _alternateTags = _w5Posts.Select(p => Definition.AlternateTagsOf(p.Id).Select(id => tags[id]).ToArray()).ToArray();
        if (_w5Posts.Count != Definition.W5Posts) throw new InvalidOperationException($"W5 needs {Definition.W5Posts} posts, found {_w5Posts.Count}.");
    }

    public override async Task<object> W1UsersProfilePostsAsync() =>
        await _db.Query<User>().IncludeProfile().IncludePosts().ToListAsync();

    public override async Task<object> W2PostsWithTagsAsync() =>
        await _db.Query<Post>().OrderBy(Post.Columns.Id).Limit(Definition.W2Posts).IncludeTags().ToListAsync();

    public override async Task<object> W3PostsOneByOneAsync()
    {
        var users = await _db.Query<User>().OrderBy(User.Columns.Id).Limit(Definition.W3Users).ToListAsync();
        foreach (var user in users) user.Posts = await user.GetPostsAsync(_db);
        return users;
    }

    public override async Task<object> W4PostCountsAsync()
    {
        var users = await _db.Query<User>().OrderBy(User.Columns.Id).Limit(Definition.W4Users).ToListAsync();
        var counts = new int[users.Count];
        for (var i = 0; i < users.Count; i++) counts[i] = await users[i].CountPostsAsync(_db);
        return new UserCounts<User>(users, counts);
    }

    public override async Task W5SetTagsAsync(bool alternate)
    {
        var sets = alternate ? _alternateTags : _originalTags;
        for (var i = 0; i < _w5Posts.Count; i++) await _w5Posts[i].SetTagsAsync(_db, sets[i]);
    }

    public override async Task<object> W6PublishedPostsAsync() =>
        await _db.Query<User>().OrderBy(User.Columns.Id).Limit(Definition.W6Users)
            .IncludePosts(p => p.Where(Post.Columns.Status == Definition.Published))
            .ToListAsync();

    public override Checksum Sum(Workload workload, object result) => ModelSums.Sum(workload, result);

    public override async ValueTask DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}
