using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

public class TransactionTests
{
    [Theory, Sqlite, Postgres]
    public async Task InTransaction_commits_or_rolls_back(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();

        await db.InTransactionAsync(async () => { await db.InsertAsync(new User { Name = "kept" }); });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async () =>
        {
            await db.InsertAsync(new User { Name = "undone" });
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal(["kept"], await t.Rows<string>("SELECT \"Name\" FROM \"Users\""));
        Assert.Null(db.CurrentTransaction);
    }

    [Theory, Sqlite, Postgres]
    public async Task Nested_transactions_are_savepoints(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();

        var count = await db.InTransactionAsync(async () =>
        {
            await db.InsertAsync(new User { Name = "outer" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async () =>
            {
                await db.InsertAsync(new User { Name = "inner" });
                throw new InvalidOperationException("inner fails");
            }));
            return await db.Query<User>().CountAsync();
        });

        Assert.Equal(1, count);
        Assert.Equal(["outer"], await t.Rows<string>("SELECT \"Name\" FROM \"Users\""));
    }

    [Theory, Sqlite, Postgres]
    public async Task Begin_transaction_rolls_back_unless_committed(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();

        await using (var tx = await db.BeginTransactionAsync())
        {
            await db.InsertAsync(new User { Name = "gone" });
            Assert.NotNull(db.CurrentTransaction);
        }
        await using (var tx = await db.BeginTransactionAsync())
        {
            await db.InsertAsync(new User { Name = "stays" });
            await tx.CommitAsync();
        }

        Assert.Equal(["stays"], await t.Rows<string>("SELECT \"Name\" FROM \"Users\""));
    }

    [Theory, SqliteFile, Postgres]
    public async Task Concurrent_sets_of_one_parent_end_with_one_callers_set(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        var john = await t.Db.InsertAsync(new User { Name = "John" });
        var posts = new List<Post>();
        for (var i = 0; i < 20; i++) posts.Add(await t.Db.InsertAsync(new Post { Title = "P" + i }));
        var setA = posts.Take(10).Select(p => p.Id).ToArray();
        var setB = posts.Skip(10).Select(p => p.Id).ToArray();

        for (var round = 0; round < 5; round++)
        {
            await using var a = t.Open();
            await using var b = t.Open();
            var userA = (await a.FindAsync<User>(john.Id))!;
            var userB = (await b.FindAsync<User>(john.Id))!;
            await Task.WhenAll(
                Task.Run(() => userA.SetArticlesAsync(a, setA)),
                Task.Run(() => userB.SetArticlesAsync(b, setB)));

            var linked = (await t.Rows<int>("SELECT \"Id\" FROM \"Posts\" WHERE \"AuthorId\" = @id ORDER BY \"Id\"", new { id = john.Id })).ToArray();
            Assert.True(linked.SequenceEqual(setA) || linked.SequenceEqual(setB), "a mix of both sets: " + string.Join(",", linked));
        }
    }

    [Theory, SqliteFile]
    public async Task A_file_database_keeps_its_rows_across_sessions(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        var john = await t.Db.InsertAsync(new User { Name = "John" });
        await john.CreateProfileAsync(t.Db, new Profile { Bio = "on disk" });

        await using var other = t.Open();
        await other.SyncAsync<User>();
        var again = (await other.FindAsync<User>(john.Id))!;
        Assert.Equal("on disk", (await again.GetProfileAsync(other))!.Bio);
    }
}
