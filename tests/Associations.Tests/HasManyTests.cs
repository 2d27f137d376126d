using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

public class HasManyTests
{
    private static async Task<(TestDb t, User john, Post[] posts)> Blog(string engine)
    {
        var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        var john = await t.Db.InsertAsync(new User { Name = "John" });
        var posts = new Post[4];
        for (var i = 0; i < posts.Length; i++) posts[i] = await t.Db.InsertAsync(new Post { Title = "P" + i });
        return (t, john, posts);
    }

    [Theory, Sqlite, Postgres]
    public async Task Add_get_count_has_remove_work_on_the_rows(string engine)
    {
        var (t, john, p) = await Blog(engine);
        await using var _ = t;
        var db = t.Db;

        await john.AddArticleAsync(db, p[0]);
        await john.AddArticlesAsync(db, [p[1], p[2]]);

        Assert.Equal(john.Id, p[0].AuthorId); // the instance is kept in step
        Assert.Equal(3, await t.Count("Posts", "\"AuthorId\" = @id", new { id = john.Id }));
        Assert.Equal([p[0].Id, p[1].Id, p[2].Id], (await john.GetArticlesAsync(db)).Select(x => x.Id).Order());
        Assert.Equal(3, await john.CountArticlesAsync(db));
        Assert.True(await john.HasArticleAsync(db, p[1]));
        Assert.False(await john.HasArticleAsync(db, p[3]));
        Assert.True(await john.HasArticlesAsync(db, [p[0], p[2]]));
        Assert.False(await john.HasArticlesAsync(db, [p[0], p[3]]));

        await john.RemoveArticleAsync(db, p[1]);
        Assert.Null(p[1].AuthorId);
        Assert.Equal(1, await t.Count("Posts", "\"Id\" = @id AND \"AuthorId\" IS NULL", new { id = p[1].Id }));
        Assert.Equal(4, await t.Count("Posts")); // nullable key: unlinked, not deleted
        Assert.Equal(2, await john.CountArticlesAsync(db));
    }

    [Theory, Sqlite, Postgres]
    public async Task Key_overloads_behave_like_instance_overloads(string engine)
    {
        var (t, john, p) = await Blog(engine);
        await using var _ = t;
        var db = t.Db;

        await john.AddArticleAsync(db, p[0].Id);
        await john.AddArticlesAsync(db, new[] { p[1].Id, p[2].Id });
        Assert.True(await john.HasArticleAsync(db, p[0].Id));
        Assert.True(await john.HasArticlesAsync(db, new[] { p[1].Id, p[2].Id }));
        await john.RemoveArticlesAsync(db, new[] { p[0].Id, p[1].Id });
        Assert.Equal(1, await t.Count("Posts", "\"AuthorId\" IS NOT NULL"));
        await john.SetArticlesAsync(db, new[] { p[3].Id });
        Assert.Equal([p[3].Id], await t.Rows<int>("SELECT \"Id\" FROM \"Posts\" WHERE \"AuthorId\" IS NOT NULL"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Set_replaces_the_whole_set(string engine)
    {
        var (t, john, p) = await Blog(engine);
        await using var _ = t;
        var db = t.Db;

        await john.SetArticlesAsync(db, [p[0], p[1]]);
        await john.SetArticlesAsync(db, [p[1], p[2]]);

        var linked = await t.Rows<int>("SELECT \"Id\" FROM \"Posts\" WHERE \"AuthorId\" = @id ORDER BY \"Id\"", new { id = john.Id });
        Assert.Equal([p[1].Id, p[2].Id], linked);
        Assert.Equal(4, await t.Count("Posts"));

        await john.SetArticlesAsync(db, Array.Empty<Post>());
        Assert.Equal(0, await t.Count("Posts", "\"AuthorId\" IS NOT NULL"));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_failed_set_leaves_the_previous_set_intact(string engine)
    {
        var (t, john, p) = await Blog(engine);
        await using var _ = t;
        var db = t.Db;
        await john.SetArticlesAsync(db, [p[0], p[1]]);

        var error = await Assert.ThrowsAsync<AssociationException>(() => john.SetArticlesAsync(db, new[] { p[2].Id, 9999 }));

        Assert.Contains("9999", error.Message);
        Assert.Contains("User.Articles", error.Message);
        Assert.Contains("Post", error.Message);
        Assert.Equal("Articles", error.Association);
        var linked = await t.Rows<int>("SELECT \"Id\" FROM \"Posts\" WHERE \"AuthorId\" = @id ORDER BY \"Id\"", new { id = john.Id });
        Assert.Equal([p[0].Id, p[1].Id], linked);
        Assert.Null(db.CurrentTransaction);
        Assert.Equal(2, await john.CountArticlesAsync(db)); // the session is still usable
    }

    [Theory, Sqlite, Postgres]
    public async Task Adding_a_linked_row_is_a_no_op_and_duplicates_are_ignored(string engine)
    {
        var (t, john, p) = await Blog(engine);
        await using var _ = t;
        var db = t.Db;

        await john.AddArticleAsync(db, p[0]);
        await john.AddArticleAsync(db, p[0]);
        await john.AddArticlesAsync(db, [p[1], p[1], p[0]]);
        await john.SetArticlesAsync(db, new[] { p[2].Id, p[2].Id, p[1].Id });

        Assert.Equal(2, await john.CountArticlesAsync(db));
        Assert.Equal(4, await t.Count("Posts"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Get_and_count_accept_a_query(string engine)
    {
        var (t, john, p) = await Blog(engine);
        await using var _ = t;
        var db = t.Db;
        await john.AddArticlesAsync(db, p);
        var other = await db.InsertAsync(new User { Name = "Other" });
        await other.CreateArticleAsync(db, new Post { Title = "P9", Status = "published" });
        p[1].Status = "published";
        p[3].Status = "published";
        await db.UpdateAsync(p[1]);
        await db.UpdateAsync(p[3]);

        var published = await john.GetArticlesAsync(db, q => q.Where(Post.Columns.Status == "published").OrderByDescending(Post.Columns.Id));
        Assert.Equal([p[3].Id, p[1].Id], published.Select(x => x.Id));
        Assert.Equal(2, await john.CountArticlesAsync(db, q => q.Where(Post.Columns.Status == "published")));

        var page = await john.GetArticlesAsync(db, q => q.OrderBy(Post.Columns.Id).Limit(2).Offset(1));
        Assert.Equal([p[1].Id, p[2].Id], page.Select(x => x.Id));
    }

    [Theory, Sqlite, Postgres]
    public async Task Create_inserts_a_linked_row(string engine)
    {
        var (t, john, _) = await Blog(engine);
        await using var __ = t;

        var created = await john.CreateArticleAsync(t.Db, new Post { Title = "New" });

        Assert.True(created.Id > 0);
        Assert.Equal(john.Id, created.AuthorId);
        Assert.Equal("New", await t.Scalar<string>("SELECT \"Title\" FROM \"Posts\" WHERE \"AuthorId\" = @id", new { id = john.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task Unlinking_through_a_non_nullable_key_deletes_the_row(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Post>();
        var post = await db.InsertAsync(new Post { Title = "P" });
        var c1 = await post.CreateCommentAsync(db, new Comment { Body = "a" });
        var c2 = await post.CreateCommentAsync(db, new Comment { Body = "b" });
        var c3 = await post.CreateCommentAsync(db, new Comment { Body = "c" });

        await post.RemoveCommentAsync(db, c1);
        Assert.Equal(0, await t.Count("Comments", "\"Id\" = @id", new { id = c1.Id }));

        await post.SetCommentsAsync(db, [c3]);
        Assert.Equal([c3.Id], await t.Rows<int>("SELECT \"Id\" FROM \"Comments\""));
        Assert.Equal(0, await t.Count("Comments", "\"Id\" = @id", new { id = c2.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task Two_associations_to_one_target_keep_their_own_columns(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Team>();
        var lions = await db.InsertAsync(new Team { Name = "Lions" });
        var tigers = await db.InsertAsync(new Team { Name = "Tigers" });
        var game = await db.InsertAsync(new Game { Venue = "Arena" });

        await game.SetHomeTeamAsync(db, lions);
        await game.SetAwayTeamAsync(db, tigers.Id);

        Assert.Equal(lions.Id, await t.Scalar<int>("SELECT \"HomeTeamId\" FROM \"Games\""));
        Assert.Equal(tigers.Id, await t.Scalar<int>("SELECT \"AwayTeamId\" FROM \"Games\""));
        Assert.Equal("Lions", (await game.GetHomeTeamAsync(db))!.Name);
        Assert.Equal("Tigers", (await game.GetAwayTeamAsync(db))!.Name);
        Assert.Equal([game.Id], (await lions.GetHomeGamesAsync(db)).Select(g => g.Id));
        Assert.Empty(await lions.GetAwayGamesAsync(db));
        Assert.Equal(1, await tigers.CountAwayGamesAsync(db));
    }
}
