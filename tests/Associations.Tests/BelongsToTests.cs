using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

public class BelongsToTests
{
    [Theory, Sqlite, Postgres]
    public async Task Set_get_and_unlink(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Post>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var jane = await db.InsertAsync(new User { Name = "Jane" });
        var post = await db.InsertAsync(new Post { Title = "Hello" });

        Assert.Null(await post.GetAuthorAsync(db));
        await post.SetAuthorAsync(db, john);
        Assert.Equal(john.Id, post.AuthorId);
        Assert.Equal(john.Id, await t.Scalar<int>("SELECT \"AuthorId\" FROM \"Posts\" WHERE \"Id\" = @id", new { id = post.Id }));
        Assert.Equal("John", (await post.GetAuthorAsync(db))!.Name);

        await post.SetAuthorAsync(db, jane.Id);
        Assert.Equal(jane.Id, await t.Scalar<int>("SELECT \"AuthorId\" FROM \"Posts\" WHERE \"Id\" = @id", new { id = post.Id }));
        Assert.Null(await post.GetAuthorAsync(db, q => q.Where(User.Columns.Name == "John")));
        Assert.Equal("Jane", (await post.GetAuthorAsync(db, q => q.Where(User.Columns.Name == "Jane")))!.Name);

        await post.SetAuthorAsync(db, (User?)null);
        Assert.Null(post.AuthorId);
        Assert.Equal(1, await t.Count("Posts", "\"AuthorId\" IS NULL"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Create_inserts_the_target_and_links_it(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Post>();
        var post = await db.InsertAsync(new Post { Title = "Hello" });

        var author = await post.CreateAuthorAsync(db, new User { Name = "Created" });

        Assert.True(author.Id > 0);
        Assert.Same(author, post.Author);
        Assert.Equal(author.Id, await t.Scalar<int>("SELECT \"AuthorId\" FROM \"Posts\" WHERE \"Id\" = @id", new { id = post.Id }));
        Assert.Equal("Created", await t.Scalar<string>("SELECT \"Name\" FROM \"Users\" WHERE \"Id\" = @id", new { id = author.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task Setting_a_missing_target_fails_and_keeps_the_old_key(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Post>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var post = await db.InsertAsync(new Post { Title = "Hello" });
        await post.SetAuthorAsync(db, john);

        var error = await Assert.ThrowsAsync<AssociationException>(() => post.SetAuthorAsync(db, 777));

        Assert.Contains("777", error.Message);
        Assert.Contains("Post.Author", error.Message);
        Assert.Equal(john.Id, post.AuthorId);
        Assert.Equal(john.Id, await t.Scalar<int>("SELECT \"AuthorId\" FROM \"Posts\" WHERE \"Id\" = @id", new { id = post.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task The_inverse_has_many_sees_the_same_column(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Team>();
        var team = await db.InsertAsync(new Team { Name = "Lions" });
        var ann = await db.InsertAsync(new Player { Name = "Ann" });
        var bob = await db.InsertAsync(new Player { Name = "Bob" });

        await ann.SetTeamAsync(db, team);
        await team.AddPlayerAsync(db, bob);

        Assert.Equal(2, await team.CountPlayersAsync(db));
        Assert.Equal(team.Id, (await bob.GetTeamAsync(db))!.Id);
        Assert.Equal(2, await t.Count("Players", "\"TeamId\" = @id", new { id = team.Id }));
    }
}
