using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>SPEC §10: a null argument throws ArgumentNullException naming the accessor's own parameter.</summary>
public class NullArgumentTests
{
    [Theory, Sqlite]
    public async Task Null_instances_name_the_generated_parameter(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var user = await db.InsertAsync(new User { Name = "u" });
        Assert.Equal("article", (await Assert.ThrowsAsync<ArgumentNullException>(() => user.AddArticleAsync(db, (Post)null!))).ParamName);
        Assert.Equal("articles", (await Assert.ThrowsAsync<ArgumentNullException>(() => user.SetArticlesAsync(db, (IEnumerable<Post>)null!))).ParamName);
        Assert.Equal("article", (await Assert.ThrowsAsync<ArgumentNullException>(() => user.CreateArticleAsync(db, null!))).ParamName);
        Assert.Equal("profile", (await Assert.ThrowsAsync<ArgumentNullException>(() => user.CreateProfileAsync(db, null!))).ParamName);
        Assert.Equal("role", (await Assert.ThrowsAsync<ArgumentNullException>(() => user.RemoveRoleAsync(db, (Role)null!))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => user.GetArticlesAsync(null!))).ParamName);
    }
}
