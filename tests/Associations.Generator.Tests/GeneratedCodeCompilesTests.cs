using Associations.Generator.Tests.Infrastructure;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// SPEC §6, "broken or half-typed code yields diagnostics or nothing": whatever the input, the files
/// the generator adds must compile. When a model cannot be generated, the generator must say why
/// (an ASSOC error at the declaration) and leave it out — not emit code that fails with CS errors
/// inside generated files, which the user cannot fix or even read in place.
/// </summary>
public class GeneratedCodeCompilesTests
{
    private static string Source(string models) => "using System;\nusing System.ComponentModel.DataAnnotations;\nusing System.ComponentModel.DataAnnotations.Schema;\nusing Associations;\n\nnamespace Edge;\n\n" + models;

    public static TheoryData<string, string> Inputs => new()
    {
        // ---- inputs that work today
        { "[DefaultValue] of every shape, including ones that do not convert (no default, no compile error)", """
            public enum Mood { Calm = 1, Loud = 2 }
            [Model] public partial class Setting
            {
                public int Id { get; set; }
                [System.ComponentModel.DefaultValue(-1)] public uint Wrapped { get; set; }
                [System.ComponentModel.DefaultValue("x")] public int Mismatched { get; set; }
                [System.ComponentModel.DefaultValue(1.5)] public decimal Price { get; set; }
                [System.ComponentModel.DefaultValue(double.NaN)] public double NotANumber { get; set; }
                [System.ComponentModel.DefaultValue(typeof(Guid), "0f8fad5b-d9cb-469f-a165-70867728950e")] public Guid Uid { get; set; }
                [System.ComponentModel.DefaultValue(typeof(DateTime), "2020-01-02")] public DateTime When { get; set; }
                [System.ComponentModel.DefaultValue(typeof(TimeSpan), "01:02:03")] public TimeSpan Span { get; set; }
                [System.ComponentModel.DefaultValue(typeof(int), "5")] public int Parsed { get; set; }
                [System.ComponentModel.DefaultValue(Mood.Loud)] public Mood Tone { get; set; }
                [System.ComponentModel.DefaultValue("multi\nline \"q\"")] public string Text { get; set; } = "";
                [System.ComponentModel.DefaultValue('c')] public char Letter { get; set; }
                [System.ComponentModel.DefaultValue(null)] public string? Nothing { get; set; }
            }
            """ },
        { "a generated junction named like a model but for case (issue 13.7: hint names)", """
            [BelongsToMany(typeof(Group), Through = "user")] public partial class Member { public int Id { get; set; } }
            public partial class Group { public int Id { get; set; } }
            [Model] public partial class User { public int Id { get; set; } }
            """ },
        { "string scope values with line breaks, quotes and backslashes (issue 13.8: literals)", """
            [HasMany(typeof(Note), ForeignKey = "OwnerId", Constraints = false, ScopeProperty = "Kind", ScopeValue = "multi\nline \"quoted\" back\\slash\r\u2028")]
            public partial class Folder { public int Id { get; set; } }
            public partial class Note { public int Id { get; set; } public string? Kind { get; set; } [Column("odd\ncolumn \"x\"")] public string Body { get; set; } = ""; }
            """ },
        { "internal model", """
            [HasMany(typeof(Post))] internal partial class User { public int Id { get; set; } }
            internal partial class Post { public int Id { get; set; } }
            """ },
        { "key with a private setter", "[Model] public partial class User { public int Id { get; private set; } }" },
        { "key and columns inherited from a base class", """
            public class Entity { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
            [HasMany(typeof(Post))] public partial class User : Entity { }
            public partial class Post : Entity { }
            """ },
        { "models named like framework types", """
            [HasMany(typeof(Task))] [HasOne(typeof(Db))] public partial class User { public int Id { get; set; } }
            public partial class Task { public int Id { get; set; } }
            public partial class Db { public int Id { get; set; } }
            """ },
        { "members named like generated internals", "[Model] public partial class User { public int Id { get; set; } public string Read { get; set; } = \"\"; public string Instance { get; set; } = \"\"; public string Metadata { get; set; } = \"\"; }" },
        { "self-referencing pair", """
            [BelongsTo(typeof(Employee), As = "Manager")]
            [HasMany(typeof(Employee), As = "Reports", ForeignKey = "ManagerId")]
            public partial class Employee { public int Id { get; set; } }
            """ },
        { "aliases named like generated members", """
            [HasOne(typeof(Photo), As = "Attach")]
            [HasMany(typeof(Photo), As = "TryGetChildKeys", Singular = "TryGetChildKey", ForeignKey = "OwnerId")]
            [BelongsTo(typeof(Photo), As = "TryGetParentKey", ForeignKey = "CoverId")]
            public partial class User { public int Id { get; set; } }
            public partial class Photo { public int Id { get; set; } }
            """ },
        { "unsigned keys", """
            [HasMany(typeof(Post))] [BelongsToMany(typeof(Tag), Through = "UserTags")] public partial class User { public uint Id { get; set; } }
            [BelongsTo(typeof(User))] public partial class Post { public ulong Id { get; set; } public char Grade { get; set; } public ushort Rank { get; set; } public sbyte Delta { get; set; } }
            public partial class Tag { [Key, DatabaseGenerated(DatabaseGeneratedOption.None)] public ushort Id { get; set; } }
            """ },
        { "quotes in table and column names", """
            [Model, Table("we\"ird")] public partial class User { public int Id { get; set; } [Column("a\"b")] public string X { get; set; } = ""; }
            """ },
        { "TimeSpan is stored, unsupported property types are skipped", "[Model] public partial class User { public int Id { get; set; } public TimeSpan Span { get; set; } public TimeSpan? MaybeSpan { get; set; } public uint Count { get; set; } public char Initial { get; set; } }" },

        // ---- inputs that currently produce generated code that does not compile
        // (a ForeignKey equal to a navigation's name: see ForeignKeyCollidingWithANavigationIsASSOC002)
        { "default foreign key name taken by a method", """
            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; set; } public void UserId() { } }
            public partial class User { public int Id { get; set; } }
            """ },
        { "HasMany singular equal to a HasOne alias", """
            [HasMany(typeof(Photo))]
            [HasOne(typeof(Photo), As = "Photo", ForeignKey = "AvatarOfId")]
            public partial class User { public int Id { get; set; } }
            public partial class Photo { public int Id { get; set; } }
            """ },
        { "property named Columns", "[Model] public partial class User { public int Id { get; set; } public string Columns { get; set; } = \"\"; }" },
        { "property named with a keyword", "[Model] public partial class User { public int Id { get; set; } public string @class { get; set; } = \"\"; }" },
        { "abstract model", "[Model] public abstract partial class Animal { public int Id { get; set; } }" },
        { "no parameterless constructor", "[Model] public partial class Animal(string name) { public int Id { get; set; } public string Name { get; set; } = name; }" },
        { "required member that is not mapped", "[Model] public partial class Animal { public int Id { get; set; } [NotMapped] public required string Scratch { get; set; } }" },
        { "init-only foreign key", """
            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; set; } public int? UserId { get; init; } }
            public partial class User { public int Id { get; set; } }
            """ },
        { "half-typed class without a name", """
            [HasMany(typeof(Post))]
            public partial class { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """ },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void GeneratedFilesCompile(string description, string models)
    {
        _ = description; // names the case in the test runner
        GeneratorHarness.Run(Source(models), allowErrors: true); // asserts: no exception, no error inside generated files
    }

    /// <summary>Keys that are not integers (a string, a Guid) through a generated junction: no error and no warning
    /// (a non-nullable string junction key once left CS8618 in every build).</summary>
    [Fact]
    public void StringAndGuidKeyedJunctionsCompileWithoutWarnings()
    {
        var result = GeneratorHarness.Run(Source("""
            [BelongsToMany(typeof(Member), Through = "CrewMembers")]
            public partial class Crew { [Key, DatabaseGenerated(DatabaseGeneratedOption.None)] public Guid Id { get; set; } }
            [BelongsToMany(typeof(Crew), Through = "CrewMembers")]
            public partial class Member { [Key] public string Handle { get; set; } = ""; }
            """));
        Assert.Contains("public string MemberHandle { get; set; } = null!;", result.File("Edge.CrewMembers.Associations.g.cs"));
        Assert.Empty(result.GeneratedCodeDiagnostics);
    }

    // ---- what the spec says the generator should report instead (SPEC §3, §6 ASSOC002)

    /// <summary>A foreign-key property is a member of the model: an alias may not collide with it.</summary>
    [Theory]
    [InlineData("""
        [BelongsTo(typeof(User), As = "Author", ForeignKey = "Author")]
        public partial class Post { public int Id { get; set; } }
        public partial class User { public int Id { get; set; } }
        """)]
    [InlineData("""
        [HasMany(typeof(Post), ForeignKey = "User")]
        public partial class User { public int Id { get; set; } }
        [BelongsTo(typeof(User))]
        public partial class Post { public int Id { get; set; } }
        """)]
    public void ForeignKeyCollidingWithANavigationIsASSOC002(string models)
    {
        var source = Source(models);
        var result = GeneratorHarness.Run(source, allowErrors: true, checkCompilation: false);
        var start = source.IndexOf("ForeignKey = ", StringComparison.Ordinal);
        var argument = source.Substring(start, source.IndexOf(')', start) - start);
        DiagnosticAssert.At(DiagnosticAssert.Single(result, "ASSOC002"), source, argument);
        result.AssertGeneratedCodeHasNoErrors();
    }

    /// <summary>"Names that differ only by case are one name (ASSOC002)" — also against the model's own members.</summary>
    [Fact]
    public void AliasDifferingOnlyByCaseFromAMemberIsASSOC002()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = "articles")]
            public partial class User { public int Id { get; set; } public int Articles { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var result = GeneratorHarness.Run(source, allowErrors: true);
        DiagnosticAssert.At(DiagnosticAssert.Single(result, "ASSOC002"), source, "As = \"articles\"");
    }

    /// <summary>
    /// A target that is not a source class (typeof(int), a framework class) cannot be a model; the
    /// error must point at the attribute that names it, since the type itself has no source location.
    /// </summary>
    [Theory]
    [InlineData("HasOne(typeof(int))")]
    [InlineData("HasMany(typeof(string))")]
    [InlineData("HasMany(typeof(System.Collections.Generic.List<>))")]
    public void TargetThatCannotBeAModelIsReportedAtTheAttribute(string attribute)
    {
        var source = Source($$"""
            [{{attribute}}]
            public partial class User { public int Id { get; set; } }
            """);
        var result = GeneratorHarness.Run(source, allowErrors: true);
        var diagnostic = DiagnosticAssert.Single(result, "ASSOC005");
        Assert.True(diagnostic.Location != Microsoft.CodeAnalysis.Location.None, $"ASSOC005 has no location: {diagnostic.GetMessage()}");
        Assert.Equal(DiagnosticAssert.LineOf(source, attribute), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }
}
