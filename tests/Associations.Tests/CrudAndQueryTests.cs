using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

public class CrudAndQueryTests
{
    private static async Task<TestDb> Users(string engine, params string[] names)
    {
        var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        await t.Db.InsertManyAsync(names.Select(n => new User { Name = n, Email = n.StartsWith('J') ? null : n.ToLowerInvariant() + "@x.org" }));
        return t;
    }

    [Theory, Sqlite, Postgres]
    public async Task Insert_returns_the_same_entity_with_its_key(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        var user = new User { Name = "John" };

        var returned = await t.Db.InsertAsync(user);

        Assert.Same(user, returned);
        Assert.True(user.Id > 0);
        Assert.Equal("John", await t.Scalar<string>("SELECT \"Name\" FROM \"Users\" WHERE \"Id\" = @id", new { id = user.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task Insert_many_find_update_delete(string engine)
    {
        await using var t = await Users(engine, "Ann", "Bob", "Cid");
        var db = t.Db;
        var all = await db.Query<User>().OrderBy(User.Columns.Id).ToListAsync();
        Assert.Equal(["Ann", "Bob", "Cid"], all.Select(u => u.Name));
        Assert.Equal(3, all.Select(u => u.Id).Distinct().Count());

        var bob = await db.FindAsync<User>(all[1].Id);
        Assert.Equal("Bob", bob!.Name);
        Assert.Null(await db.FindAsync<User>(999));

        bob.Name = "Robert";
        await db.UpdateAsync(bob);
        Assert.Equal("Robert", await t.Scalar<string>("SELECT \"Name\" FROM \"Users\" WHERE \"Id\" = @id", new { id = bob.Id }));

        await db.DeleteAsync(bob);
        Assert.Equal(2, await t.Count("Users"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Insert_many_is_all_or_nothing(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();

        await Assert.ThrowsAsync<AssociationException>(() => t.Db.InsertManyAsync([new User { Name = "ok" }, new User { Name = null! }]));

        Assert.Equal(0, await t.Count("Users"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Where_order_limit_offset_first_count_any(string engine)
    {
        await using var t = await Users(engine, "Jane", "John", "Mary", "Mike", "Zoe");
        var db = t.Db;
        var q = db.Query<User>();

        Assert.Equal(["Jane", "John"], (await q.Where(User.Columns.Name.Like("J%")).OrderBy(User.Columns.Name).ToListAsync()).Select(u => u.Name));
        Assert.Equal(["Mike", "Mary"], (await q.Where(User.Columns.Name.Like("M%")).OrderByDescending(User.Columns.Name).ToListAsync()).Select(u => u.Name));
        Assert.Equal(["John", "Mary"], (await q.OrderBy(User.Columns.Name).Offset(1).Limit(2).ToListAsync()).Select(u => u.Name));
        Assert.Equal(["Mike", "Zoe"], (await q.OrderBy(User.Columns.Name).Offset(3).ToListAsync()).Select(u => u.Name));
        Assert.Equal("Zoe", (await q.OrderByDescending(User.Columns.Name).FirstOrDefaultAsync())!.Name);
        Assert.Null(await q.Where(User.Columns.Name == "Nobody").FirstOrDefaultAsync());
        Assert.Equal(5, await q.CountAsync());
        Assert.Equal(2, await q.OrderBy(User.Columns.Id).Limit(2).CountAsync());
        Assert.True(await q.Where(User.Columns.Name == "Zoe").AnyAsync());
        Assert.False(await q.Where(User.Columns.Name == "Nobody").AnyAsync());
        Assert.Equal(5, await q.CountAsync()); // builders never change the query they start from
    }

    [Theory, Sqlite, Postgres]
    public async Task Conditions_combine(string engine)
    {
        await using var t = await Users(engine, "Jane", "John", "Mary", "Mike", "Zoe");
        var db = t.Db;
        async Task<string[]> Names(Condition<User> c) =>
            (await db.Query<User>().Where(c).OrderBy(User.Columns.Name).ToListAsync()).Select(u => u.Name).ToArray();

        Assert.Equal(["Jane", "John"], await Names(User.Columns.Email.IsNull()));
        Assert.Equal(["Mary", "Mike", "Zoe"], await Names(User.Columns.Email != null));
        Assert.Equal(["Jane", "Zoe"], await Names(User.Columns.Name == "Jane" | User.Columns.Name == "Zoe"));
        Assert.Equal(["Mike"], await Names(User.Columns.Name.Like("M%") & !(User.Columns.Name == "Mary")));
        Assert.Equal(["John", "Zoe"], await Names(User.Columns.Name.In("John", "Zoe", "Nobody")));
        Assert.Empty(await Names(User.Columns.Name.In(Array.Empty<string>())));
        Assert.Equal(["Mary", "Mike", "Zoe"], await Names(User.Columns.Name > "John"));
        Assert.Equal(["Jane", "John"], await Names(User.Columns.Name <= "John"));
        Assert.Equal(["Mary"], (await db.Query<User>().Where(User.Columns.Name >= "Mary").Where(User.Columns.Name < "Mike").ToListAsync()).Select(u => u.Name));
    }

    [Theory, Sqlite, Postgres]
    public async Task Values_are_parameters_never_sql(string engine)
    {
        await using var t = await Users(engine, "Ann");
        var db = t.Db;
        var evil = "x'; DROP TABLE \"Users\"; --";
        await db.InsertAsync(new User { Name = evil });

        Assert.Single(await db.Query<User>().Where(User.Columns.Name == evil).ToListAsync());
        Assert.Equal(2, await t.Count("Users"));
    }
}
