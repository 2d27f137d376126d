using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>Wrong calls fail with an <see cref="AssociationException"/> naming model, association and key — and change nothing.</summary>
public class BadInputTests
{
    [Theory, Sqlite, Postgres]
    public async Task Accessors_on_an_unsaved_instance_fail_before_touching_the_database(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var saved = await db.InsertAsync(new Post { Title = "saved" });
        var unsaved = new User { Name = "Nobody" };

        var errors = new[]
        {
            await Assert.ThrowsAsync<AssociationException>(() => unsaved.GetArticlesAsync(db)),
            await Assert.ThrowsAsync<AssociationException>(() => unsaved.AddArticleAsync(db, saved)),
            await Assert.ThrowsAsync<AssociationException>(() => unsaved.SetArticlesAsync(db, [saved])),
            await Assert.ThrowsAsync<AssociationException>(() => unsaved.CreateArticleAsync(db, new Post { Title = "x" })),
            await Assert.ThrowsAsync<AssociationException>(() => unsaved.SetProfileAsync(db, new Profile())),
        };

        foreach (var error in errors)
        {
            Assert.Equal("User", error.Model);
            Assert.Contains("not saved", error.Message);
            Assert.Contains("User.", error.Message);
        }
        Assert.Equal(1, await t.Count("Posts"));
        Assert.Equal(0, await t.Count("Posts", "\"AuthorId\" IS NOT NULL"));
        Assert.Equal(0, await t.Count("Users"));
    }

    [Theory, Sqlite, Postgres]
    public async Task An_unsaved_target_is_refused(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });

        var error = await Assert.ThrowsAsync<AssociationException>(() => john.AddArticleAsync(db, new Post { Title = "unsaved" }));

        Assert.Contains("Post", error.Message);
        Assert.Contains("Articles", error.Message);
        Assert.Equal(0, await t.Count("Posts"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Keys_of_no_row_fail_and_roll_back_the_rows_that_did_exist(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var post = await db.InsertAsync(new Post { Title = "real" });

        var error = await Assert.ThrowsAsync<AssociationException>(() => john.AddArticlesAsync(db, new[] { post.Id, 31337 }));

        Assert.Equal("User", error.Model);
        Assert.Equal("Articles", error.Association);
        Assert.Equal(31337, error.Key);
        Assert.Contains("31337", error.Message);
        Assert.Equal(0, await t.Count("Posts", "\"AuthorId\" IS NOT NULL")); // the real post was not linked either
        Assert.Null(db.CurrentTransaction);

        var remove = await Assert.ThrowsAsync<AssociationException>(() => john.RemoveArticleAsync(db, 4040));
        Assert.Contains("4040", remove.Message);
    }

    [Theory, Sqlite, Postgres]
    public async Task A_constraint_violation_is_wrapped_with_the_provider_error_inside(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Post>();

        var error = await Assert.ThrowsAsync<AssociationException>(() => db.InsertAsync(new Comment { Body = "orphan", PostId = 999 }));

        Assert.Equal("Comment", error.Model);
        Assert.Contains("foreign-key", error.Message);
        Assert.IsAssignableFrom<System.Data.Common.DbException>(error.InnerException);
        Assert.Equal(0, await t.Count("Comments"));
        // The session is usable afterwards.
        var post = await db.InsertAsync(new Post { Title = "ok" });
        await post.CreateCommentAsync(db, new Comment { Body = "fine" });
        Assert.Equal(1, await t.Count("Comments"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Null_where_not_allowed_is_refused(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Post>();

        var error = await Assert.ThrowsAsync<AssociationException>(() => db.InsertAsync(new Post { Title = null! }));

        Assert.Contains("NOT NULL", error.Message);
        Assert.Contains("Post", error.Message);
        Assert.Equal(0, await t.Count("Posts"));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_failure_inside_an_ambient_transaction_undoes_only_the_accessor(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var p1 = await db.InsertAsync(new Post { Title = "1" });

        await db.InTransactionAsync(async () =>
        {
            await john.AddArticleAsync(db, p1);
            await Assert.ThrowsAsync<AssociationException>(() => john.SetArticlesAsync(db, new[] { p1.Id, 5555 }));
            // The transaction is still usable (PostgreSQL would refuse every statement after an unhandled error).
            Assert.Equal(1, await john.CountArticlesAsync(db));
        });

        Assert.Equal(john.Id, await t.Scalar<int>("SELECT \"AuthorId\" FROM \"Posts\" WHERE \"Id\" = @id", new { id = p1.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task Update_and_delete_of_a_missing_row_fail(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var ghost = new User { Id = 12345, Name = "Ghost" };

        var update = await Assert.ThrowsAsync<AssociationException>(() => db.UpdateAsync(ghost));
        var delete = await Assert.ThrowsAsync<AssociationException>(() => db.DeleteAsync(ghost));

        Assert.Contains("12345", update.Message);
        Assert.Contains("12345", delete.Message);
        Assert.Equal(0, await t.Count("Users"));
    }
}
