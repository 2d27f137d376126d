using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>Plain SQL under Native AOT: the Dapper overloads say they need reflection; the list overloads do not use it.</summary>
public class PlainSqlAotTests
{
    [Fact]
    public void The_Dapper_overloads_are_annotated_for_trimming_and_AOT()
    {
        var dapper = typeof(DbSession).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name is "ExecuteSqlAsync" or "QuerySqlAsync" or "ScalarSqlAsync")
            .Where(m => m.GetParameters()[1].ParameterType == typeof(object))
            .ToList();
        Assert.Equal(3, dapper.Count);
        Assert.All(dapper, m =>
        {
            Assert.NotNull(m.GetCustomAttribute<RequiresDynamicCodeAttribute>());
            Assert.NotNull(m.GetCustomAttribute<RequiresUnreferencedCodeAttribute>());
        });
        var safe = typeof(DbSession).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name is "ExecuteSqlAsync" or "QuerySqlAsync" or "ScalarSqlAsync")
            .Where(m => m.GetParameters()[1].ParameterType == typeof(IReadOnlyList<object?>))
            .ToList();
        Assert.Equal(3, safe.Count);
        Assert.All(safe, m => Assert.Null(m.GetCustomAttribute<RequiresDynamicCodeAttribute>()));
    }

    [Theory, Sqlite, Postgres]
    public async Task List_overloads_bind_positional_parameters_and_read_models_by_column_name(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        var john = await t.Db.InsertAsync(new User { Name = "John", Email = "j@x" });
        await t.Db.InsertAsync(new User { Name = "Jane" });

        Assert.Equal(1, await t.Db.ExecuteSqlAsync("UPDATE \"Users\" SET \"Email\" = @p0 WHERE \"Id\" = @p1", ["john@x", john.Id]));
        Assert.Equal(2L, await t.Db.ScalarSqlAsync<long>("SELECT COUNT(*) FROM \"Users\"", []));
        Assert.Equal(2, await t.Db.ScalarSqlAsync<int>("SELECT COUNT(*) FROM \"Users\"", null!));
        Assert.Null(await t.Db.ScalarSqlAsync<string>("SELECT \"Email\" FROM \"Users\" WHERE \"Name\" = @p0", ["Jane"]));

        var all = await t.Db.QuerySqlAsync<User>("SELECT * FROM \"Users\" WHERE \"Name\" LIKE @p0 ORDER BY \"Id\"", ["J%"]);
        Assert.Equal(["John", "Jane"], all.Select(u => u.Name));
        Assert.Equal("john@x", all[0].Email);

        // columns in any order, some missing: matched by name, the others keep their defaults
        var partial = await t.Db.QuerySqlAsync<User>("SELECT \"Name\", \"Id\" FROM \"Users\" WHERE \"Id\" = @p0", [john.Id]);
        Assert.Equal(john.Id, Assert.Single(partial).Id);
        Assert.Equal("John", partial[0].Name);
        Assert.Null(partial[0].Email);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => t.Db.QuerySqlAsync<User>("SELECT 1 AS \"x\"", []));
        Assert.Contains("none of the columns of User", error.Message, StringComparison.Ordinal);
    }
}
