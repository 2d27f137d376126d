using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>SPEC §12: filtering, ordering and counting across associations, checked against plain SQL on both engines.</summary>
public class AcrossAssociationsTests
{
    /// <summary>Ann: 2 posts (1 published) + profile; Bob: 1 draft; Cy: none. Comments on Ann's published post.</summary>
    private static async Task<(TestDb t, User ann, User bob, User cy)> Blog(string engine)
    {
        var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var ann = await db.InsertAsync(new User { Name = "Ann" });
        var bob = await db.InsertAsync(new User { Name = "Bob" });
        var cy = await db.InsertAsync(new User { Name = "Cy" });
        var p1 = await ann.CreateArticleAsync(db, new Post { Title = "Dragons", Status = "published" });
        await ann.CreateArticleAsync(db, new Post { Title = "Draft", Status = "draft" });
        await bob.CreateArticleAsync(db, new Post { Title = "Bobs", Status = "draft" });
        await ann.CreateProfileAsync(db, new Profile { Bio = "ann" });
        await p1.CreateCommentAsync(db, new Comment { Body = "first" });
        await p1.CreateCommentAsync(db, new Comment { Body = "second" });
        return (t, ann, bob, cy);
    }

    private static string[] Names(IEnumerable<User> users) => users.Select(u => u.Name).ToArray();

    [Theory, Sqlite, Postgres]
    public async Task WhereHas_and_WhereHasNo_filter_by_related_rows(string engine)
    {
        var (t, _, _, _) = await Blog(engine);
        await using var _t = t;
        var db = t.Db;
        Assert.Equal(["Ann", "Bob"], Names(await db.Query<User>().WhereHasArticles().OrderBy(User.Columns.Name).ToListAsync()));
        Assert.Equal(["Cy"], Names(await db.Query<User>().WhereHasNoArticles().ToListAsync()));
        Assert.Equal(["Ann"], Names(await db.Query<User>().WhereHasArticles(p => p.Where(Post.Columns.Status == "published")).ToListAsync()));
        Assert.Equal(["Bob", "Cy"], Names(await db.Query<User>().WhereHasNoArticles(p => p.Where(Post.Columns.Status == "published")).OrderBy(User.Columns.Name).ToListAsync()));
        Assert.Equal(["Ann"], Names(await db.Query<User>().WhereHasProfile().ToListAsync()));
        // Nested: users with an article that has a comment; composes with Where, Limit and CountAsync.
        Assert.Equal(["Ann"], Names(await db.Query<User>().WhereHasArticles(p => p.WhereHasComments(c => c.Where(Comment.Columns.Body.Like("s%")))).ToListAsync()));
        Assert.Equal(2, await db.Query<User>().WhereHasArticles().CountAsync());
        Assert.Equal(1, await db.Query<User>().WhereHasArticles().Where(User.Columns.Name != "Ann").Limit(5).CountAsync());
        // To-one the other way, and the negation operator on the same condition.
        var published = await db.Query<Post>().WhereHasAuthor(u => u.Where(User.Columns.Name == "Ann")).OrderBy(Post.Columns.Id).ToListAsync();
        Assert.Equal(["Dragons", "Draft"], published.Select(p => p.Title));
        var expected = await t.Scalar<long>("SELECT COUNT(*) FROM \"Users\" AS u WHERE NOT EXISTS (SELECT 1 FROM \"Posts\" AS p WHERE p.\"AuthorId\" = u.\"Id\")");
        Assert.Equal(expected, await db.Query<User>().WhereHasNoArticles().CountAsync());
    }

    [Theory, Sqlite, Postgres]
    public async Task WhereHas_goes_through_the_junction_for_BelongsToMany(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var jane = await db.InsertAsync(new User { Name = "Jane" });
        var admin = await db.InsertAsync(new Role { Name = "admin" });
        var editor = await db.InsertAsync(new Role { Name = "editor" });
        await john.AddRolesAsync(db, [admin, editor]);
        await jane.AddRoleAsync(db, editor);
        Assert.Equal(["John"], Names(await db.Query<User>().WhereHasRoles(r => r.Where(Role.Columns.Name == "admin")).ToListAsync()));
        Assert.Equal(["Jane"], Names(await db.Query<User>().WhereHasNoRoles(r => r.Where(Role.Columns.Name == "admin")).ToListAsync()));
        var counted = await db.Query<User>().WithRolesCount().OrderBy(User.Columns.Name).ToListAsync();
        Assert.Equal([1, 2], counted.Select(u => u.RolesCount!.Value));
        Assert.All(counted, u => Assert.Null(u.Roles)); // a count never fills the navigation
    }

    [Theory, Sqlite, Postgres]
    public async Task WithCount_counts_in_the_same_statement_and_composes(string engine)
    {
        var (t, ann, bob, cy) = await Blog(engine);
        await using var _t = t;
        var db = t.Db;
        var users = await db.Query<User>().WithArticlesCount().OrderBy(User.Columns.Name).ToListAsync();
        Assert.Equal([2, 1, 0], users.Select(u => u.ArticlesCount!.Value));
        var published = await db.Query<User>().WithArticlesCount(p => p.Where(Post.Columns.Status == "published"))
            .IncludeArticles().Where(User.Columns.Name != "Cy").OrderBy(User.Columns.Name).Limit(1).ToListAsync();
        Assert.Single(published);
        Assert.Equal(1, published[0].ArticlesCount);
        Assert.Equal(2, published[0].Articles!.Count);
        Assert.Null((await db.Query<User>().ToListAsync())[0].ArticlesCount); // null unless asked
    }

    [Theory, Sqlite, Postgres]
    public async Task OrderBy_a_to_one_association_puts_rows_without_one_as_null(string engine)
    {
        var (t, ann, bob, cy) = await Blog(engine);
        await using var _t = t;
        var db = t.Db;
        await db.InsertAsync(new Post { Title = "Orphan" });
        await db.UpdateAsync(await db.InsertAsync(new User { Name = "Aaron" }));
        var ascending = await db.Query<Post>().OrderByAuthor(User.Columns.Name).OrderBy(Post.Columns.Title).ToListAsync();
        Assert.Equal(["Orphan", "Draft", "Dragons", "Bobs"], ascending.Select(p => p.Title));
        var descending = await db.Query<Post>().OrderByDescendingAuthor(User.Columns.Name).OrderBy(Post.Columns.Title).Limit(2).ToListAsync();
        Assert.Equal(["Bobs", "Draft"], descending.Select(p => p.Title));
        var byBio = await db.Query<User>().OrderByDescendingProfile(Profile.Columns.Bio).OrderBy(User.Columns.Name).ToListAsync();
        Assert.Equal("Ann", byBio[0].Name);
    }

    [Theory, Sqlite, Postgres]
    public async Task WithCount_inside_an_include_or_getter_is_read_in_that_statement(string engine)
    {
        var (t, ann, _, _) = await Blog(engine);
        await using var _t = t;
        var db = t.Db;
        // To-one include (a JOIN): the author's count comes with the post.
        var posts = await db.Query<Post>().IncludeAuthor(a => a.WithArticlesCount()).OrderBy(Post.Columns.Id).ToListAsync();
        var expected = await t.Rows<long>("SELECT (SELECT COUNT(*) FROM \"Posts\" AS o WHERE o.\"AuthorId\" = p.\"AuthorId\") FROM \"Posts\" AS p ORDER BY p.\"Id\"");
        Assert.Equal(expected.Select(n => (int?)n), posts.Select(p => p.Author!.ArticlesCount));
        // To-many include, whole and paged per parent.
        var users = await db.Query<User>().IncludeArticles(a => a.WithCommentsCount().OrderBy(Post.Columns.Id)).OrderBy(User.Columns.Name).ToListAsync();
        Assert.Equal([2, 0], users[0].Articles!.Select(p => p.CommentsCount!.Value));
        var paged = await db.Query<User>().IncludeArticles(a => a.WithCommentsCount().OrderBy(Post.Columns.Id).Limit(1)).OrderBy(User.Columns.Name).ToListAsync();
        Assert.Equal(2, Assert.Single(paged[0].Articles!).CommentsCount);
        // A getter, and a stream.
        Assert.Equal([2, 0], (await ann.GetArticlesAsync(db, q => q.WithCommentsCount().OrderBy(Post.Columns.Id))).Select(p => p.CommentsCount!.Value));
        var streamed = new List<int>();
        await foreach (var user in db.Query<User>().WithArticlesCount().OrderBy(User.Columns.Name).AsAsyncEnumerable()) streamed.Add(user.ArticlesCount!.Value);
        Assert.Equal([2, 1, 0], streamed);
    }

    [Theory, Sqlite, Postgres]
    public async Task WithCount_inside_a_BelongsToMany_getter_is_read(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var jane = await db.InsertAsync(new User { Name = "Jane" });
        var admin = await db.InsertAsync(new Role { Name = "admin" });
        var editor = await db.InsertAsync(new Role { Name = "editor" });
        await john.AddRolesAsync(db, [admin, editor]);
        await jane.AddRoleAsync(db, editor);
        var roles = await john.GetRolesAsync(db, q => q.WithUsersCount().OrderBy(Role.Columns.Name));
        Assert.Equal([1, 2], roles.Select(r => r.UsersCount!.Value));
    }

    [Theory, Sqlite, Postgres]
    public async Task ToListAndCountAsync_reads_a_page_and_the_total_without_paging(string engine)
    {
        var (t, _, _, _) = await Blog(engine);
        await using var _t = t;
        var db = t.Db;
        var all = await t.Count("Posts");
        var (page, total) = await db.Query<Post>().OrderBy(Post.Columns.Id).Limit(2).IncludeAuthor().IncludeComments().ToListAndCountAsync();
        Assert.Equal(2, page.Count);
        Assert.Equal(all, total);
        Assert.Equal("Ann", page[0].Author!.Name);
        Assert.Equal(2, page[0].Comments!.Count);
        var (drafts, draftTotal) = await db.Query<Post>().Where(Post.Columns.Status == "draft").WhereHasAuthor().Offset(1).Limit(1).ToListAndCountAsync();
        Assert.Single(drafts);
        Assert.Equal(await t.Count("Posts", "\"Status\" = 'draft'"), draftTotal);
        // An empty page still knows the total (a second statement counts it); an empty result is 0.
        var (past, pastTotal) = await db.Query<Post>().OrderBy(Post.Columns.Id).Offset(10).Limit(5).ToListAndCountAsync();
        Assert.Empty(past);
        Assert.Equal(all, pastTotal);
        Assert.Equal(all, (await db.Query<Post>().Limit(0).ToListAndCountAsync()).Total);
        Assert.Equal(0, (await db.Query<Post>().Where(Post.Columns.Title == "none").ToListAndCountAsync()).Total);
    }

    [Fact]
    public async Task ToListAndCountAsync_is_one_statement_for_a_page_with_rows()
    {
        var logger = new RecordingLogger();
        await using var db = new DbSession(new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:"), logger: logger);
        await db.SyncAsync<User>();
        var ann = await db.InsertAsync(new User { Name = "Ann" });
        for (var i = 0; i < 5; i++) await ann.CreateArticleAsync(db, new Post { Title = "p" + i });
        int Executed() => logger.Entries.Count(e => e.EventId == AssociationsEvents.CommandExecuted);
        var before = Executed();
        var (rows, total) = await db.Query<Post>().OrderBy(Post.Columns.Id).Offset(1).Limit(2).IncludeAuthor().ToListAndCountAsync();
        Assert.Equal((2, 5), (rows.Count, total));
        Assert.Equal(1, Executed() - before);
        before = Executed();
        Assert.Equal(5, (await db.Query<Post>().Offset(7).ToListAndCountAsync()).Total);
        Assert.Equal(2, Executed() - before);
    }
}
