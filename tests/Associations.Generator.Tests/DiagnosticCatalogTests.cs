using System.Globalization;
using Associations.Generator.Diagnostics;
using Associations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// SPEC §6, one id at a time: for each of ASSOC001–ASSOC010 an input that triggers it — the id alone, its
/// severity, exactly where the squiggle goes (file, line and the text it covers), the words of its message
/// that tell the user what is wrong and how to fix it — and a close variant that is valid: no diagnostic at
/// all, and input plus generated code compile.
/// </summary>
public class DiagnosticCatalogTests
{
    private static string Source(string models) =>
        "using System;\nusing System.ComponentModel.DataAnnotations;\nusing Associations;\n\nnamespace Catalog;\n\n" + models;

    /// <summary>
    /// Runs the generator and returns the one diagnostic <paramref name="id"/>; it must be the only diagnostic
    /// of the run, have <paramref name="severity"/> and link its docs page. A warning leaves compiling code.
    /// </summary>
    private static Diagnostic Trigger(string source, string id, DiagnosticSeverity severity)
    {
        var result = GeneratorHarness.Run(source, allowErrors: true);
        var diagnostic = DiagnosticAssert.Single(result, id);
        Assert.True(result.GeneratorDiagnostics.All(d => d.Id == id),
            $"Only {id} was expected:\n" + GeneratorResult.Describe(result.GeneratorDiagnostics));
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(severity, diagnostic.Descriptor.DefaultSeverity);
        Assert.EndsWith("/" + id + ".md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        if (severity == DiagnosticSeverity.Warning) result.AssertNoErrors(); // a warning: the code still compiles
        return diagnostic;
    }

    /// <summary>The near miss: no diagnostic at all, and everything compiles (the harness checks it).</summary>
    private static GeneratorResult Clean(string source)
    {
        var result = GeneratorHarness.Run(source);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, "Expected no diagnostics:\n" + GeneratorResult.Describe(result.GeneratorDiagnostics));
        Assert.NotEmpty(result.Files);
        return result;
    }

    private static string Bytes(string name) => System.Text.Encoding.UTF8.GetByteCount(name).ToString(CultureInfo.InvariantCulture);

    // ================================================================== ASSOC001 cyclic foreign keys

    private const string DocumentCycle = """
        [HasMany(typeof(Version))]
        [BelongsTo(typeof(Version), As = "Current"{0})]
        public partial class Document { public int Id { get; set; } public string Title { get; set; } = ""; }

        public partial class Version { public int Id { get; set; } public string Body { get; set; } = ""; }
        """;

    [Fact]
    public void ASSOC001_TwoModelCycle()
    {
        var source = Source(DocumentCycle.Replace("{0}", ""));
        var diagnostic = Trigger(source, "ASSOC001", DiagnosticSeverity.Error);

        // On the attribute of one edge of the cycle: Document.CurrentId -> Version.
        DiagnosticAssert.At(diagnostic, source, "BelongsTo(typeof(Version), As = \"Current\")");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.CyclicForeignKeys, "Document -> Version -> Document", "Document.CurrentId, Version.DocumentId");
        Assert.Equal("Constraints", diagnostic.Properties["Fix"]); // what the code fix adds
        DiagnosticAssert.OthersAt(diagnostic, "HasMany(typeof(Version))"); // Version.DocumentId, the other edge
    }

    [Fact]
    public void ASSOC001_TwoModelCycleBrokenByConstraintsFalse() =>
        Clean(Source(DocumentCycle.Replace("{0}", ", Constraints = false")));

    [Fact]
    public void ASSOC001_ConstraintsFalseOnTheOtherEdgeAlsoBreaksIt() =>
        Clean(Source(DocumentCycle.Replace("{0}", "").Replace("[HasMany(typeof(Version))]", "[HasMany(typeof(Version), Constraints = false)]")));

    private const string ThreeCycle = """
        [BelongsTo(typeof(B))]
        public partial class A { public int Id { get; set; } }

        [BelongsTo(typeof(C){0})]
        public partial class B { public int Id { get; set; } }

        [BelongsTo(typeof(A))]
        public partial class C { public int Id { get; set; } }
        """;

    [Fact]
    public void ASSOC001_ThreeModelCycle()
    {
        var source = Source(ThreeCycle.Replace("{0}", ""));
        var diagnostic = Trigger(source, "ASSOC001", DiagnosticSeverity.Error);

        DiagnosticAssert.At(diagnostic, source, "BelongsTo(typeof(B))");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.CyclicForeignKeys, "A -> B -> C -> A", "A.BId, B.CId, C.AId");
        DiagnosticAssert.OthersAt(diagnostic, "BelongsTo(typeof(C))", "BelongsTo(typeof(A))"); // the other edges of the cycle
    }

    [Fact]
    public void ASSOC001_ThreeModelCycleBrokenOnOneEdge() =>
        Clean(Source(ThreeCycle.Replace("{0}", ", Constraints = false")));

    [Fact]
    public void ASSOC001_ThreeModelChainWithoutTheClosingEdgeIsNoCycle() =>
        Clean(Source(ThreeCycle.Replace("{0}", "").Replace("[BelongsTo(typeof(A))]\n", "[Model]\n")));

    [Fact]
    public void ASSOC001_SelfReferenceIsNotACycle() => Clean(Source("""
        [BelongsTo(typeof(Employee), As = "Manager")]
        [HasMany(typeof(Employee), As = "Reports", ForeignKey = "ManagerId")]
        [HasOne(typeof(Employee), As = "Mentor")]
        public partial class Employee { public int Id { get; set; } public string Name { get; set; } = ""; }
        """));

    [Fact]
    public void ASSOC001_SelfReferenceBesideATwoModelCycleReportsOnlyTheCycle()
    {
        var source = Source(DocumentCycle.Replace("{0}", "").Replace("public partial class Version", "[BelongsTo(typeof(Version), As = \"Predecessor\")]\npublic partial class Version"));
        var diagnostic = Trigger(source, "ASSOC001", DiagnosticSeverity.Error);
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.CyclicForeignKeys, "Document -> Version -> Document", "Document.CurrentId, Version.DocumentId");
    }

    // ================================================================== ASSOC002 alias reused / colliding

    [Fact]
    public void ASSOC002_AliasReused()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = "Posts")]
            [HasMany(typeof(Comment), As = "Posts")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            public partial class Comment { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC002", DiagnosticSeverity.Error);

        // The second use of the alias, its As argument.
        DiagnosticAssert.At(diagnostic, source, "[HasMany(typeof(Comment), As = \"Posts\")]", "As = \"Posts\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.AliasReused, "Posts", "User", "Comment");
        DiagnosticAssert.OtherAt(diagnostic, "As = \"Posts\""); // the first association that took the alias
    }

    /// <summary>The BelongsToMany is left out; its generated junction must go with it, not be reported as a model without a key.</summary>
    [Fact]
    public void ASSOC002_AliasReusedByABelongsToManyWithAGeneratedJunction()
    {
        var source = Source("""
            [BelongsToMany(typeof(Role), Through = "UserRoles")]
            [BelongsToMany(typeof(Tag), As = "Roles", Through = "UserTags")]
            public partial class User { public int Id { get; set; } }
            public partial class Role { public int Id { get; set; } }
            public partial class Tag { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC002", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "As = \"Roles\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.AliasReused, "Roles", "User", "Tag");
        DiagnosticAssert.OtherAt(diagnostic, "BelongsToMany(typeof(Role), Through = \"UserRoles\")"); // named by default: the whole attribute
    }

    [Fact]
    public void ASSOC002_DistinctAliases() => Clean(Source("""
        [HasMany(typeof(Post), As = "Posts")]
        [HasMany(typeof(Comment), As = "Comments")]
        public partial class User { public int Id { get; set; } }
        public partial class Post { public int Id { get; set; } }
        public partial class Comment { public int Id { get; set; } }
        """));

    [Fact]
    public void ASSOC002_AliasCollidingWithAMember()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = "Articles")]
            public partial class User { public int Id { get; set; } public int Articles { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC002", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "As = \"Articles\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.AliasCollidesWithMember, "Articles", "User", "Articles");
    }

    [Fact]
    public void ASSOC002_AliasBesideAMemberWithAnotherName() => Clean(Source("""
        [HasMany(typeof(Post), As = "Articles")]
        public partial class User { public int Id { get; set; } public int ArticleCount { get; set; } }
        public partial class Post { public int Id { get; set; } }
        """));

    /// <summary>Two sides: the ForeignKey as written, and the declared property it differs from only by case.</summary>
    [Fact]
    public void ASSOC002_ForeignKeyDifferingOnlyByCaseFromAProperty()
    {
        var source = Source("""
            [BelongsTo(typeof(User), ForeignKey = "AuthorID")]
            public partial class Post { public int Id { get; set; } public int? AuthorId { get; set; } }
            public partial class User { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC002", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "ForeignKey = \"AuthorID\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ForeignKeyDiffersByCase, "AuthorID", "Post.User", "Post", "AuthorId");
        DiagnosticAssert.OtherAt(diagnostic, "AuthorId"); // the declared property
    }

    [Fact]
    public void ASSOC002_AccessorTakenByAnotherAssociation()
    {
        // HasOne Profile writes CreateProfileAsync, and so does HasMany Profiles (its singular is Profile).
        var source = Source("""
            [HasOne(typeof(Profile), As = "Profile", ForeignKey = "UserId")]
            [HasMany(typeof(Profile), As = "Profiles", ForeignKey = "OwnerId")]
            public partial class User { public int Id { get; set; } }
            public partial class Profile { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC002", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "As = \"Profiles\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.AccessorTaken, "User", "Profiles", "CreateProfileAsync");
    }

    [Fact]
    public void ASSOC002_AccessorsThatDiffer() => Clean(Source("""
        [HasOne(typeof(Profile), As = "Profile", ForeignKey = "UserId")]
        [HasMany(typeof(Profile), As = "Avatars", ForeignKey = "OwnerId")]
        public partial class User { public int Id { get; set; } }
        public partial class Profile { public int Id { get; set; } }
        """));

    [Fact]
    public void ASSOC002_MemberNamedColumns()
    {
        var source = Source("""
            [Model]
            public partial class Setting { public int Id { get; set; } public string Columns { get; set; } = ""; }
            """);
        var diagnostic = Trigger(source, "ASSOC002", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "class Setting", "Setting");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ColumnsMember, "Setting");
    }

    [Fact]
    public void ASSOC002_ForeignKeyNameTakenByAMethod()
    {
        var source = Source("""
            [BelongsTo(typeof(User), As = "Owner")]
            public partial class Post { public int Id { get; set; } public int OwnerId() => 0; }
            public partial class User { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC002", DiagnosticSeverity.Error);
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ForeignKeyNameTaken, "OwnerId", "Post.Owner", "Post");
    }

    [Fact]
    public void ASSOC002_JunctionNavigationTakenOnTheTarget()
    {
        var source = Source("""
            [BelongsToMany(typeof(Role), Through = "UserRoles")]
            public partial class User { public int Id { get; set; } }
            public partial class Role { public int Id { get; set; } public int UserRoles { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC002", DiagnosticSeverity.Error);
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.JunctionNavigationTaken, "Role", "UserRoles", "User.Roles");
    }

    // ================================================================== ASSOC003 not an identifier

    [Fact]
    public void ASSOC003_AliasThatIsNoIdentifier()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = "My Posts")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC003", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "As = \"My Posts\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.AliasNotIdentifier, "My Posts", "User");
    }

    [Fact]
    public void ASSOC003_AliasThatIsAnIdentifier() => Clean(Source("""
        [HasMany(typeof(Post), As = "My_Posts")]
        public partial class User { public int Id { get; set; } }
        public partial class Post { public int Id { get; set; } }
        """));

    [Fact]
    public void ASSOC003_ThroughNameThatIsNoIdentifier()
    {
        var source = Source("""
            [BelongsToMany(typeof(Role), Through = "User Roles")]
            public partial class User { public int Id { get; set; } }
            public partial class Role { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC003", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "Through = \"User Roles\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ThroughNotIdentifier, "User Roles", "User");
    }

    [Fact]
    public void ASSOC003_ForeignKeyThatIsNoIdentifier()
    {
        var source = Source("""
            [BelongsTo(typeof(User), ForeignKey = "Author Id")]
            public partial class Post { public int Id { get; set; } }
            public partial class User { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC003", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "ForeignKey = \"Author Id\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ForeignKeyNotIdentifier, "Author Id", "Post.User");
    }

    // ================================================================== ASSOC004 grammatical number

    [Fact]
    public void ASSOC004_SingularAliasOnAManyAssociation()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = "Article")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC004", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "As = \"Article\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ManyAliasLooksSingular, "Article", "User", "Articles");
        Assert.Equal("Article", diagnostic.Properties["Singular"]);
    }

    [Fact]
    public void ASSOC004_PluralAliasOnAManyAssociation() => Clean(Source("""
        [HasMany(typeof(Post), As = "Articles")]
        public partial class User { public int Id { get; set; } }
        public partial class Post { public int Id { get; set; } }
        """));

    [Fact]
    public void ASSOC004_PluralAliasOnAOneAssociation()
    {
        var source = Source("""
            [BelongsTo(typeof(User), As = "Authors")]
            public partial class Post { public int Id { get; set; } }
            public partial class User { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC004", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "As = \"Authors\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.OneAliasLooksPlural, "Authors", "Post", "Author");
    }

    [Fact]
    public void ASSOC004_SingularAliasOnAOneAssociation() => Clean(Source("""
        [BelongsTo(typeof(User), As = "Author")]
        public partial class Post { public int Id { get; set; } }
        public partial class User { public int Id { get; set; } }
        """));

    /// <summary>Singular words that end in -us/-s: Humanizer "singularizes" them (Previou, Bonu, Censu), yet they are singular.</summary>
    [Theory]
    [InlineData("Previous")]
    [InlineData("Bonus")]
    [InlineData("Census")]
    public void ASSOC004_SingularAliasEndingInSOnAOneAssociation(string alias) => Clean(Source($$"""
        [BelongsTo(typeof(Item), As = "{{alias}}")]
        public partial class Item { public int Id { get; set; } }
        """));

    [Fact]
    public void ASSOC004_AliasHumanizerCannotSingularize()
    {
        var source = Source("""
            [BelongsToMany(typeof(Tag), As = "X", Through = "ProductTags")]
            public partial class Product { public int Id { get; set; } }
            public partial class Tag { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC004", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "As = \"X\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.AliasNotSingularizable, "X", "Product");
        Assert.Equal("X", diagnostic.Properties["Singular"]);
    }

    [Fact]
    public void ASSOC004_SingularGivenForAnAliasHumanizerCannotSingularize() => Clean(Source("""
        [BelongsToMany(typeof(Tag), As = "X", Singular = "X", Through = "ProductTags")]
        public partial class Product { public int Id { get; set; } }
        public partial class Tag { public int Id { get; set; } }
        """));

    // ================================================================== ASSOC005 not partial

    [Fact]
    public void ASSOC005_ModelThatIsNotPartial()
    {
        var source = Source("""
            [HasMany(typeof(Post))]
            public class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC005", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "public class User", "User"); // the class identifier
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.NotPartial, "User");
    }

    [Fact]
    public void ASSOC005_TargetThatIsNotPartial()
    {
        var source = Source("""
            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; set; } }
            public class User { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC005", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "public class User", "User");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.NotPartial, "User");
    }

    [Fact]
    public void ASSOC005_AbstractModel()
    {
        var source = Source("""
            [Model]
            public abstract partial class Shape { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC005", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "public abstract partial class Shape", "Shape");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ModelAbstract, "Shape");
    }

    [Fact]
    public void ASSOC005_RequiredMemberThatIsNotMapped()
    {
        var source = Source("""
            [Model]
            public partial class Account { public int Id { get; set; } [System.ComponentModel.DataAnnotations.Schema.NotMapped] public required string Secret { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC005", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "public partial class Account", "Account");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ModelRequiredMemberNotMapped, "Account", "Secret");
    }

    [Fact]
    public void ASSOC005_PartialModel() => Clean(Source("""
        [HasMany(typeof(Post))]
        public partial class User { public int Id { get; set; } }
        public partial class Post { public int Id { get; set; } }
        """));

    // ================================================================== ASSOC006 no primary key

    [Fact]
    public void ASSOC006_TargetWithoutAKey()
    {
        var source = Source("""
            [HasMany(typeof(Post))]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public string Title { get; set; } = ""; }
            """);
        var diagnostic = Trigger(source, "ASSOC006", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "public partial class Post", "Post");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.NoPrimaryKey, "Post");
    }

    [Fact]
    public void ASSOC006_KeyWithoutASetter()
    {
        var source = Source("""
            [Model]
            public partial class Post { public int Id { get; } public string Title { get; set; } = ""; }
            """);
        var diagnostic = Trigger(source, "ASSOC006", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "public partial class Post", "Post");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.PrimaryKeyNotSettable, "Post", "Id");
    }

    [Fact]
    public void ASSOC006_TargetWithAKeyAttribute() => Clean(Source("""
        [HasMany(typeof(Post))]
        public partial class User { public int Id { get; set; } }
        public partial class Post { [Key] public string Slug { get; set; } = ""; public string Title { get; set; } = ""; }
        """));

    // ================================================================== ASSOC007 BelongsToMany without Through

    [Fact]
    public void ASSOC007_BelongsToManyWithoutThrough()
    {
        var source = Source("""
            [BelongsToMany(typeof(Role))]
            public partial class User { public int Id { get; set; } }
            public partial class Role { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC007", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "BelongsToMany(typeof(Role))"); // the whole attribute: there is no Through to point at
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.MissingThrough, "User", "Role", "UserRoles");
    }

    [Fact]
    public void ASSOC007_BelongsToManyWithThrough() => Clean(Source("""
        [BelongsToMany(typeof(Role), Through = "UserRoles")]
        public partial class User { public int Id { get; set; } }
        public partial class Role { public int Id { get; set; } }
        """));

    // ================================================================== ASSOC008 bad key property

    [Fact]
    public void ASSOC008_ForeignKeyOfTheWrongType()
    {
        var source = Source("""
            [BelongsTo(typeof(User), ForeignKey = "OwnerId")]
            public partial class Post { public int Id { get; set; } public string? OwnerId { get; set; } }
            public partial class User { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC008", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "ForeignKey = \"OwnerId\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ForeignKeyTypeMismatch, "Post", "OwnerId", "string", "User", "Id", "int");
        DiagnosticAssert.OtherAt(diagnostic, "OwnerId"); // the foreign key's declaration
    }

    [Fact]
    public void ASSOC008_ForeignKeyOfTheRightType() => Clean(Source("""
        [BelongsTo(typeof(User), ForeignKey = "OwnerId")]
        public partial class Post { public int Id { get; set; } public int? OwnerId { get; set; } }
        public partial class User { public int Id { get; set; } }
        """));

    [Fact]
    public void ASSOC008_SourceKeyNamingNoProperty()
    {
        var source = Source("""
            [HasMany(typeof(Post), SourceKey = "Email")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC008", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "SourceKey = \"Email\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.KeyNamesNoProperty, "SourceKey", "Email", "User.Posts", "User");
    }

    [Fact]
    public void ASSOC008_SourceKeyNamingAProperty() => Clean(Source("""
        [HasMany(typeof(Post), SourceKey = "Email")]
        public partial class User { public int Id { get; set; } public string Email { get; set; } = ""; }
        public partial class Post { public int Id { get; set; } }
        """));

    /// <summary>Two sides: the association that would make the column reference a second key, and the one that made it reference the first.</summary>
    [Fact]
    public void ASSOC008_ForeignKeyReferencingTwoKeys()
    {
        var source = Source("""
            [BelongsTo(typeof(User), ForeignKey = "OwnerId")]
            [BelongsTo(typeof(Team), ForeignKey = "OwnerId")]
            public partial class Post { public int Id { get; set; } }
            public partial class User { public int Id { get; set; } }
            public partial class Team { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC008", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "[BelongsTo(typeof(Team), ForeignKey = \"OwnerId\")]", "ForeignKey = \"OwnerId\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ForeignKeyReferencesTwoKeys, "Post", "OwnerId", "Post.Team", "User", "Id");
        DiagnosticAssert.OtherAt(diagnostic, "BelongsTo(typeof(User), ForeignKey = \"OwnerId\")");
    }

    [Fact]
    public void ASSOC008_PolymorphicForeignKeyWithoutConstraints() => Clean(Source("""
        [BelongsTo(typeof(User), ForeignKey = "OwnerId", Constraints = false)]
        [BelongsTo(typeof(Team), ForeignKey = "OwnerId", Constraints = false)]
        public partial class Post { public int Id { get; set; } }
        public partial class User { public int Id { get; set; } }
        public partial class Team { public int Id { get; set; } }
        """));

    [Fact]
    public void ASSOC008_InitOnlyForeignKey()
    {
        var source = Source("""
            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; set; } public int? UserId { get; init; } }
            public partial class User { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC008", DiagnosticSeverity.Error);
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ForeignKeyInitOnly, "Post", "UserId", "Post.User");
    }

    [Fact]
    public void ASSOC008_NotMappedForeignKey()
    {
        var source = Source("""
            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; set; } [System.ComponentModel.DataAnnotations.Schema.NotMapped] public int? UserId { get; set; } }
            public partial class User { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC008", DiagnosticSeverity.Error);
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ForeignKeyNotMapped, "Post", "UserId", "Post.User");
    }

    // ================================================================== ASSOC009 SET NULL on a required FK

    [Fact]
    public void ASSOC009_SetNullOnANonNullableForeignKey()
    {
        var source = Source("""
            [BelongsTo(typeof(User), OnDelete = ReferentialAction.SetNull)]
            public partial class Post { public int Id { get; set; } public int UserId { get; set; } }
            public partial class User { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC009", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "OnDelete = ReferentialAction.SetNull");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.SetNullOnRequired, "Post.User", "Post", "UserId", "User");
    }

    [Fact]
    public void ASSOC009_SetNullOnANullableForeignKey() => Clean(Source("""
        [BelongsTo(typeof(User), OnDelete = ReferentialAction.SetNull)]
        public partial class Post { public int Id { get; set; } public int? UserId { get; set; } }
        public partial class User { public int Id { get; set; } }
        """));

    // ================================================================== ASSOC010 paired associations disagree

    /// <summary>Sequelize's two-column trap: HasMany names the key AuthorId, the inverse BelongsTo defaults to UserId.</summary>
    [Fact]
    public void ASSOC010_InverseThatResolvesToAnotherColumn()
    {
        var source = Source("""
            [HasMany(typeof(Post), ForeignKey = "AuthorId")]
            public partial class User { public int Id { get; set; } }

            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC010", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "BelongsTo(typeof(User))"); // on the BelongsTo of the pair
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.InverseUsesAnotherColumn, "User", "Posts", "Post", "AuthorId", "Post", "User", "UserId");
        // The other side of the pair, the HasMany, is the diagnostic's additional location.
        DiagnosticAssert.OtherAt(diagnostic, "HasMany(typeof(Post), ForeignKey = \"AuthorId\")");
    }

    /// <summary>Two aliased HasMany of one target on one foreign key return the same rows: reported on the second, the first is the other side.</summary>
    [Fact]
    public void ASSOC010_TwoAliasesOnOneForeignKey()
    {
        var source = Source("""
            [HasMany(typeof(Post), As = "DraftPosts", ForeignKey = "AuthorId")]
            [HasMany(typeof(Post), As = "PublishedPosts", ForeignKey = "AuthorId")]
            public partial class User { public int Id { get; set; } }

            public partial class Post { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC010", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "As = \"PublishedPosts\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.AliasesShareForeignKey, "User", "DraftPosts", "PublishedPosts", "Post", "AuthorId");
        DiagnosticAssert.OtherAt(diagnostic, "As = \"DraftPosts\"");
    }

    [Theory]
    [InlineData("[BelongsTo(typeof(User), As = \"Author\")]")]
    [InlineData("[BelongsTo(typeof(User), ForeignKey = \"AuthorId\")]")]
    public void ASSOC010_InverseOnTheSameColumn(string inverse)
    {
        var result = Clean(Source($$"""
            [HasMany(typeof(Post), ForeignKey = "AuthorId")]
            public partial class User { public int Id { get; set; } }

            {{inverse}}
            public partial class Post { public int Id { get; set; } }
            """));
        Assert.Single(result.Properties("Catalog.Post", "AuthorId")); // one column, shared
        Assert.Empty(result.Properties("Catalog.Post", "UserId"));
    }

    [Fact]
    public void ASSOC010_SelfReferencingBelongsToManyWhoseInverseDoesNotNameItsKeys()
    {
        var source = Source("""
            [BelongsToMany(typeof(Person), As = "Children", Through = "PersonChildren")]
            [BelongsToMany(typeof(Person), As = "Parents", Through = "PersonChildren")]
            public partial class Person { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC010", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "BelongsToMany(typeof(Person), As = \"Parents\", Through = \"PersonChildren\")");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.SelfJunctionInverseNeedsKeys, "Person.Parents", "PersonChildren", "ChildId", "PersonId");
        DiagnosticAssert.OtherAt(diagnostic, "BelongsToMany(typeof(Person), As = \"Children\", Through = \"PersonChildren\")"); // the association it inverts
    }

    [Fact]
    public void ASSOC010_SelfReferencingBelongsToManyWhoseInverseNamesItsKeys()
    {
        var result = Clean(Source("""
            [BelongsToMany(typeof(Person), As = "Children", Through = "PersonChildren")]
            [BelongsToMany(typeof(Person), As = "Parents", Through = "PersonChildren", ForeignKey = "ChildId", OtherKey = "PersonId")]
            public partial class Person { public int Id { get; set; } }
            """));
        Assert.Single(result.Properties("Catalog.PersonChildren", "PersonId"));
        Assert.Single(result.Properties("Catalog.PersonChildren", "ChildId"));
    }

    [Fact]
    public void ASSOC010_SelfReferencingBelongsToManyWithoutAs()
    {
        var source = Source("""
            [BelongsToMany(typeof(Person), Through = "Friendships")]
            public partial class Person { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC010", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "BelongsToMany(typeof(Person), Through = \"Friendships\")");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.SelfJunctionKeysCollide, "Person.People", "Friendships", "PersonId");
    }

    [Fact]
    public void ASSOC010_SelfReferencingBelongsToManyWithAs() => Clean(Source("""
        [BelongsToMany(typeof(Person), As = "Friends", Through = "Friendships")]
        public partial class Person { public int Id { get; set; } }
        """));

    [Fact]
    public void ASSOC010_TwoAssociationsToOneTargetWithoutDistinctAliases()
    {
        var source = Source("""
            [BelongsTo(typeof(Team))]
            [BelongsTo(typeof(Team), As = "AwayTeam")]
            public partial class Game { public int Id { get; set; } }
            public partial class Team { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC010", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "As = \"AwayTeam\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.TwoBelongsToWithoutAliases, "Game", "Team", "Team");
        DiagnosticAssert.OtherAt(diagnostic, "BelongsTo(typeof(Team))"); // the first of the two
    }

    [Fact]
    public void ASSOC010_TwoHasManyToOneTargetOneWithoutAlias()
    {
        var source = Source("""
            [HasMany(typeof(Post))]
            [HasMany(typeof(Post), As = "Drafts")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC010", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "As = \"Drafts\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.TwoKeyedOnTargetWithoutAliases, "User", "HasMany", "Post", "Posts");
        DiagnosticAssert.OtherAt(diagnostic, "HasMany(typeof(Post))");
    }

    [Fact]
    public void ASSOC010_TwoAssociationsToOneTargetWithDistinctAliases() => Clean(Source("""
        [BelongsTo(typeof(Team), As = "HomeTeam")]
        [BelongsTo(typeof(Team), As = "AwayTeam")]
        public partial class Game { public int Id { get; set; } }
        public partial class Team { public int Id { get; set; } }
        """));

    /// <summary>Two sides: the second BelongsToMany, and the first one to the same target.</summary>
    [Fact]
    public void ASSOC010_TwoBelongsToManyToOneTargetWithoutAliases()
    {
        var source = Source("""
            [BelongsToMany(typeof(Team), Through = "PlayerTeams")]
            [BelongsToMany(typeof(Team), Through = "PlayerFormerTeams")]
            public partial class Player { public int Id { get; set; } }
            public partial class Team { public int Id { get; set; } }
            """);
        var result = GeneratorHarness.Run(source, allowErrors: true);
        var diagnostic = result.GeneratorDiagnostics.First(d => d.Id == "ASSOC010");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.TwoBelongsToManyWithoutAliases, "Player", "Team", "Teams");
        Assert.Single(diagnostic.AdditionalLocations);
    }

    // ================================================================== ASSOC011 unmapped property type

    [Fact]
    public void ASSOC011_PropertyOfAnUnmappedType()
    {
        var source = Source("""
            [Model]
            public partial class Customer { public int Id { get; set; } public System.Collections.Generic.List<string> Tags { get; set; } = new(); }
            """);
        var diagnostic = Trigger(source, "ASSOC011", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, source, "Tags { get; set; }", "Tags");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.UnmappedProperty, "Customer", "Tags", "System.Collections.Generic.List<string>");
    }

    [Fact]
    public void ASSOC011_NotMappedOrReadOnlyIsSilent() => Clean(Source("""
        [Model]
        public partial class Customer
        {
            public int Id { get; set; }
            [System.ComponentModel.DataAnnotations.Schema.NotMapped] public System.Collections.Generic.List<string> Tags { get; set; } = new();
            public System.Collections.Generic.List<string> Computed => new();
            public DateOnly Born { get; set; }
            public TimeOnly Opens { get; set; }
        }
        """));

    // ================================================================== ASSOC012 name too long

    [Fact]
    public void ASSOC012_ColumnNameOver63Bytes()
    {
        var name = "ResponsibleOwnerOfTheCustomerSubscriptionBillingHistoryEntryColumn";
        var source = Source($$"""
            [Model]
            public partial class Entry { public int Id { get; set; } public string {{name}} { get; set; } = ""; }
            """);
        var diagnostic = Trigger(source, "ASSOC012", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, name);
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ColumnNameTooLong, name, "Entry", name, Bytes(name));
    }

    [Fact]
    public void ASSOC012_TableNameOver63Bytes()
    {
        var source = Source("""
            [Model]
            [System.ComponentModel.DataAnnotations.Schema.Table("customer_subscription_billing_history_entries_with_responsible_owner")]
            public partial class Entry { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC012", DiagnosticSeverity.Error);
        const string table = "customer_subscription_billing_history_entries_with_responsible_owner";
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.TableNameTooLong, table, "Entry", Bytes(table));
    }

    [Fact]
    public void ASSOC012_ExactlySixtyThreeBytesIsFine() => Clean(Source($$"""
        [Model]
        public partial class Entry { public int Id { get; set; } public string {{new string('A', 63)}} { get; set; } = ""; }
        """));

    // ================================================================== ASSOC013 junction is one of the associated models

    [Fact]
    public void ASSOC013_JunctionThatIsTheTarget()
    {
        var source = Source("""
            [BelongsToMany(typeof(Role), Through = typeof(Role))]
            public partial class User { public int Id { get; set; } }
            public partial class Role { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC013", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "Through = typeof(Role)");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.JunctionIsEndpoint, "User", "Role", "Role");
    }

    [Fact]
    public void ASSOC013_JunctionThatIsAThirdModel() => Clean(Source("""
        [BelongsToMany(typeof(Role), Through = "UserRoles")]
        public partial class User { public int Id { get; set; } }
        public partial class Role { public int Id { get; set; } }
        """));

    // ================================================================== ASSOC014 lifecycle column

    [Fact]
    public void ASSOC014_TimestampsPropertyOfTheWrongType()
    {
        var source = Source("""
            [Timestamps]
            public partial class Post { public int Id { get; set; } public string CreatedAt { get; set; } = ""; }
            """);
        var diagnostic = Trigger(source, "ASSOC014", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "public partial class Post", "Post");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.LifecyclePropertyType, "Post", "CreatedAt", "DateTime", "Timestamps");
    }

    [Fact]
    public void ASSOC014_TimestampsPropertyOfTypeDateTime() => Clean(Source("""
        [Timestamps]
        public partial class Post { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
        """));

    [Fact]
    public void ASSOC014_ParanoidNameTakenByAMethod()
    {
        var source = Source("""
            [Paranoid]
            public partial class Post { public int Id { get; set; } public bool DeletedAt() => false; }
            """);
        var diagnostic = Trigger(source, "ASSOC014", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "public partial class Post", "Post");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.LifecycleNameTaken, "Post", "DeletedAt", "Paranoid");
    }

    // ================================================================== ASSOC015 association scope

    [Fact]
    public void ASSOC015_ScopeOnABelongsTo()
    {
        var source = Source("""
            [BelongsTo(typeof(User), ScopeProperty = "Kind", ScopeValue = "author")]
            public partial class Post { public int Id { get; set; } public string Kind { get; set; } = ""; }
            public partial class User { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC015", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "ScopeProperty = \"Kind\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ScopeOnBelongsTo, "Post", "User");
    }

    [Fact]
    public void ASSOC015_ScopePropertyTheTargetLacks()
    {
        var source = Source("""
            [HasMany(typeof(Comment), ScopeProperty = "Commentable", ScopeValue = "post")]
            public partial class Post { public int Id { get; set; } }
            public partial class Comment { public int Id { get; set; } }
            """);
        var diagnostic = Trigger(source, "ASSOC015", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, source, "ScopeProperty = \"Commentable\"");
        DiagnosticAssert.Is(diagnostic, DiagnosticDescriptors.ScopeNotMapped, "Commentable", "Post", "Comments", "Comment");
    }

    [Fact]
    public void ASSOC015_ScopePropertyTheTargetHas() => Clean(Source("""
        [HasMany(typeof(Comment), ScopeProperty = "Commentable", ScopeValue = "post")]
        public partial class Post { public int Id { get; set; } }
        public partial class Comment { public int Id { get; set; } public string Commentable { get; set; } = ""; }
        """));

    // ================================================================== the catalog itself

    /// <summary>Every descriptor's template takes the arguments {0}…{n-1}, each at least once (a gap is a forgotten argument).</summary>
    [Fact]
    public void EveryTemplateUsesItsPlaceholdersInOrder()
    {
        foreach (var (name, descriptor) in DiagnosticDescriptors.ByName)
        {
            var template = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            var count = DiagnosticAssert.Placeholders(template);
            Assert.True(count > 0 || !template.Contains('{'), $"{name}: a brace that is no placeholder");
            for (var i = 0; i < count; i++)
                Assert.True(template.Contains("{" + i + "}", StringComparison.Ordinal), $"{name} never uses {{{i}}}: {template}");
            Assert.NotEqual("{0}", template);
        }
    }

    /// <summary>The descriptors of one id are situations of one mistake: one title, one severity, one docs page.</summary>
    [Fact]
    public void TheDescriptorsOfAnIdShareTitleSeverityAndPage()
    {
        foreach (var group in DiagnosticDescriptors.ByName.Values.GroupBy(d => d.Id))
        {
            var first = DiagnosticDescriptors.ById[group.Key];
            foreach (var descriptor in group)
            {
                Assert.Equal(first.Title.ToString(CultureInfo.InvariantCulture), descriptor.Title.ToString(CultureInfo.InvariantCulture));
                Assert.Equal(first.DefaultSeverity, descriptor.DefaultSeverity);
                Assert.Equal(first.HelpLinkUri, descriptor.HelpLinkUri);
            }
            Assert.Equal(group.Count(), group.Select(d => d.MessageFormat.ToString(CultureInfo.InvariantCulture)).Distinct().Count());
        }
    }

    /// <summary>Every id of SPEC §6 is covered above, with the severity the table gives it.</summary>
    [Fact]
    public void EveryIdOfTheSpecTableIsCovered()
    {
        var expected = new Dictionary<string, DiagnosticSeverity>
        {
            ["ASSOC001"] = DiagnosticSeverity.Error,
            ["ASSOC002"] = DiagnosticSeverity.Error,
            ["ASSOC003"] = DiagnosticSeverity.Error,
            ["ASSOC004"] = DiagnosticSeverity.Warning,
            ["ASSOC005"] = DiagnosticSeverity.Error,
            ["ASSOC006"] = DiagnosticSeverity.Error,
            ["ASSOC007"] = DiagnosticSeverity.Error,
            ["ASSOC008"] = DiagnosticSeverity.Error,
            ["ASSOC009"] = DiagnosticSeverity.Warning,
            ["ASSOC010"] = DiagnosticSeverity.Warning,
            ["ASSOC011"] = DiagnosticSeverity.Warning,
            ["ASSOC012"] = DiagnosticSeverity.Error,
            ["ASSOC013"] = DiagnosticSeverity.Error,
            ["ASSOC014"] = DiagnosticSeverity.Error,
            ["ASSOC015"] = DiagnosticSeverity.Error,
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), DiagnosticDescriptors.ById.Keys.Where(k => k != "ASSOC999").Order(StringComparer.Ordinal));
        foreach (var (id, severity) in expected) Assert.Equal(severity, DiagnosticDescriptors.ById[id].DefaultSeverity);
        var tests = typeof(DiagnosticCatalogTests).GetMethods().Select(m => m.Name).ToList();
        foreach (var id in expected.Keys)
        {
            Assert.Contains(tests, t => t.StartsWith(id + "_", StringComparison.Ordinal));
            Assert.True(tests.Count(t => t.StartsWith(id + "_", StringComparison.Ordinal)) >= 2, $"{id} needs a trigger and a near miss");
        }
    }
}
