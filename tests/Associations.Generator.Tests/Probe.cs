using Associations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;
namespace Associations.Generator.Tests;
public class Probe(ITestOutputHelper o)
{
    [Theory]
    [InlineData("fk=alias", "[BelongsTo(typeof(User), As = \"Author\", ForeignKey = \"Author\")] public partial class Post { public int Id { get; set; } } public partial class User { public int Id { get; set; } }")]
    [InlineData("fk=other nav", "[BelongsTo(typeof(User))] public partial class Post { public int Id { get; set; } } [HasMany(typeof(Post), ForeignKey = \"User\")] public partial class User { public int Id { get; set; } }")]
    [InlineData("case member", "[HasMany(typeof(Post), As = \"articles\")] public partial class User { public int Id { get; set; } public int Articles { get; set; } } public partial class Post { public int Id { get; set; } }")]
    [InlineData("typeof int", "[HasOne(typeof(int))] public partial class User { public int Id { get; set; } }")]
    [InlineData("typeof string", "[HasOne(typeof(string))] public partial class User { public int Id { get; set; } }")]
    [InlineData("keyword prop", "[Model] public partial class User { public int Id { get; set; } public string @class { get; set; } = \"\"; }")]
    [InlineData("singular clash", "[HasMany(typeof(Post), As = \"Articles\")] [HasOne(typeof(Post), As = \"Article\", ForeignKey = \"FeaturedById\")] public partial class User { public int Id { get; set; } } public partial class Post { public int Id { get; set; } }")]
    [InlineData("abstract", "[Model] public abstract partial class Animal { public int Id { get; set; } }")]
    [InlineData("primary ctor", "[Model] public partial class Animal(string name) { public int Id { get; set; } public string Name { get; set; } = name; }")]
    [InlineData("required nonmapped", "[Model] public partial class Animal { public int Id { get; set; } [System.ComponentModel.DataAnnotations.Schema.NotMapped] public required string Tmp { get; set; } }")]
    [InlineData("init fk", "[BelongsTo(typeof(User))] public partial class Post { public int Id { get; set; } public int? UserId { get; init; } } public partial class User { public int Id { get; set; } }")]
    [InlineData("half typed", "[HasMany(typeof(Post), As = )] public partial class User { public int Id { get; set; } } public partial class Post { public int Id { get; set; } }")]
    [InlineData("unclosed", "[HasMany(typeof(Post) public partial class User { public int Id { get; set; } ")]
    [InlineData("nameless", "[HasMany(typeof(Post))] public partial class { public int Id { get; set; } }")]
    [InlineData("null target", "[HasMany(null!)] public partial class User { public int Id { get; set; } }")]
    [InlineData("generic target", "[HasMany(typeof(System.Collections.Generic.List<>))] public partial class User { public int Id { get; set; } }")]
    [InlineData("private setter key", "[Model] public partial class User { public int Id { get; private set; } }")]
    [InlineData("self belongs", "[BelongsTo(typeof(User), As = \"Manager\")] [HasMany(typeof(User), As = \"Reports\", ForeignKey = \"ManagerId\")] public partial class User { public int Id { get; set; } }")]
    [InlineData("alias = model", "[HasOne(typeof(Profile), As = \"User\")] public partial class User { public int Id { get; set; } } public partial class Profile { public int Id { get; set; } }")]
    [InlineData("fk dup case", "[BelongsTo(typeof(User), ForeignKey = \"userid\")] public partial class Post { public int Id { get; set; } public int? UserId { get; set; } } public partial class User { public int Id { get; set; } }")]
    [InlineData("key uint", "[Model] public partial class User { public uint Id { get; set; } }")]
    [InlineData("Columns alias", "[HasOne(typeof(Profile), As = \"Columns\")] public partial class User { public int Id { get; set; } } public partial class Profile { public int Id { get; set; } }")]
    [InlineData("internal model", "[HasMany(typeof(Post))] internal partial class User { public int Id { get; set; } } public partial class Post { public int Id { get; set; } }")]
    [InlineData("string FK type mismatch", "[BelongsTo(typeof(User), ForeignKey = \"OwnerId\")] public partial class Post { public int Id { get; set; } public string? OwnerId { get; set; } } public partial class User { public int Id { get; set; } }")]
    [InlineData("nonmapped fk", "[BelongsTo(typeof(User))] public partial class Post { public int Id { get; set; } [System.ComponentModel.DataAnnotations.Schema.NotMapped] public int? UserId { get; set; } } public partial class User { public int Id { get; set; } }")]
    public void Run(string name, string body)
    {
        var src = "using Associations;\nnamespace P;\n" + body;
        var compilation = GeneratorHarness.CreateCompilation(src);
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var dd);
        var r = new GeneratorResult(compilation, output, driver, dd);
        o.WriteLine(name + " exception: " + r.RunResult.Results[0].Exception);
        foreach (var d in r.DriverDiagnostics) o.WriteLine("driver: " + GeneratorResult.Format(d, ""));
        foreach (var d in r.GeneratorDiagnostics) o.WriteLine("gen: " + GeneratorResult.Format(d, ""));
        foreach (var d in r.OutputErrors) o.WriteLine((r.IsGenerated(d.Location.SourceTree) ? "GENERATED " : "user ") + GeneratorResult.Format(d, ""));
        Assert.Fail("probe");
    }
}
