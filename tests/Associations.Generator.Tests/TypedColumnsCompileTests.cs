using Associations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// SPEC §9: columns belong to their model. A query of Post accepts only Post's columns and conditions; a byte[] column
/// offers equality and IsNull only. Each wrong line must fail to compile with the error named, and the same line with
/// the right model must compile.
/// </summary>
public class TypedColumnsCompileTests
{
    private const string Models = """
        using System;
        using System.Threading.Tasks;
        using Associations;

        namespace Typed;

        [HasMany(typeof(Post))]
        public partial class User { public int Id { get; set; } public string Name { get; set; } = ""; public byte[]? Avatar { get; set; } }

        [BelongsTo(typeof(User))]
        public partial class Post { public int Id { get; set; } public string Title { get; set; } = ""; }

        public static class Use
        {
            public static Task Run(DbSession db) => {0};
        }
        """;

    public static TheoryData<string, string> Wrong => new()
    {
        { "db.Query<Post>().Where(User.Columns.Id == 2).ToListAsync()", "CS1503" },
        { "db.Query<Post>().OrderBy(User.Columns.Name).ToListAsync()", "CS1503" },
        { "db.Query<Post>().Select(User.Columns.Name).ToListAsync()", "CS1503" },
        { "db.Query<Post>().Where(Post.Columns.Id == 2 & User.Columns.Id == 3).ToListAsync()", "CS0019" },
        { "db.Query<User>().IncludePosts(p => p.Where(User.Columns.Id == 1)).ToListAsync()", "CS1503" },
        { "db.Query<User>().Where(User.Columns.Avatar < new byte[] { 1 }).ToListAsync()", "CS0019" },
        { "db.Query<User>().OrderBy(User.Columns.Avatar).ToListAsync()", "CS1503" },
        { "db.Query<User>().Where(User.Columns.Id == \"2\").ToListAsync()", "CS0019" },
    };

    public static TheoryData<string> Right => new()
    {
        "db.Query<Post>().Where(Post.Columns.Id == 2).ToListAsync()",
        "db.Query<Post>().OrderBy(Post.Columns.Title).ToListAsync()",
        "db.Query<Post>().Select(Post.Columns.Title).ToListAsync()",
        "db.Query<Post>().Where(Post.Columns.Id == 2 & !Post.Columns.Title.In(\"a\", \"b\")).ToListAsync()",
        "db.Query<User>().IncludePosts(p => p.Where(Post.Columns.Id == 1)).ToListAsync()",
        "db.Query<User>().Where(User.Columns.Avatar == new byte[] { 1 } | User.Columns.Avatar.IsNull()).ToListAsync()",
        "db.Query<User>().Where(User.Columns.Name.Like(\"J%\") & User.Columns.Id >= 2).OrderByDescending(User.Columns.Name).ToListAsync()",
    };

    [Theory]
    [MemberData(nameof(Wrong))]
    public void Another_models_column_does_not_compile(string statement, string error)
    {
        var result = GeneratorHarness.Run(Models.Replace("{0}", statement), allowErrors: true);
        result.AssertGeneratedCodeHasNoErrors();
        var errors = result.OutputErrors.Where(d => !result.IsGenerated(d.Location.SourceTree)).ToList();
        Assert.True(errors.Any(d => d.Id == error), $"expected {error} for {statement}, got:\n{GeneratorResult.Describe(errors)}");
    }

    [Theory]
    [MemberData(nameof(Right))]
    public void The_models_own_column_compiles(string statement) =>
        GeneratorHarness.Run(Models.Replace("{0}", statement)).AssertNoErrors();
}
