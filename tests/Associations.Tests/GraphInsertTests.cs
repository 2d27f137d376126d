using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>SPEC §12 graph insert: InsertAsync saves what the loaded navigations hold, in one transaction, checked with plain SQL.</summary>
public class GraphInsertTests
{
    [Theory, Sqlite, Postgres]
    public async Task A_new_user_with_new_posts_profile_comments_and_projects_is_saved_whole(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var existing = await db.InsertAsync(new Project { Title = "old" });
        var user = new User
        {
            Name = "Gina",
            Profile = new Profile { Bio = "graphs" },
            Articles = [new Post { Title = "one", Comments = [new Comment { Body = "c1" }, new Comment { Body = "c2" }] }, new Post { Title = "two" }],
            Projects = [new Project { Title = "new", UserProject = new UserProject { Status = "started", Hours = 3 } }, existing],
        };
        await db.InsertAsync(user);

        Assert.NotEqual(0, user.Id);
        Assert.All(user.Articles, p => Assert.Equal(user.Id, p.AuthorId));
        Assert.Equal(2, await t.Count("Posts", "\"AuthorId\" = @id", new { id = user.Id }));
        Assert.Equal(2, await t.Count("Comments", "\"PostId\" = @id", new { id = user.Articles[0].Id }));
        Assert.Equal(1, await t.Count("Profiles", "\"UserId\" = @id", new { id = user.Id }));
        Assert.Equal(2, await t.Count("Projects")); // the saved project is linked, not inserted again
        Assert.Equal(1, await t.Count("UserProjects", "\"UserId\" = @id AND \"Status\" = 'started' AND \"Hours\" = 3", new { id = user.Id }));
        Assert.Equal(1, await t.Count("UserProjects", "\"UserId\" = @id AND \"ProjectId\" = @p", new { id = user.Id, p = existing.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_new_BelongsTo_target_is_inserted_first(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var post = await db.InsertAsync(new Post { Title = "p", Author = new User { Name = "Ann" } });
        Assert.NotNull(post.AuthorId);
        Assert.Equal(post.Author!.Id, post.AuthorId);
        Assert.Equal("Ann", await t.Scalar<string>("SELECT \"Name\" FROM \"Users\" WHERE \"Id\" = @id", new { id = post.AuthorId }));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_child_that_fails_rolls_back_the_whole_graph_and_puts_keys_back(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var ghost = new Project { Id = 999, Title = "not in the database" };
        var user = new User { Name = "Hal", Articles = [new Post { Title = "kept?" }], Projects = [ghost] };
        await Assert.ThrowsAsync<AssociationException>(() => db.InsertAsync(user));
        Assert.Equal(0, await t.Count("Users"));
        Assert.Equal(0, await t.Count("Posts"));
        Assert.Equal(0, user.Id);
        Assert.Equal(0, user.Articles![0].Id);
        Assert.Null(user.Articles[0].AuthorId);
        await db.InsertAsync(new User { Name = "after" }); // the session is usable
    }
}
