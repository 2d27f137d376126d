using Associations.Generator.Diagnostics;
using Associations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// SPEC §6: broken or half-typed code yields diagnostics (at the right place) or nothing — never an
/// exception (CS8785), never an internal error (ASSOC999). The harness checks both on every run, plus
/// that whatever the generator does emit compiles.
/// </summary>
public class BrokenInputTests
{
    private static string Source(string models) => "using System;\nusing System.ComponentModel.DataAnnotations;\nusing Associations;\n\nnamespace Broken;\n\n" + models;

    private static GeneratorResult Run(string source) => GeneratorHarness.Run(source, allowErrors: true);

    private static void AssertOnlyUserErrors(GeneratorResult result, params string[] compilerIds)
    {
        Assert.Equal(compilerIds.OrderBy(x => x), result.OutputErrors.Where(d => !d.Id.StartsWith("ASSOC")).Select(d => d.Id).Distinct().OrderBy(x => x));
    }

    [Fact]
    public void TypeofAMissingType()
    {
        var source = Source("""
            [HasMany(typeof(Missing))]
            public partial class User { public int Id { get; set; } }
            """);
        var result = Run(source);

        Assert.Empty(result.GeneratorDiagnostics);
        AssertOnlyUserErrors(result, "CS0246");
        Assert.Contains(result.Files, f => f.HintName == "Broken.User.Associations.g.cs"); // still a model
    }

    [Fact]
    public void AttributeWithoutArguments()
    {
        var source = Source("""
            [HasMany]
            [BelongsTo()]
            public partial class User { public int Id { get; set; } }
            """);
        var result = Run(source);

        Assert.Empty(result.GeneratorDiagnostics);
        AssertOnlyUserErrors(result, "CS7036");
    }

    [Fact]
    public void HalfTypedNamedArgument()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = )]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var result = Run(source);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void UnclosedAttribute()
    {
        var source = Source("""
            [HasMany(typeof(Post)
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        Run(source);
    }

    [Fact]
    public void NonPartialClassIsASSOC005()
    {
        var source = Source("""
            [HasMany(typeof(Post))]
            public class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var result = Run(source);

        var diagnostic = DiagnosticAssert.Single(result, "ASSOC005");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        DiagnosticAssert.At(diagnostic, source, "class User", "User");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.NotPartial, "User");
        Assert.DoesNotContain(result.Files, f => f.HintName.Contains("User"));
    }

    [Fact]
    public void NonPartialTargetIsASSOC005()
    {
        var source = Source("""
            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; set; } }
            public class User { public int Id { get; set; } }
            """);
        var result = Run(source);

        DiagnosticAssert.At(DiagnosticAssert.Single(result, "ASSOC005"), source, "class User", "User");
    }

    [Theory]
    [InlineData("public partial record struct User { public int Id { get; set; } }", "record struct User", nameof(DiagnosticDescriptors.ModelNotAClass))]
    [InlineData("public partial struct User { public int Id { get; set; } }", "struct User", nameof(DiagnosticDescriptors.ModelNotAClass))]
    [InlineData("public static partial class User { public static int Id { get; set; } }", "class User", nameof(DiagnosticDescriptors.ModelStatic))]
    [InlineData("public partial class User<T> { public int Id { get; set; } }", "class User", nameof(DiagnosticDescriptors.ModelGeneric))]
    public void OtherShapesThatCannotBeModelsAreASSOC005(string declaration, string context, string problem)
    {
        var source = Source("[Model]\n" + declaration);
        var result = Run(source);

        var diagnostic = DiagnosticAssert.Single(result, "ASSOC005");
        DiagnosticAssert.At(diagnostic, source, context, "User");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ByName[problem], "User");
    }

    [Theory]
    [InlineData("public class Outer", "public partial class Inner", nameof(DiagnosticDescriptors.ModelNestedInNonPartial))]
    [InlineData("public partial class Outer<T>", "public partial class Inner", nameof(DiagnosticDescriptors.ModelNestedInGeneric))]
    [InlineData("partial class Outer", "private partial class Inner", nameof(DiagnosticDescriptors.ModelHiddenInContainer))]
    [InlineData("public partial class Outer", "protected partial class Inner", nameof(DiagnosticDescriptors.ModelHiddenInContainer))]
    public void ModelNestedWhereGeneratedCodeCannotReachItIsASSOC005(string outer, string inner, string problem)
    {
        var source = Source($$"""
            {{outer}}
            {
                [Model]
                {{inner}} { public int Id { get; set; } }
            }
            """);
        var result = Run(source);

        var diagnostic = DiagnosticAssert.Single(result, "ASSOC005");
        DiagnosticAssert.At(diagnostic, source, "class Inner", "Inner");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ByName[problem], "Inner", "Outer");
    }

    [Fact]
    public void ModelNestedInAPrivateContainerIsASSOC005()
    {
        var source = Source("""
            public partial class Outer
            {
                private partial class Middle
                {
                    [Model]
                    public partial class Inner { public int Id { get; set; } }
                }
            }
            """);
        var result = Run(source);

        var diagnostic = DiagnosticAssert.Single(result, "ASSOC005");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ModelNestedInHidden, "Inner", "Middle");
    }

    [Fact]
    public void ClassWithoutIdIsASSOC006()
    {
        var source = Source("""
            [HasMany(typeof(Post))]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public string Title { get; set; } = ""; }
            """);
        var result = Run(source);

        var diagnostic = DiagnosticAssert.Single(result, "ASSOC006");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        DiagnosticAssert.At(diagnostic, source, "class Post", "Post");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.NoPrimaryKey, "Post");
    }

    [Fact]
    public void TwoKeysIsASSOC006()
    {
        var source = Source("""
            [Model]
            public partial class Pair { [Key] public int A { get; set; } [Key] public int B { get; set; } }
            """);
        DiagnosticAssert.At(DiagnosticAssert.Single(Run(source), "ASSOC006"), source, "class Pair", "Pair");
    }

    [Fact]
    public void BelongsToManyWithoutThroughIsASSOC007()
    {
        var source = Source("""
            [BelongsToMany(typeof(Role))]
            public partial class User { public int Id { get; set; } }
            public partial class Role { public int Id { get; set; } }
            """);
        var result = Run(source);

        var diagnostic = DiagnosticAssert.Single(result, "ASSOC007");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        DiagnosticAssert.At(diagnostic, source, "BelongsToMany(typeof(Role))");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.MissingThrough, "User", "Role", "UserRoles");
    }

    [Fact]
    public void AliasReusedIsASSOC002()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = "Posts")]
            [HasMany(typeof(Comment), As = "Posts")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            public partial class Comment { public int Id { get; set; } }
            """);
        var result = Run(source);

        var diagnostic = DiagnosticAssert.Single(result, "ASSOC002");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        DiagnosticAssert.At(diagnostic, source, "[HasMany(typeof(Comment), As = \"Posts\")]", "As = \"Posts\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.AliasReused, "Posts", "User", "Comment");
    }

    [Fact]
    public void AliasesThatDifferOnlyByCaseAreASSOC002()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = "Posts")]
            [HasMany(typeof(Comment), As = "posts")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            public partial class Comment { public int Id { get; set; } }
            """);
        DiagnosticAssert.At(DiagnosticAssert.Single(Run(source), "ASSOC002"), source, "As = \"posts\"");
    }

    [Fact]
    public void AliasCollidingWithAMemberIsASSOC002()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = "Articles")]
            public partial class User { public int Id { get; set; } public int Articles { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        DiagnosticAssert.At(DiagnosticAssert.Single(Run(source), "ASSOC002"), source, "As = \"Articles\"");
    }

    [Theory]
    [InlineData("My Posts")]
    [InlineData("class")]
    [InlineData("1st")]
    [InlineData("")]
    public void InvalidAliasIsASSOC003(string alias)
    {
        var source = Source($$"""
            [HasMany(typeof(Post), As = "{{alias}}")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var result = Run(source);

        var diagnostic = DiagnosticAssert.Single(result, "ASSOC003");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        DiagnosticAssert.At(diagnostic, source, $"As = \"{alias}\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.AliasNotIdentifier, alias, "User");
    }

    [Fact]
    public void InvalidForeignKeyNameIsASSOC003()
    {
        var source = Source("""
            [BelongsTo(typeof(User), ForeignKey = "User Id")]
            public partial class Post { public int Id { get; set; } }
            public partial class User { public int Id { get; set; } }
            """);
        DiagnosticAssert.At(DiagnosticAssert.Single(Run(source), "ASSOC003"), source, "ForeignKey = \"User Id\"");
    }

    [Fact]
    public void ForeignKeyOfTheWrongTypeIsASSOC008()
    {
        var source = Source("""
            [BelongsTo(typeof(User), ForeignKey = "OwnerId")]
            public partial class Post
            {
                public int Id { get; set; }
                public string? OwnerId { get; set; }
            }
            public partial class User { public int Id { get; set; } }
            """);
        var result = Run(source);

        var diagnostic = DiagnosticAssert.Single(result, "ASSOC008");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        DiagnosticAssert.At(diagnostic, source, "ForeignKey = \"OwnerId\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ForeignKeyTypeMismatch, "Post", "OwnerId", "string", "User", "Id", "int");
    }

    [Fact]
    public void DefaultForeignKeyDeclaredWithTheWrongTypeIsASSOC008()
    {
        var source = Source("""
            [HasMany(typeof(Post))]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } public long UserId { get; set; } }
            """);
        DiagnosticAssert.At(DiagnosticAssert.Single(Run(source), "ASSOC008"), source, "HasMany(typeof(Post))");
    }

    [Fact]
    public void SourceKeyNamingNoPropertyIsASSOC008()
    {
        var source = Source("""
            [HasMany(typeof(Post), SourceKey = "Email")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var diagnostic = DiagnosticAssert.Single(Run(source), "ASSOC008");
        DiagnosticAssert.At(diagnostic, source, "SourceKey = \"Email\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.KeyNamesNoProperty, "SourceKey", "Email", "User.Posts", "User");
    }

    [Fact]
    public void SetNullOnANonNullableForeignKeyIsASSOC009()
    {
        var source = Source("""
            [BelongsTo(typeof(User), OnDelete = ReferentialAction.SetNull)]
            public partial class Post { public int Id { get; set; } public int UserId { get; set; } }
            public partial class User { public int Id { get; set; } }
            """);
        var result = Run(source);
        var diagnostic = DiagnosticAssert.Single(result, "ASSOC009");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        DiagnosticAssert.At(diagnostic, source, "OnDelete = ReferentialAction.SetNull");
        result.AssertNoErrors(); // a warning: the code still compiles
    }

    [Fact]
    public void PairThatResolvesToTwoColumnsIsASSOC010()
    {
        var source = Source("""
            [HasMany(typeof(Post))]
            public partial class User { public int Id { get; set; } }
            [BelongsTo(typeof(User), As = "Author")]
            public partial class Post { public int Id { get; set; } }
            """);
        var result = Run(source);
        var diagnostic = DiagnosticAssert.Single(result, "ASSOC010");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        DiagnosticAssert.At(diagnostic, source, "BelongsTo(typeof(User), As = \"Author\")");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.InverseUsesAnotherColumn, "User", "Posts", "Post", "UserId", "Post", "Author", "AuthorId");
        DiagnosticAssert.OtherAt(diagnostic, "HasMany(typeof(Post))");
    }

    [Fact]
    public void ManyBrokenModelsAtOnceStillGenerateTheValidOnes()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = "My Posts")]
            [HasMany(typeof(Post), As = "Posts")]
            [HasMany(typeof(Post), As = "posts")]
            [BelongsToMany(typeof(Tag))]
            [HasOne(typeof(Missing))]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            public partial class Tag { }
            public class Loose { }
            [BelongsTo(typeof(Loose))]
            public partial class Note { public int Id { get; set; } }
            """);
        var result = Run(source);

        Assert.Equal(new[] { "ASSOC002", "ASSOC003", "ASSOC005", "ASSOC006" },
            result.GeneratorDiagnostics.Select(d => d.Id).Distinct().OrderBy(x => x));
        var files = result.Files.Select(f => f.HintName).ToList();
        Assert.Subset(files.ToHashSet(), new HashSet<string> { "Associations.ModelRegistry.g.cs", "Broken.Note.Associations.g.cs", "Broken.Post.Associations.g.cs", "Broken.User.Associations.g.cs" });
        Assert.DoesNotContain(files, f => f.Contains("Tag") || f.Contains("Loose"));
        Assert.Single(result.Properties("Broken.Post", "UserId"));
        Assert.NotEmpty(result.Type("Broken.User").GetMembers("GetPostsAsync"));
    }
}
