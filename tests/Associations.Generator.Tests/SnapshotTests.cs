using Associations.Generator.Tests.Infrastructure;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// Generated sources and diagnostics of representative models, checked in under
/// <c>Snapshots/&lt;TestName&gt;/</c>. Every run also asserts that input and output compile without
/// errors and that a second run through the same driver changes nothing (see <see cref="GeneratorHarness.Run(string, bool)"/>).
/// </summary>
public class SnapshotTests
{
    /// <summary>SPEC §2, less BelongsToMany (not generated yet).</summary>
    public const string Blog = """
        using Associations;

        namespace Blog;

        [HasOne(typeof(Profile))]
        [HasMany(typeof(Post), As = "Articles", ForeignKey = "AuthorId")]
        public partial class User
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        [BelongsTo(typeof(User), As = "Author")]
        public partial class Post
        {
            public int Id { get; set; }
            public string Title { get; set; } = "";
        }

        public partial class Profile
        {
            public int Id { get; set; }
            public string Bio { get; set; } = "";
        }
        """;

    /// <summary>SPEC §2 as written, with the generated junction <c>UserRoles</c>.</summary>
    public const string FullBlog = """
        using Associations;

        namespace Blog;

        [HasOne(typeof(Profile))]
        [HasMany(typeof(Post), As = "Articles", ForeignKey = "AuthorId")]
        [BelongsToMany(typeof(Role), Through = "UserRoles")]
        public partial class User
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        [BelongsTo(typeof(User), As = "Author")]
        public partial class Post { public int Id { get; set; } public string Title { get; set; } = ""; }

        public partial class Profile { public int Id { get; set; } public string Bio { get; set; } = ""; }
        public partial class Role    { public int Id { get; set; } public string Name { get; set; } = ""; }
        """;

    [Fact]
    public void FullSpecBlogWithBelongsToMany()
    {
        var result = GeneratorHarness.Run(FullBlog);
        Assert.Contains(result.Files, f => f.HintName == "Blog.UserRoles.Associations.g.cs");
        Snapshot.Verify(result);
    }

    [Fact]
    public void BlogWithoutBelongsToMany()
    {
        var result = GeneratorHarness.Run(Blog);
        Snapshot.Verify(result);
    }

    [Fact]
    public void UnderscoredPerModelWithDataAnnotations()
    {
        var result = GeneratorHarness.Run("""
            using System;
            using System.ComponentModel.DataAnnotations;
            using System.ComponentModel.DataAnnotations.Schema;
            using Associations;

            namespace Shop;

            [Model(Underscored = true)]
            [Table("shop_customers")]
            [HasMany(typeof(PurchaseOrder), As = "Orders")]
            public partial class Customer
            {
                [Key]
                [DatabaseGenerated(DatabaseGeneratedOption.None)]
                public string Code { get; set; } = "";

                public string DisplayName { get; set; } = "";

                [Column("email_address")]
                public string? Email { get; set; }

                [NotMapped]
                public string Scratch { get; set; } = "";
            }

            [Model(Underscored = true)]
            [BelongsTo(typeof(Customer))]
            public partial class PurchaseOrder
            {
                public int Id { get; set; }
                public decimal TotalAmount { get; set; }
                public DateTime PlacedAt { get; set; }
            }
            """);
        Snapshot.Verify(result);
    }

    [Fact]
    public void UnderscoredByAssemblyDefaultsWithGuidKey()
    {
        var result = GeneratorHarness.Run("""
            using System;
            using System.ComponentModel.DataAnnotations;
            using System.ComponentModel.DataAnnotations.Schema;
            using Associations;

            [assembly: AssociationDefaults(Underscored = true)]

            namespace Library;

            [HasMany(typeof(BookCopy), As = "Copies")]
            public partial class LibraryBranch
            {
                [Key]
                [DatabaseGenerated(DatabaseGeneratedOption.None)]
                public Guid BranchId { get; set; }

                public string BranchName { get; set; } = "";
            }

            public partial class BookCopy
            {
                public int Id { get; set; }
                public string ShelfCode { get; set; } = "";

                [Column("isbn13")]
                public string Isbn { get; set; } = "";
            }

            // Opts out of the assembly default.
            [Model(Underscored = false)]
            [BelongsTo(typeof(LibraryBranch))]
            public partial class OpeningHour
            {
                public int Id { get; set; }
                public int DayOfWeek { get; set; }
            }
            """);
        Snapshot.Verify(result);
    }

    [Fact]
    public void SelfAssociation()
    {
        var result = GeneratorHarness.Run("""
            using Associations;

            namespace Family;

            [HasOne(typeof(Person), As = "Father")]
            public partial class Person
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }
            """);
        Snapshot.Verify(result);
    }

    [Fact]
    public void TwoBelongsToTheSameTarget()
    {
        var result = GeneratorHarness.Run("""
            using Associations;

            namespace League;

            [BelongsTo(typeof(Team), As = "HomeTeam")]
            [BelongsTo(typeof(Team), As = "AwayTeam")]
            public partial class Game
            {
                public int Id { get; set; }
                public int HomeScore { get; set; }
                public int AwayScore { get; set; }
            }

            [HasMany(typeof(Game), As = "HomeGames", ForeignKey = "HomeTeamId")]
            [HasMany(typeof(Game), As = "AwayGames", ForeignKey = "AwayTeamId")]
            public partial class Team
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }
            """);
        Snapshot.Verify(result);
    }

    [Fact]
    public void GlobalNamespaceAndEqualClassNames()
    {
        var result = GeneratorHarness.Run("""
            using Associations;

            [Model]
            public partial class Setting
            {
                public int Id { get; set; }
                public string Value { get; set; } = "";
            }

            namespace Sales
            {
                [HasMany(typeof(Item))]
                public partial class Order
                {
                    public int Id { get; set; }
                }

                public partial class Item
                {
                    public int Id { get; set; }
                    public string Sku { get; set; } = "";
                }
            }

            namespace Warehouse
            {
                [HasMany(typeof(Item))]
                [BelongsTo(typeof(global::Sales.Order), As = "SalesOrder")]
                public partial class Order
                {
                    public int Id { get; set; }
                }

                public partial class Item
                {
                    public int Id { get; set; }
                    public int Shelf { get; set; }
                }
            }
            """);

        // One file per model, named by namespace and type (AddSource would throw on a collision).
        var files = result.Files.Select(f => f.HintName).ToHashSet();
        Assert.Subset(files, new HashSet<string>
        {
            "Associations.ModelRegistry.g.cs",
            "Sales.Item.Associations.g.cs",
            "Sales.Order.Associations.g.cs",
            "Setting.Associations.g.cs",
            "Warehouse.Item.Associations.g.cs",
            "Warehouse.Order.Associations.g.cs",
        });
        Assert.Equal(2, result.Output.SyntaxTrees.Count(t => t.FilePath.EndsWith(".Item.Associations.g.cs", StringComparison.Ordinal)));
        Snapshot.Verify(result);
    }

    /// <summary>
    /// Models nested in partial types (two containers nesting equal names in one namespace) and <c>record class</c> models:
    /// the generated partials re-open the containers and say <c>record class</c>; the query extensions, which must be
    /// top-level, take the containers' names.
    /// </summary>
    [Fact]
    public void NestedAndRecordModels()
    {
        var result = GeneratorHarness.Run("""
            using Associations;

            namespace Shop;

            public static partial class Retail
            {
                [HasMany(typeof(Line))]
                public partial record Order
                {
                    public int Id { get; set; }
                    public string Number { get; set; } = "";
                }

                public partial record class Line
                {
                    public int Id { get; set; }
                    public int Quantity { get; set; }
                }
            }

            internal partial struct Wholesale
            {
                [BelongsTo(typeof(Retail.Order), As = "Source")]
                [System.ComponentModel.DataAnnotations.Schema.Table("WholesaleOrders")]
                internal partial class Order
                {
                    public int Id { get; set; }
                }
            }
            """);

        var files = result.Files.Select(f => f.HintName).ToHashSet();
        Assert.Subset(files, new HashSet<string>
        {
            "Shop.Retail.Order.Associations.g.cs",
            "Shop.Retail.Line.Associations.g.cs",
            "Shop.Wholesale.Order.Associations.g.cs",
        });
        // One file per model: the query extensions are written at the end of the model's file.
        Assert.DoesNotContain(files, f => f.EndsWith(".Includes.g.cs", StringComparison.Ordinal));
        Assert.Contains("static class RetailOrderQueryExtensions", result.Files.Single(f => f.HintName == "Shop.Retail.Order.Associations.g.cs").Text);
        var retail = result.Output.GetTypeByMetadataName("Shop.RetailOrderQueryExtensions");
        var wholesale = result.Output.GetTypeByMetadataName("Shop.WholesaleOrderQueryExtensions");
        Assert.NotNull(retail);
        Assert.NotNull(wholesale);
        Assert.Equal(Microsoft.CodeAnalysis.Accessibility.Public, retail.DeclaredAccessibility);
        Assert.Equal(Microsoft.CodeAnalysis.Accessibility.Internal, wholesale.DeclaredAccessibility);
        Assert.True(result.Output.GetTypeByMetadataName("Shop.Retail+Order")!.IsRecord);
        Snapshot.Verify(result);
    }

    [Fact]
    public void EnumAndNullableProperties()
    {
        var result = GeneratorHarness.Run("""
            using System;
            using Associations;

            namespace Tracker;

            public enum Priority { Low, Normal, High }

            public enum Size : byte { Small = 1, Large = 2 }

            public enum Code : long { None = 0, Big = 5_000_000_000 }

            [BelongsTo(typeof(Project))]
            public partial class Issue
            {
                public int Id { get; set; }
                public Priority Priority { get; set; }
                public Priority? TriagedPriority { get; set; }
                public Size Size { get; set; }
                public Code Code { get; set; }
                public Size? OptionalSize { get; set; }
                public int? Estimate { get; set; }
                public string? Notes { get; set; }
                public string Title { get; set; } = "";
                public DateTime? ClosedAt { get; set; }
                public DateTimeOffset CreatedAt { get; set; }
                public Guid? ExternalId { get; set; }
                public bool IsOpen { get; set; }
                public bool? Reviewed { get; set; }
                public double? Score { get; set; }
                public float Weight { get; set; }
                public decimal? Cost { get; set; }
                public short Rank { get; set; }
                public long Views { get; set; }
                public byte[]? Attachment { get; set; }
            }

            public partial class Project
            {
                public long Id { get; set; }
                public string Name { get; set; } = "";
            }
            """);
        Snapshot.Verify(result);
    }
}
