using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>Query&lt;T&gt;.AsAsyncEnumerable(): rows handed out as they are read, to-one includes joined, to-many refused.</summary>
public class StreamingTests
{
    [Theory, Sqlite, Postgres]
    public async Task Streams_the_rows_in_order_with_their_to_one_includes(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        var john = await t.Db.InsertAsync(new User { Name = "John" });
        for (var i = 0; i < 250; i++)
            await john.CreateArticleAsync(t.Db, new Post { Title = "p" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture) });
        await t.Db.InsertAsync(new Post { Title = "orphan" });

        var titles = new List<string>();
        await foreach (var post in t.Db.Query<Post>().Where(Post.Columns.Title.Like("p%")).OrderByDescending(Post.Columns.Id).IncludeAuthor().AsAsyncEnumerable())
        {
            Assert.Equal("John", post.Author!.Name);
            Assert.Null(post.Comments); // not included
            titles.Add(post.Title);
        }
        Assert.Equal(250, titles.Count);
        Assert.Equal("p249", titles[0]);
        Assert.Equal("p000", titles[^1]);

        var orphan = await t.Db.Query<Post>().Where(Post.Columns.Title == "orphan").IncludeAuthor().AsAsyncEnumerable().SingleAsync();
        Assert.Null(orphan.Author);
        var paged = await t.Db.Query<Post>().OrderBy(Post.Columns.Id).Offset(10).Limit(5).AsAsyncEnumerable().Select(p => p.Title).ToListAsync();
        Assert.Equal(["p010", "p011", "p012", "p013", "p014"], paged);
    }

    [Theory, Sqlite, Postgres]
    public async Task Leaving_the_stream_early_frees_the_connection_for_the_next_command(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        for (var i = 0; i < 20; i++) await t.Db.InsertAsync(new User { Name = "u" + i });

        var seen = 0;
        await foreach (var _ in t.Db.Query<User>().AsAsyncEnumerable())
            if (++seen == 3) break;

        Assert.Equal(3, seen);
        Assert.Equal(20, await t.Db.Query<User>().CountAsync()); // on PostgreSQL this fails if the reader were still open
        using var cancelled = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in t.Db.Query<User>().AsAsyncEnumerable(cancelled.Token)) cancelled.Cancel();
        });
        Assert.Equal(20, await t.Db.Query<User>().CountAsync());
    }

    [Fact]
    public async Task To_many_includes_are_refused_with_a_clear_message()
    {
        await using var t = await TestDb.CreateAsync(Engines.Sqlite);
        await t.Db.SyncAsync<User>();
        var direct = await Assert.ThrowsAsync<NotSupportedException>(async () =>
        {
            await foreach (var _ in t.Db.Query<User>().IncludeArticles().AsAsyncEnumerable()) { }
        });
        Assert.Contains("cannot stream include 'Articles'", direct.Message, StringComparison.Ordinal);
        Assert.Contains("LoadAsync", direct.Message, StringComparison.Ordinal);

        var nested = await Assert.ThrowsAsync<NotSupportedException>(async () =>
        {
            await foreach (var _ in t.Db.Query<Post>().IncludeAuthor(a => a.IncludeArticles()).AsAsyncEnumerable()) { }
        });
        Assert.Contains("to-many includes below it", nested.Message, StringComparison.Ordinal);
    }
}
