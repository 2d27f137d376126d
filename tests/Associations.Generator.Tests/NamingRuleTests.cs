using Associations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// SPEC §3 naming rules, checked on the compiled output (symbols of the output compilation, and the
/// metadata the emitted assembly registers at run time) rather than on the generated text.
/// </summary>
public class NamingRuleTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.ComponentModel.DataAnnotations.Schema;
        using Associations;

        """;

    private static GeneratorResult Run(string models) => GeneratorHarness.Run(Usings + models);

    /// <summary>The single property <paramref name="name"/> of <paramref name="type"/>, asserting there is exactly one.</summary>
    private static IPropertySymbol SingleProperty(GeneratorResult result, string type, string name)
    {
        var properties = result.Properties(type, name);
        Assert.True(properties.Count == 1, $"Expected exactly one property {type}.{name}, found {properties.Count}.");
        return properties[0];
    }

    private static bool IsGenerated(GeneratorResult result, ISymbol symbol) =>
        symbol.DeclaringSyntaxReferences.All(r => result.IsGenerated(r.SyntaxTree));

    private static void AssertNoProperty(GeneratorResult result, string type, string name) =>
        Assert.True(result.Properties(type, name).Count == 0, $"Did not expect a property {type}.{name}.");

    /// <summary>The names of the properties generated on <paramref name="type"/> that hold a column (not navigations).</summary>
    private static IReadOnlyList<string> GeneratedScalarProperties(GeneratorResult result, string type) =>
        result.Type(type).GetMembers().OfType<IPropertySymbol>()
            .Where(p => IsGenerated(result, p) && (p.Type.IsValueType || p.Type.SpecialType == SpecialType.System_String))
            .Select(p => p.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    // ------------------------------------------------------------------ default foreign keys

    [Fact]
    public void BelongsToAddsTargetNamePlusKey()
    {
        var result = Run("""
            namespace Sports;
            [BelongsTo(typeof(Team))]
            public partial class Player { public int Id { get; set; } }
            public partial class Team { public int Id { get; set; } }
            """);
        var fk = SingleProperty(result, "Sports.Player", "TeamId");
        Assert.True(IsGenerated(result, fk));
        Assert.Equal("int?", fk.Type.ToDisplayString());
        Assert.Equal(new[] { "TeamId" }, GeneratedScalarProperties(result, "Sports.Player"));
        Assert.Empty(GeneratedScalarProperties(result, "Sports.Team"));
    }

    [Fact]
    public void BelongsToWithAliasAddsAliasPlusKey()
    {
        var result = Run("""
            namespace Sports;
            [BelongsTo(typeof(Team), As = "Role")]
            public partial class Player { public int Id { get; set; } }
            public partial class Team { public int Id { get; set; } }
            """);
        Assert.True(IsGenerated(result, SingleProperty(result, "Sports.Player", "RoleId")));
        AssertNoProperty(result, "Sports.Player", "TeamId");
        // The navigation is named by the alias.
        Assert.Equal("Sports.Team?", SingleProperty(result, "Sports.Player", "Role").Type.ToDisplayString());
    }

    [Fact]
    public void BelongsToWithTargetKeyUsesThatKeyAsSuffix()
    {
        var result = Run("""
            namespace Sports;
            [BelongsTo(typeof(Team), TargetKey = "Code")]
            public partial class Player { public int Id { get; set; } }
            public partial class Team { public int Id { get; set; } public string Code { get; set; } = ""; }
            """);
        Assert.Equal("string?", SingleProperty(result, "Sports.Player", "TeamCode").Type.ToDisplayString());
        AssertNoProperty(result, "Sports.Player", "TeamId");
        var team = result.Metadata("Sports.Team");
        Assert.True(team.Columns.Single(c => c.Property == "Code").IsUnique, "A TargetKey that is not the primary key gets a UNIQUE constraint.");
        var fk = Assert.Single(result.Metadata("Sports.Player").ForeignKeys);
        Assert.Equal(("TeamCode", "Teams", "Code"), (fk.Column, fk.ReferencedTable, fk.ReferencedColumn));
    }

    [Fact]
    public void HasOneAddsSourceNamePlusKeyOnTarget()
    {
        var result = Run("""
            namespace Work;
            [HasOne(typeof(User))]
            public partial class Project { public int Id { get; set; } }
            public partial class User { public int Id { get; set; } }
            """);
        Assert.True(IsGenerated(result, SingleProperty(result, "Work.User", "ProjectId")));
        Assert.Empty(GeneratedScalarProperties(result, "Work.Project"));
        Assert.Equal("Work.User?", SingleProperty(result, "Work.Project", "User").Type.ToDisplayString());
    }

    [Fact]
    public void SelfHasOneWithAliasAddsAliasPlusKey()
    {
        var result = Run("""
            namespace Family;
            [HasOne(typeof(Person), As = "Father")]
            public partial class Person { public int Id { get; set; } }
            """);
        Assert.True(IsGenerated(result, SingleProperty(result, "Family.Person", "FatherId")));
        AssertNoProperty(result, "Family.Person", "PersonId");
        var fk = Assert.Single(result.Metadata("Family.Person").ForeignKeys);
        Assert.Equal(("FatherId", "People", "Id"), (fk.Column, fk.ReferencedTable, fk.ReferencedColumn));
    }

    [Fact]
    public void HasManyAddsSourceSingularPlusKeyAndAliasDoesNotChangeIt()
    {
        var result = Run("""
            namespace Blog;
            [HasMany(typeof(Post), As = "Articles")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }

            [HasMany(typeof(Comment))]
            public partial class Category { public int Id { get; set; } }
            public partial class Comment { public int Id { get; set; } }
            """);
        Assert.True(IsGenerated(result, SingleProperty(result, "Blog.Post", "UserId")));
        AssertNoProperty(result, "Blog.Post", "ArticleId");
        AssertNoProperty(result, "Blog.Post", "ArticlesId");
        // Singular of the source: Category (not Categories).
        Assert.True(IsGenerated(result, SingleProperty(result, "Blog.Comment", "CategoryId")));
    }

    [Fact]
    public void HasManySourceKeyChangesTheSuffix()
    {
        var result = Run("""
            namespace Blog;
            [HasMany(typeof(Post), SourceKey = "Email")]
            public partial class User { public int Id { get; set; } public string Email { get; set; } = ""; }
            public partial class Post { public int Id { get; set; } }
            """);
        Assert.Equal("string?", SingleProperty(result, "Blog.Post", "UserEmail").Type.ToDisplayString());
        AssertNoProperty(result, "Blog.Post", "UserId");
        Assert.True(result.Metadata("Blog.User").Columns.Single(c => c.Property == "Email").IsUnique);
        var fk = Assert.Single(result.Metadata("Blog.Post").ForeignKeys);
        Assert.Equal(("UserEmail", "Users", "Email"), (fk.Column, fk.ReferencedTable, fk.ReferencedColumn));
    }

    [Fact]
    public void KeyAttributeNamesTheKeyUsedAsSuffix()
    {
        var result = Run("""
            namespace Blog;
            [HasMany(typeof(Post))]
            public partial class User { [Key] public long UserNumber { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        Assert.Equal("long?", SingleProperty(result, "Blog.Post", "UserUserNumber").Type.ToDisplayString());
    }

    // ------------------------------------------------------------------ declared and shared foreign keys

    [Fact]
    public void DeclaredForeignKeyIsUsedAsIs()
    {
        var result = Run("""
            namespace Blog;
            [BelongsTo(typeof(User))]
            public partial class Post
            {
                public int Id { get; set; }
                public int UserId { get; set; }
            }
            public partial class User { public int Id { get; set; } }
            """);
        var fk = SingleProperty(result, "Blog.Post", "UserId");
        Assert.False(IsGenerated(result, fk), "The declared property must be used, not a generated one.");
        Assert.Equal("int", fk.Type.ToDisplayString());
        Assert.Empty(GeneratedScalarProperties(result, "Blog.Post"));

        var column = result.Metadata("Blog.Post").Columns.Single(c => c.Property == "UserId");
        Assert.False(column.Nullable);
        var constraint = Assert.Single(result.Metadata("Blog.Post").ForeignKeys);
        Assert.Equal(ReferentialAction.Cascade, constraint.OnDelete); // not nullable → Cascade
        Assert.Equal(ReferentialAction.Cascade, constraint.OnUpdate);
    }

    [Fact]
    public void DeclaredNullableForeignKeyDefaultsToSetNull()
    {
        var result = Run("""
            namespace Blog;
            [HasMany(typeof(Post), ForeignKey = "OwnerId")]
            public partial class User { public int Id { get; set; } }
            public partial class Post
            {
                public int Id { get; set; }
                public int? OwnerId { get; set; }
            }
            """);
        Assert.False(IsGenerated(result, SingleProperty(result, "Blog.Post", "OwnerId")));
        var constraint = Assert.Single(result.Metadata("Blog.Post").ForeignKeys);
        Assert.Equal(ReferentialAction.SetNull, constraint.OnDelete);
        Assert.Equal(ReferentialAction.Cascade, constraint.OnUpdate);
    }

    [Fact]
    public void PairedDeclarationsShareOneColumn()
    {
        var result = Run("""
            namespace Blog;
            [HasMany(typeof(Post))]
            public partial class User { public int Id { get; set; } }
            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; set; } }
            """);
        Assert.True(IsGenerated(result, SingleProperty(result, "Blog.Post", "UserId")));
        Assert.Equal(new[] { "UserId" }, GeneratedScalarProperties(result, "Blog.Post"));
        Assert.Single(result.Metadata("Blog.Post").ForeignKeys);
        Assert.Single(result.Metadata("Blog.Post").Columns, c => c.Name == "UserId");
        Assert.Empty(result.GeneratorDiagnostics);
    }

    [Fact]
    public void PairedDeclarationsWithAliasesShareTheNamedColumn()
    {
        var result = GeneratorHarness.Run(SnapshotTests.Blog);
        Assert.True(IsGenerated(result, SingleProperty(result, "Blog.Post", "AuthorId")));
        Assert.Equal(new[] { "AuthorId" }, GeneratedScalarProperties(result, "Blog.Post"));
        AssertNoProperty(result, "Blog.Post", "UserId");
        Assert.Equal(new[] { "UserId" }, GeneratedScalarProperties(result, "Blog.Profile"));
        Assert.Empty(result.GeneratorDiagnostics);
    }

    [Fact]
    public void GeneratedForeignKeysAreNullable()
    {
        var result = Run("""
            namespace Shop;
            [BelongsTo(typeof(Customer))]
            public partial class Order { public int Id { get; set; } }
            public partial class Customer { [Key] [DatabaseGenerated(DatabaseGeneratedOption.None)] public Guid Id { get; set; } }
            """);
        Assert.Equal("System.Guid?", SingleProperty(result, "Shop.Order", "CustomerId").Type.ToDisplayString());
        Assert.True(result.Metadata("Shop.Order").Columns.Single(c => c.Property == "CustomerId").Nullable);
        Assert.Equal(ReferentialAction.SetNull, Assert.Single(result.Metadata("Shop.Order").ForeignKeys).OnDelete);
        Assert.False(result.Metadata("Shop.Customer").KeyGenerated);
    }

    // ------------------------------------------------------------------ junctions (BelongsToMany)

    [Fact]
    public void ThroughNameIsTheJunctionClassAndTableWithBothDefaultKeys()
    {
        var result = GeneratorHarness.Run(SnapshotTests.FullBlog);
        var junction = result.Type("Blog.UserRoles");
        Assert.True(IsGenerated(result, junction), "Through = \"UserRoles\" generates partial class UserRoles");
        // The two keys are the junction's composite primary key, hence not nullable.
        Assert.Equal("int", SingleProperty(result, "Blog.UserRoles", "UserId").Type.ToDisplayString());
        Assert.Equal("int", SingleProperty(result, "Blog.UserRoles", "RoleId").Type.ToDisplayString());
        var metadata = result.Metadata("Blog.UserRoles");
        Assert.Equal("UserRoles", metadata.Table); // kept exactly, not pluralized again
        Assert.Equal(new[] { "UserId", "RoleId" }, metadata.Key.Select(c => c.Name));
        Assert.Equal(
            new[] { ("RoleId", "Roles", "Id"), ("UserId", "Users", "Id") },
            metadata.ForeignKeys.Select(f => (f.Column, f.ReferencedTable, f.ReferencedColumn)).OrderBy(f => f.Column));
        Assert.All(metadata.ForeignKeys, f => Assert.Equal(ReferentialAction.Cascade, f.OnDelete)); // n:m: both Cascade
        Assert.All(metadata.ForeignKeys, f => Assert.Equal(ReferentialAction.Cascade, f.OnUpdate));

        var user = result.Type("Blog.User");
        foreach (var name in new[] { "GetRolesAsync", "CountRolesAsync", "HasRoleAsync", "HasRolesAsync", "SetRolesAsync", "AddRoleAsync", "AddRolesAsync", "RemoveRoleAsync", "RemoveRolesAsync", "CreateRoleAsync" })
            Assert.NotEmpty(user.GetMembers(name));
        // Rows read through the association carry their junction row, in a property named after the junction.
        Assert.Single(result.Properties("Blog.Role", "UserRoles"));
    }

    [Fact]
    public void SelfBelongsToManyUsesTheSingularOfTheAliasForTheOtherKey()
    {
        var result = Run("""
            namespace Family;
            [BelongsToMany(typeof(Person), As = "Children", Through = "PersonChildren")]
            public partial class Person { public int Id { get; set; } }
            """);
        Assert.Single(result.Properties("Family.PersonChildren", "PersonId"));
        Assert.Single(result.Properties("Family.PersonChildren", "ChildId"));
        Assert.Equal("PersonChildren", result.Metadata("Family.PersonChildren").Table);
        Assert.NotEmpty(result.Type("Family.Person").GetMembers("AddChildAsync"));
    }

    // ------------------------------------------------------------------ tables and columns

    [Theory]
    [InlineData("Person", "People")]
    [InlineData("Category", "Categories")]
    [InlineData("Post", "Posts")]
    [InlineData("Address", "Addresses")]
    public void TableIsHumanizerPluralOfClassName(string model, string table)
    {
        var result = Run($$"""
            namespace Naming;
            [Model]
            public partial class {{model}} { public int Id { get; set; } }
            """);
        Assert.Equal(table, result.Metadata("Naming." + model).Table);
    }

    [Fact]
    public void TableAttributeWinsAndModelPluralLeavesTheTable()
    {
        var result = Run("""
            namespace Naming;
            [Model, Table("tbl_people")]
            public partial class Person { public int Id { get; set; } }
            [Model(Plural = "Folk")]
            public partial class Villager { public int Id { get; set; } }
            [Model(Underscored = true)]
            public partial class BlogPost { public int Id { get; set; } public string HTMLBody { get; set; } = ""; }
            """);
        Assert.Equal("tbl_people", result.Metadata("Naming.Person").Table);
        Assert.Equal("Villagers", result.Metadata("Naming.Villager").Table); // Plural names associations, not the table (Sequelize)
        var blogPost = result.Metadata("Naming.BlogPost");
        Assert.Equal("blog_posts", blogPost.Table);
        Assert.Equal(new[] { "id", "html_body" }, blogPost.Columns.Select(c => c.Name));
        // Property names never change.
        Assert.Single(result.Properties("Naming.BlogPost", "HTMLBody"));
    }

    [Fact]
    public void ModelSingularAndPluralNameTheAssociationsToIt()
    {
        // Sequelize's define('project', …, { name: { singular: 'task', plural: 'tasks' } }): every association to the model
        // takes these names by default — to-many the plural, to-one the singular, which also makes BelongsTo's foreign key.
        var result = Run("""
            namespace Work;
            [Model(Singular = "Task", Plural = "Tasks")]
            public partial class Project { public int Id { get; set; } }
            [BelongsToMany(typeof(Project), Through = "UserTasks")]
            public partial class User { public int Id { get; set; } }
            [HasMany(typeof(Project))]
            public partial class Team { public int Id { get; set; } }
            [BelongsTo(typeof(Project))]
            public partial class Note { public int Id { get; set; } }
            [HasOne(typeof(Project))]
            public partial class Board { public int Id { get; set; } }
            """);
        Assert.Equal("Projects", result.Metadata("Work.Project").Table);
        var user = result.Type("Work.User");
        Assert.NotEmpty(user.GetMembers("GetTasksAsync"));
        Assert.NotEmpty(user.GetMembers("AddTaskAsync"));
        Assert.NotEmpty(result.Type("Work.Team").GetMembers("GetTasksAsync"));
        Assert.NotEmpty(result.Type("Work.Note").GetMembers("GetTaskAsync"));
        Assert.Single(result.Properties("Work.Note", "Task"));
        Assert.Equal("TaskId", Assert.Single(result.Metadata("Work.Note").ForeignKeys).Column);
        Assert.NotEmpty(result.Type("Work.Board").GetMembers("GetTaskAsync"));
        // The model's singular is also its half of the junction's keys.
        Assert.Contains(result.Metadata("Work.UserTasks").ForeignKeys, f => f.Column == "TaskId" && f.ReferencedTable == "Projects");
    }

    [Fact]
    public void UnderscoredAppliesToForeignKeyColumnsNotProperties()
    {
        var result = Run("""
            [assembly: AssociationDefaults(Underscored = true)]
            namespace Blog;
            [HasMany(typeof(Post), As = "Articles", ForeignKey = "AuthorId")]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } [Column("Heading")] public string Title { get; set; } = ""; }
            """);
        Assert.Single(result.Properties("Blog.Post", "AuthorId"));
        var post = result.Metadata("Blog.Post");
        Assert.Equal(new[] { "id", "Heading", "author_id" }, post.Columns.Select(c => c.Name));
        var fk = Assert.Single(post.ForeignKeys);
        Assert.Equal(("author_id", "users", "id"), (fk.Column, fk.ReferencedTable, fk.ReferencedColumn));
    }

    [Fact]
    public void NotMappedAndComputedPropertiesAreNotColumns()
    {
        var result = Run("""
            namespace Blog;
            [Model]
            public partial class Post
            {
                public int Id { get; set; }
                [NotMapped] public string Draft { get; set; } = "";
                public string Slug => "post-" + Id;
                public List<string> Tags { get; set; } = new();
                internal string Secret { get; set; } = "";
            }
            """);
        Assert.Equal(new[] { "Id" }, result.Metadata("Blog.Post").Columns.Select(c => c.Property));
        Assert.Equal(new[] { "Id" }, result.Type("Blog.Post+Columns").GetMembers().OfType<IFieldSymbol>().Select(f => f.Name));
    }

    // ------------------------------------------------------------------ accessor names

    [Fact]
    public void HasManyAccessorsAreNamedAfterAliasAndItsSingular()
    {
        var result = GeneratorHarness.Run(SnapshotTests.Blog);
        var user = result.Type("Blog.User");
        var methods = user.GetMembers().OfType<IMethodSymbol>().Where(m => IsGenerated(result, m)).Select(m => m.Name).Distinct().ToHashSet();
        foreach (var expected in new[]
        {
            "GetArticlesAsync", "CountArticlesAsync", "HasArticleAsync", "HasArticlesAsync", "SetArticlesAsync",
            "AddArticleAsync", "AddArticlesAsync", "RemoveArticleAsync", "RemoveArticlesAsync", "CreateArticleAsync",
        })
        {
            Assert.Contains(expected, methods);
        }

        var navigation = SingleProperty(result, "Blog.User", "Articles");
        Assert.Equal("System.Collections.Generic.List<Blog.Post>?", navigation.Type.ToDisplayString());

        // Shapes of SPEC §4: every accessor takes the session first and a trailing CancellationToken.
        foreach (var method in user.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.EndsWith("ArticleAsync") || m.Name.EndsWith("ArticlesAsync")))
        {
            Assert.Equal("Associations.DbSession", method.Parameters[0].Type.ToDisplayString());
            Assert.Equal("System.Threading.CancellationToken", method.Parameters[^1].Type.ToDisplayString());
            Assert.True(method.Parameters[^1].HasExplicitDefaultValue, $"{method.Name}: the CancellationToken is optional");
        }

        var get = Assert.Single(user.GetMembers("GetArticlesAsync").OfType<IMethodSymbol>());
        Assert.Equal("System.Threading.Tasks.Task<System.Collections.Generic.List<Blog.Post>>", get.ReturnType.ToDisplayString());
        Assert.Equal("System.Func<Associations.Query<Blog.Post>, Associations.Query<Blog.Post>>?", get.Parameters[1].Type.ToDisplayString());
        Assert.Equal("System.Threading.Tasks.Task<int>", Assert.Single(user.GetMembers("CountArticlesAsync").OfType<IMethodSymbol>()).ReturnType.ToDisplayString());
        Assert.Equal("System.Threading.Tasks.Task<Blog.Post>", Assert.Single(user.GetMembers("CreateArticleAsync").OfType<IMethodSymbol>()).ReturnType.ToDisplayString());

        // Entity and key overloads (the key is the target's key type).
        Assert.Equal(
            new[] { "Blog.Post", "int" },
            user.GetMembers("AddArticleAsync").OfType<IMethodSymbol>().Select(m => m.Parameters[1].Type.ToDisplayString()).OrderBy(s => s));
        Assert.Equal(
            new[] { "System.Collections.Generic.IEnumerable<Blog.Post>", "System.Collections.Generic.IEnumerable<int>" },
            user.GetMembers("SetArticlesAsync").OfType<IMethodSymbol>().Select(m => m.Parameters[1].Type.ToDisplayString()).OrderBy(s => s));
    }

    [Fact]
    public void HasOneAndBelongsToAccessors()
    {
        var result = GeneratorHarness.Run(SnapshotTests.Blog);
        var user = result.Type("Blog.User");
        Assert.Equal("Blog.Profile?", SingleProperty(result, "Blog.User", "Profile").Type.ToDisplayString());
        Assert.NotEmpty(user.GetMembers("GetProfileAsync"));
        Assert.NotEmpty(user.GetMembers("SetProfileAsync"));
        Assert.NotEmpty(user.GetMembers("CreateProfileAsync"));
        Assert.Contains(user.GetMembers("SetProfileAsync").OfType<IMethodSymbol>(), m => m.Parameters[1].Type.ToDisplayString() == "Blog.Profile?");

        var post = result.Type("Blog.Post");
        Assert.Equal("Blog.User?", SingleProperty(result, "Blog.Post", "Author").Type.ToDisplayString());
        Assert.NotEmpty(post.GetMembers("GetAuthorAsync"));
        Assert.NotEmpty(post.GetMembers("SetAuthorAsync"));
        Assert.NotEmpty(post.GetMembers("CreateAuthorAsync"));
    }

    [Fact]
    public void SingularOverridesTheSingularOfTheAlias()
    {
        var result = Run("""
            namespace Office;
            [HasMany(typeof(Employee), As = "Staff", Singular = "StaffMember")]
            public partial class Department { public int Id { get; set; } }
            public partial class Employee { public int Id { get; set; } }
            """);
        var department = result.Type("Office.Department");
        foreach (var name in new[] { "AddStaffMemberAsync", "RemoveStaffMemberAsync", "HasStaffMemberAsync", "CreateStaffMemberAsync" })
            Assert.NotEmpty(department.GetMembers(name));
        foreach (var name in new[] { "GetStaffAsync", "SetStaffAsync", "AddStaffAsync", "CountStaffAsync" })
            Assert.NotEmpty(department.GetMembers(name));
        // The FK still follows the source: DepartmentId.
        Assert.Single(result.Properties("Office.Employee", "DepartmentId"));
    }

    [Fact]
    public void DefaultHasManyNameIsTargetPluralAndSingularIsTargetName()
    {
        var result = Run("""
            namespace Family;
            [HasMany(typeof(Person))]
            public partial class Household { public int Id { get; set; } }
            public partial class Person { public int Id { get; set; } }
            """);
        var household = result.Type("Family.Household");
        Assert.Equal("System.Collections.Generic.List<Family.Person>?", SingleProperty(result, "Family.Household", "People").Type.ToDisplayString());
        Assert.NotEmpty(household.GetMembers("GetPeopleAsync"));
        Assert.NotEmpty(household.GetMembers("AddPersonAsync"));
        Assert.NotEmpty(household.GetMembers("AddPeopleAsync"));
    }

    [Fact]
    public void ParametersNamedAfterKeywordsAreEscaped()
    {
        var result = Run("""
            namespace Calendar;
            [HasMany(typeof(Event))]
            public partial class Venue { public int Id { get; set; } }
            public partial class Event { public int Id { get; set; } }
            """);
        var add = result.Type("Calendar.Venue").GetMembers("AddEventAsync").OfType<IMethodSymbol>()
            .Single(m => m.Parameters[1].Type.ToDisplayString() == "Calendar.Event");
        Assert.Equal("event", add.Parameters[1].Name);
    }
}
