using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>The database itself enforces the actions: rows are deleted with plain SQL here, not through the library.</summary>
public class ReferentialActionTests
{
    [Theory, Sqlite, Postgres]
    public async Task On_delete_set_null_for_a_nullable_key(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        await john.CreateArticleAsync(db, new Post { Title = "a" });
        await john.CreateArticleAsync(db, new Post { Title = "b" });

        await db.ExecuteSqlAsync("DELETE FROM \"Users\" WHERE \"Id\" = @id", new { id = john.Id });

        Assert.Equal(2, await t.Count("Posts", "\"AuthorId\" IS NULL"));
    }

    [Theory, Sqlite, Postgres]
    public async Task On_delete_cascade_for_a_required_key(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Post>();
        var post = await db.InsertAsync(new Post { Title = "p" });
        await post.CreateCommentAsync(db, new Comment { Body = "c1" });
        await post.CreateCommentAsync(db, new Comment { Body = "c2" });

        await db.DeleteAsync(post);

        Assert.Equal(0, await t.Count("Comments"));
    }

    [Theory, Sqlite, Postgres]
    public async Task On_delete_restrict_refuses_and_keeps_the_rows(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Department>();
        var sales = await db.InsertAsync(new Department { Name = "Sales" });
        await sales.CreateEmployeeAsync(db, new Employee { Name = "Eve" });

        var error = await Assert.ThrowsAsync<AssociationException>(() => db.DeleteAsync(sales));

        Assert.Contains("Department", error.Message);
        Assert.Contains("foreign-key", error.Message);
        Assert.NotNull(error.InnerException);
        Assert.Equal(1, await t.Count("Departments"));
        Assert.Equal(1, await t.Count("Employees", "\"DepartmentId\" = @id", new { id = sales.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task On_update_cascade_follows_a_changed_key(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Country>();
        var fr = await db.InsertAsync(new Country { Code = "FR" });
        var paris = await fr.CreateCityAsync(db, new City { Name = "Paris" });
        Assert.Equal("FR", paris.CountryCode);

        fr.Code = "FRA";
        await db.UpdateAsync(fr);

        Assert.Equal("FRA", await t.Scalar<string>("SELECT \"CountryCode\" FROM \"Cities\" WHERE \"Id\" = @id", new { id = paris.Id }));
        Assert.Equal(1, await fr.CountCitiesAsync(db));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_non_primary_source_key_is_unique(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Country>();
        await db.InsertAsync(new Country { Code = "DE" });

        var error = await Assert.ThrowsAsync<AssociationException>(() => db.InsertAsync(new Country { Code = "DE" }));

        Assert.Contains("unique", error.Message);
        Assert.Equal(1, await t.Count("Countries"));
    }
}
