using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

public class HasOneTests
{
    [Theory, Sqlite, Postgres]
    public async Task Set_get_replace_and_unlink(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var first = await db.InsertAsync(new Profile { Bio = "first" });
        var second = await db.InsertAsync(new Profile { Bio = "second" });

        Assert.Null(await john.GetProfileAsync(db));

        await john.SetProfileAsync(db, first);
        Assert.Equal(john.Id, first.UserId);
        Assert.Same(first, john.Profile);
        Assert.Equal("first", (await john.GetProfileAsync(db))!.Bio);

        await john.SetProfileAsync(db, second.Id);
        Assert.Equal(1, await t.Count("Profiles", "\"UserId\" = @id", new { id = john.Id }));
        Assert.Equal(second.Id, await t.Scalar<int>("SELECT \"Id\" FROM \"Profiles\" WHERE \"UserId\" = @id", new { id = john.Id }));
        Assert.Equal(2, await t.Count("Profiles")); // the previous one is unlinked, not deleted

        await john.SetProfileAsync(db, (Profile?)null);
        Assert.Equal(0, await t.Count("Profiles", "\"UserId\" IS NOT NULL"));
        Assert.Null(await john.GetProfileAsync(db));
    }

    [Theory, Sqlite, Postgres]
    public async Task Create_replaces_the_previous_one(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });

        var a = await john.CreateProfileAsync(db, new Profile { Bio = "a" });
        var b = await john.CreateProfileAsync(db, new Profile { Bio = "b" });

        Assert.Equal(john.Id, b.UserId);
        Assert.Equal(b.Id, await t.Scalar<int>("SELECT \"Id\" FROM \"Profiles\" WHERE \"UserId\" = @id", new { id = john.Id }));
        Assert.Equal(1, await t.Count("Profiles", "\"Id\" = @id AND \"UserId\" IS NULL", new { id = a.Id }));
        Assert.Equal("b", (await john.GetProfileAsync(db, q => q.Where(Profile.Columns.Bio.Like("b%"))))!.Bio);
        Assert.Null(await john.GetProfileAsync(db, q => q.Where(Profile.Columns.Bio == "zzz")));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_key_of_no_row_fails_and_changes_nothing(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var profile = await john.CreateProfileAsync(db, new Profile { Bio = "kept" });

        var error = await Assert.ThrowsAsync<AssociationException>(() => john.SetProfileAsync(db, 4242));

        Assert.Contains("4242", error.Message);
        Assert.Contains("User.Profile", error.Message);
        Assert.Equal(profile.Id, await t.Scalar<int>("SELECT \"Id\" FROM \"Profiles\" WHERE \"UserId\" = @id", new { id = john.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task Self_association_uses_the_alias_for_its_key(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Person>();
        var child = await db.InsertAsync(new Person { Name = "Child" });
        var father = await db.InsertAsync(new Person { Name = "Father" });

        // Person.HasOne(Person, As = "Father") stores the key on the target row: Father.FatherId = child.Id.
        await child.SetFatherAsync(db, father);

        Assert.Equal(child.Id, await t.Scalar<int>("SELECT \"FatherId\" FROM \"People\" WHERE \"Id\" = @id", new { id = father.Id }));
        Assert.Equal("Father", (await child.GetFatherAsync(db))!.Name);
        Assert.Null(await father.GetFatherAsync(db));
    }
}
