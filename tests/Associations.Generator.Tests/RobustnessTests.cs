using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Associations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Associations.Generator.Tests;

/// <summary>
/// SPEC §6 at scale: the generator never throws and never emits code that fails to compile, whatever
/// it is given. A deterministic corpus (fixed seed) of broken and unusual inputs — truncated and mutated
/// valid programs, attributes with wrong arguments, missing targets, every class shape, namespace forms,
/// models split over files — is run through the generator; for every input:
/// <list type="bullet">
/// <item>no generator exception (no CS8784/CS8785) and no ASSOC999;</item>
/// <item>no error inside a generated file; when the input itself compiles, no error anywhere in the output;</item>
/// <item>every ASSOC diagnostic points into the input;</item>
/// <item>for the inputs that are valid models, no ASSOC diagnostic at all.</item>
/// </list>
/// A failure lists every failing input with what went wrong, then the first few in full, source numbered
/// (ROBUSTNESS_SHOW_ALL=1 prints all of them in full).
/// </summary>
public class RobustnessTests
{
    private const int Seed = 20_240_611;

    private readonly ITestOutputHelper _output;

    public RobustnessTests(ITestOutputHelper output) => _output = output;

    // ================================================================== the corpus

    /// <summary>One input: one or more files (Models.cs, Models1.cs, …).</summary>
    /// <param name="Valid">A valid model set: must compile and produce no ASSOC diagnostic at all.</param>
    /// <param name="ValidIfItCompiles">Valid whenever the input compiles without errors (prefixes of valid seeds).</param>
    public sealed record Input(string Category, string Description, string[] Sources, bool Valid = false, bool ValidIfItCompiles = false);

    private const string Header = "using System;\nusing System.Collections.Generic;\nusing System.ComponentModel.DataAnnotations;\nusing System.ComponentModel.DataAnnotations.Schema;\nusing Associations;\n\n";

    /// <summary>Valid programs covering every association kind and naming option; each must generate without any diagnostic.</summary>
    public static readonly (string Name, string Source)[] Seeds =
    {
        ("blog", """
            using System;
            using System.Collections.Generic;
            using Associations;

            namespace Blog;

            [HasOne(typeof(Profile))]
            [HasMany(typeof(Post), As = "Articles", ForeignKey = "AuthorId")]
            [BelongsToMany(typeof(Role), Through = "UserRoles")]
            [BelongsToMany(typeof(Project), Through = typeof(UserProject))]
            public partial class User
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }

            [BelongsTo(typeof(User), As = "Author")]
            [HasMany(typeof(Comment), OnDelete = ReferentialAction.Cascade)]
            [BelongsToMany(typeof(Tag), Through = "PostTags")]
            public partial class Post
            {
                public int Id { get; set; }
                public string Title { get; set; } = "";
                public DateTime? PublishedAt { get; set; }
            }

            [BelongsTo(typeof(Post))]
            public partial class Comment { public int Id { get; set; } public string Body { get; set; } = ""; }

            public partial class Profile { public int Id { get; set; } public string Bio { get; set; } = ""; }

            public partial class Role { public int Id { get; set; } public string Name { get; set; } = ""; }

            [BelongsToMany(typeof(Post), Through = "PostTags")]
            public partial class Tag { public int Id { get; set; } public string Label { get; set; } = ""; }

            /// <summary>A junction with a payload and no key of its own.</summary>
            public partial class UserProject { public string Status { get; set; } = "new"; public int Hours { get; set; } }

            public partial class Project { public int Id { get; set; } public string Title { get; set; } = ""; }
            // end of the blog
            """),
        ("self", """
            using Associations;

            namespace Family
            {
                [HasOne(typeof(Person), As = "Father")]
                [BelongsToMany(typeof(Person), As = "Children", Through = "PersonChildren")]
                [BelongsToMany(typeof(Person), As = "Parents", Through = "PersonChildren", ForeignKey = "ChildId", OtherKey = "PersonId")]
                public partial class Person
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                }

                [BelongsTo(typeof(Employee), As = "Manager")]
                [HasMany(typeof(Employee), As = "Reports", ForeignKey = "ManagerId")]
                public partial class Employee
                {
                    public long Id { get; set; }
                    public string Title { get; set; } = "";
                }
            }
            // end
            """),
        ("underscored", """
            using System;
            using System.ComponentModel.DataAnnotations;
            using System.ComponentModel.DataAnnotations.Schema;
            using Associations;

            [assembly: AssociationDefaults(Underscored = true)]

            namespace Library;

            [HasMany(typeof(BookCopy), As = "Copies")]
            [BelongsToMany(typeof(Reader), Through = "BranchReaders")]
            public partial class LibraryBranch
            {
                [Key]
                [DatabaseGenerated(DatabaseGeneratedOption.None)]
                public Guid BranchId { get; set; }

                public string BranchName { get; set; } = "";
            }

            [BelongsTo(typeof(LibraryBranch))]
            public partial class BookCopy
            {
                public Guid Id { get; set; }
                public string ShelfCode { get; set; } = "";

                [Column("isbn13")]
                public string Isbn { get; set; } = "";
            }

            public partial class Reader { public Guid Id { get; set; } public string? Email { get; set; } }

            // Opts out of the assembly default.
            [Model(Underscored = false)]
            [BelongsTo(typeof(LibraryBranch))]
            public partial class OpeningHour
            {
                public int Id { get; set; }
                public int DayOfWeek { get; set; }
            }
            """),
        ("annotations", """
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
                public byte[]? Receipt { get; set; }
            }

            [Model(Singular = "Person", Plural = "People")]
            [Table("staff")]
            public partial class StaffMember
            {
                [Key]
                [DatabaseGenerated(DatabaseGeneratedOption.None)]
                public long Number { get; set; }

                [Column(TypeName = "text")]
                public string Name { get; set; } = "";
            }
            """),
        ("scopes", """
            using System;
            using Associations;

            namespace Tracker;

            public enum Priority { Low, Normal, High }

            public enum Size : byte { Small = 1, Large = 2 }

            [BelongsTo(typeof(Project))]
            [BelongsTo(typeof(Member), As = "Assignee")]
            public partial class Issue
            {
                public int Id { get; set; }
                public Priority Priority { get; set; }
                public Size? Size { get; set; }
                public string Status { get; set; } = "open";
                public DateTime? DeletedAt { get; set; }

                [Scope] static Query<Issue> Open(Query<Issue> q) => q.Where(Columns.Status == "open");

                [Scope] static Query<Issue> WithProject(Query<Issue> q) => q.IncludeProject();

                [Scope(Default = true)] static Query<Issue> NotDeleted(Query<Issue> q) => q.Where(Columns.DeletedAt.IsNull());
            }

            [HasMany(typeof(Issue))]
            public partial class Project
            {
                public long Id { get; set; }
                public string Name { get; set; } = "";
            }

            [Model]
            public partial class Member { public int Id { get; set; } public string Handle { get; set; } = ""; }
            """),
        ("junctions", """
            using System;
            using Associations;

            [Model]
            public partial class Setting { public int Id { get; set; } public string Value { get; set; } = ""; }

            namespace Work
            {
                [BelongsToMany(typeof(Ticket), Through = typeof(Assignment))]
                [HasMany(typeof(Assignment))]
                public partial class Developer { public int Id { get; set; } public string Name { get; set; } = ""; }

                [BelongsToMany(typeof(Developer), Through = typeof(Assignment))]
                [HasMany(typeof(Assignment))]
                public partial class Ticket { public int Id { get; set; } public string Title { get; set; } = ""; }

                [BelongsTo(typeof(Developer))]
                [BelongsTo(typeof(Ticket))]
                public partial class Assignment { public int Id { get; set; } public string Role { get; set; } = "owner"; }

                [BelongsToMany(typeof(Song), Through = "PlaylistSongs", Unique = false, OnDelete = ReferentialAction.Cascade)]
                [HasOne(typeof(Cover), Constraints = false, OnUpdate = ReferentialAction.NoAction)]
                public partial class Playlist { public int Id { get; set; } public string Name { get; set; } = ""; }

                public partial class Song { public int Id { get; set; } public string Title { get; set; } = ""; }

                public partial class Cover { public int Id { get; set; } public string Url { get; set; } = ""; }
            }
            """),
    };

    public static IReadOnlyList<Input> Corpus(string category) => category switch
    {
        "seeds" => Seeds.Select(s => new Input("seeds", s.Name, new[] { s.Source }, Valid: true)).ToList(),
        "truncated" => Truncated(),
        "arguments" => WrongArguments(),
        "targets" => Targets(),
        "shapes" => Shapes(),
        "namespaces" => NamespacesAndPartials(),
        "mutations" => Mutations(),
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static readonly string[] Categories = { "seeds", "truncated", "arguments", "targets", "shapes", "namespaces", "mutations" };

    public static TheoryData<string> CategoryData()
    {
        var data = new TheoryData<string>();
        foreach (var c in Categories) data.Add(c);
        return data;
    }

    /// <summary>(a) Every seed cut at 40 random points (prefix truncation); a prefix that still compiles is a valid model set.</summary>
    private static List<Input> Truncated()
    {
        var random = new Random(Seed);
        var inputs = new List<Input>();
        foreach (var (name, source) in Seeds)
        {
            var cuts = new SortedSet<int>();
            while (cuts.Count < 40) cuts.Add(random.Next(1, source.Length));
            foreach (var cut in cuts)
                inputs.Add(new Input("truncated", $"{name} cut at {cut}/{source.Length}", new[] { source.Substring(0, cut) }, ValidIfItCompiles: true));
        }
        return inputs;
    }

    /// <summary>(b) Association attributes with wrong, missing or extra arguments, each on HasMany and one other kind.</summary>
    private static List<Input> WrongArguments()
    {
        string[] arguments =
        {
            "typeof(Post), As = 5",
            "typeof(Post), As = typeof(int)",
            "typeof(Post), As = null",
            "typeof(Post), As = \"\"",
            "typeof(Post), As = \"Posts\", As = \"Articles\"",
            "typeof(Post), As = nameof(Post)",
            "typeof(Post), Through = 3",
            "typeof(Post), Through = typeof(int)",
            "typeof(Post), Through = typeof(Missing)",
            "typeof(Post), Through = null",
            "typeof(Post), Through = \"\"",
            "typeof(Post), Through = \"Global::X\"",
            "typeof(Post), Through = typeof(User)",
            "typeof(Post), Through = typeof(Post)",
            "typeof(Post), Through = new[] { 1 }",
            "typeof(Post), OnDelete = \"x\"",
            "typeof(Post), OnDelete = 3",
            "typeof(Post), OnDelete = (ReferentialAction)42",
            "typeof(Post), OnDelete = (ReferentialAction)(-1)",
            "typeof(Post), OnUpdate = ReferentialAction.SetNull",
            "typeof(Post), OnDelete = ReferentialAction.SetDefault, OnUpdate = ReferentialAction.Restrict",
            "typeof(Post), ForeignKey = null",
            "typeof(Post), ForeignKey = 5",
            "typeof(Post), ForeignKey = \"\"",
            "typeof(Post), ForeignKey = \"Id\"",
            "typeof(Post), ForeignKey = \"Name\"",
            "typeof(Post), ForeignKey = \"UserId\"",
            "typeof(Post), ForeignKey = \"userid\"",
            "typeof(Post), ForeignKey = \"Get\"",
            "typeof(Post), ForeignKey = \"class\"",
            "typeof(Post), OtherKey = 5",
            "typeof(Post), OtherKey = \"\"",
            "typeof(Post), OtherKey = \"PostId\"",
            "typeof(Post), SourceKey = \"\"",
            "typeof(Post), SourceKey = \"Name\"",
            "typeof(Post), SourceKey = null",
            "typeof(Post), TargetKey = \"Missing\"",
            "typeof(Post), TargetKey = \"Title\"",
            "typeof(Post), Unique = \"yes\"",
            "typeof(Post), Unique = false",
            "typeof(Post), Constraints = 1",
            "typeof(Post), Constraints = false",
            "typeof(Post), Hooks = \"true\"",
            "typeof(Post), Hooks = true, OnDelete = ReferentialAction.Cascade",
            "typeof(Post), Singular = 3",
            "typeof(Post), Singular = \"\"",
            "typeof(Post), Singular = \"Post\"",
            "typeof(Post), ScopeProperty = 1",
            "typeof(Post), ScopeProperty = \"Missing\", ScopeValue = \"x\"",
            "typeof(Post), ScopeValue = typeof(Post)",
            "typeof(Post), ScopeValue = new object()",
            "typeof(Post), Unknown = 1",
            "Post",
            "\"Post\"",
            "null",
            "default",
            "typeof(Post), typeof(Role)",
            "typeof(Post), \"Posts\"",
            "As = \"Posts\"",
            "typeof(Post) As = \"Posts\"",
            "typeof(Post), As = \"Posts\",",
            "typeof()",
            "typeof(Post[])",
            "typeof(Post?)",
            "typeof(List<Post>)",
            "typeof(int?)",
            "typeof(Post*)",
            "typeof(dynamic)",
            "typeof(void)",
            "typeof(Post), As = \"Posts\"",
        };
        // Each on HasMany and on one other kind (BelongsToMany for its own options, else in turn).
        string[] others = { "HasOne", "BelongsTo", "BelongsToMany" };
        var inputs = new List<Input>();
        foreach (var (args, index) in arguments.Select((a, i) => (a, i)))
            foreach (var kind in new[] { "HasMany", args.Contains("Through") || args.Contains("OtherKey") || args.Contains("Unique") || args.Contains("TargetKey") ? "BelongsToMany" : others[index % others.Length] })
            {
                var through = kind == "BelongsToMany" && !args.Contains("Through") && args.StartsWith("typeof(Post)", StringComparison.Ordinal) ? ", Through = \"UserPosts\"" : "";
                var source = Header + "namespace Args;\n\n"
                    + $"[{kind}({args}{through})]\n"
                    + "public partial class User { public int Id { get; set; } public string Name { get; set; } = \"\"; }\n"
                    + "public partial class Post { public int Id { get; set; } public string Title { get; set; } = \"\"; public int? UserId { get; set; } }\n"
                    + "public partial class Role { public int Id { get; set; } }\n";
                inputs.Add(new Input("arguments", $"[{kind}({args}{through})]", new[] { source }));
            }
        return inputs;
    }

    /// <summary>(c) Targets (and junctions) that are missing, unknown, or not classes of this compilation.</summary>
    private static List<Input> Targets()
    {
        string[] targets =
        {
            "Missing", "Missing<int>", "Args.Missing", "System.Missing", "global::Missing", "Post.Inner", "Post.Missing",
            "IThing", "Color", "Handler", "Point", "Rec", "RecStruct", "StaticBox", "Box<>", "Box<int>", "Box<Post>",
            "Uri", "System.IO.Stream", "object", "string", "int", "Exception", "Attribute", "HasManyAttribute",
            "Associations.DbSession", "Outer.Nested", "Alias", "Post", "User", "Other.Post", "global::Args.Post",
        };
        string[] kinds = { "HasOne", "BelongsTo", "HasMany", "BelongsToMany" };
        const string types = """
            public partial class Post { public int Id { get; set; } }
            public interface IThing { int Id { get; set; } }
            public enum Color { Red }
            public delegate void Handler();
            public struct Point { public int Id { get; set; } }
            public record Rec(int Id);
            public record struct RecStruct(int Id);
            public static class StaticBox { }
            public class Box<T> { public int Id { get; set; } }
            public class Outer { public class Nested { public int Id { get; set; } } }
            """;
        var inputs = new List<Input>();
        foreach (var kind in kinds)
            foreach (var target in targets)
            {
                var through = kind == "BelongsToMany" ? ", Through = \"UserThings\"" : "";
                var source = "using Alias = Args.Post;\n" + Header + "namespace Other { public partial class Post { public int Id { get; set; } } }\n\nnamespace Args\n{\n"
                    + $"[{kind}(typeof({target}){through})]\n"
                    + "public partial class User { public int Id { get; set; } }\n" + types + "}\n";
                inputs.Add(new Input("targets", $"[{kind}(typeof({target}))]", new[] { source }));
            }
        // The junction given as a type that cannot be one.
        foreach (var target in targets)
        {
            var source = "using Alias = Args.Post;\n" + Header + "namespace Args\n{\n"
                + $"[BelongsToMany(typeof(Post), Through = typeof({target}))]\n"
                + "public partial class User { public int Id { get; set; } }\n" + types + "}\n";
            inputs.Add(new Input("targets", $"Through = typeof({target})", new[] { source }));
        }
        return inputs;
    }

    /// <summary>(d) Every class shape, as a declaring model, a [Model], a target and a junction.</summary>
    private static List<Input> Shapes()
    {
        // {A} is where attributes go; the typeof expression names the shape.
        (string Name, string Declaration, string TypeOf)[] shapes =
        {
            ("generic", "{A}public partial class Thing<T> { public int Id { get; set; } }", "Thing<int>"),
            ("open generic", "{A}public partial class Thing<T> { public int Id { get; set; } }", "Thing<>"),
            ("nested", "public partial class Outer { {A}public partial class Thing { public int Id { get; set; } } }", "Outer.Thing"),
            ("nested in non-partial", "public class Outer { {A}public partial class Thing { public int Id { get; set; } } }", "Outer.Thing"),
            ("nested in struct", "public partial struct Outer { {A}public partial class Thing { public int Id { get; set; } } }", "Outer.Thing"),
            ("nested in generic", "public partial class Outer<T> { {A}public partial class Thing { public int Id { get; set; } } }", "Outer<int>.Thing"),
            ("static", "{A}public static partial class Thing { public static int Id { get; set; } }", "Thing"),
            ("positional record", "{A}public partial record Thing(int Id);", "Thing"),
            ("record", "{A}public partial record Thing { public int Id { get; set; } }", "Thing"),
            ("record class", "{A}public partial record class Thing { public int Id { get; set; } }", "Thing"),
            ("record struct", "{A}public partial record struct Thing { public int Id { get; set; } }", "Thing"),
            ("struct", "{A}public partial struct Thing { public int Id { get; set; } }", "Thing"),
            ("readonly struct", "{A}public readonly partial struct Thing { public int Id { get; } }", "Thing"),
            ("ref struct", "{A}public ref partial struct Thing { public int Id { get; set; } }", "Thing"),
            ("abstract", "{A}public abstract partial class Thing { public int Id { get; set; } }", "Thing"),
            ("interface", "{A}public partial interface Thing { int Id { get; set; } }", "Thing"),
            ("enum", "{A}public enum Thing { Id }", "Thing"),
            ("sealed", "{A}public sealed partial class Thing { public int Id { get; set; } }", "Thing"),
            ("internal", "{A}internal partial class Thing { public int Id { get; set; } }", "Thing"),
            ("file-local", "{A}file partial class Thing { public int Id { get; set; } }", "Thing"),
            ("not partial", "{A}public class Thing { public int Id { get; set; } }", "Thing"),
            ("private constructor", "{A}public partial class Thing { private Thing() { } public int Id { get; set; } }", "Thing"),
            ("constructor with parameters", "{A}public partial class Thing { public Thing(int id) { Id = id; } public int Id { get; set; } }", "Thing"),
            ("primary constructor", "{A}public partial class Thing(string name) { public int Id { get; set; } public string Name { get; set; } = name; }", "Thing"),
            ("required mapped member", "{A}public partial class Thing { public int Id { get; set; } public required string Name { get; set; } }", "Thing"),
            ("init-only key", "{A}public partial class Thing { public int Id { get; init; } }", "Thing"),
            ("get-only key", "{A}public partial class Thing { public int Id { get; } }", "Thing"),
            ("key is a field", "{A}public partial class Thing { public int Id; }", "Thing"),
            ("static key", "{A}public partial class Thing { public static int Id { get; set; } }", "Thing"),
            ("key of an unsupported type", "{A}public partial class Thing { public TimeSpan Id { get; set; } }", "Thing"),
            ("nullable key", "{A}public partial class Thing { public int? Id { get; set; } }", "Thing"),
            ("string key", "{A}public partial class Thing { public string Id { get; set; } = \"\"; }", "Thing"),
            ("enum key", "public enum Kind { A }\n{A}public partial class Thing { public Kind Id { get; set; } }", "Thing"),
            ("private key", "{A}public partial class Thing { private int Id { get; set; } }", "Thing"),
            ("NotMapped key", "{A}public partial class Thing { [NotMapped] public int Id { get; set; } }", "Thing"),
            ("two keys", "{A}public partial class Thing { [Key] public int A { get; set; } [Key] public int B { get; set; } }", "Thing"),
            ("Id and another [Key]", "{A}public partial class Thing { public int Id { get; set; } [Key] public string Code { get; set; } = \"\"; }", "Thing"),
            ("key in a generic base", "public class Entity<TKey> { public TKey Id { get; set; } = default!; }\n{A}public partial class Thing : Entity<int> { }", "Thing"),
            ("derived from another model", "[Model] public partial class Animal { public int Id { get; set; } }\n{A}public partial class Thing : Animal { public string Name { get; set; } = \"\"; }", "Thing"),
            ("hides a base member", "public class Base { public string Columns = \"\"; public int Id { get; set; } }\n{A}public partial class Thing : Base { }", "Thing"),
            ("unsafe", "{A}public unsafe partial class Thing { public int Id { get; set; } public int* Pointer; }", "Thing"),
            ("keyword name", "{A}public partial class @event { public int Id { get; set; } }", "@event"),
            ("underscore name", "{A}public partial class _ { public int Id { get; set; } }", "_"),
            ("unicode name", "{A}public partial class Café { public int Id { get; set; } }", "Café"),
            ("indexer and events", "{A}public partial class Thing { public int Id { get; set; } public int this[int i] => i; public event Action? Changed; }", "Thing"),
            ("explicit interface property", "public interface IHasId { int Id { get; set; } }\n{A}public partial class Thing : IHasId { int IHasId.Id { get; set; } }", "Thing"),
            ("properties of every kind", "{A}public partial class Thing { public int Id { get; set; } public object? O { get; set; } public List<int> L { get; set; } = new(); public dynamic? D { get; set; } public int[] A { get; set; } = []; public (int, int) T { get; set; } public Missing? M { get; set; } }", "Thing"),
            ("property named like the class", "{A}public partial class Thing { public int Id { get; set; } public int ThingId { get; set; } }", "Thing"),
            ("static constructor and const", "{A}public partial class Thing { static Thing() { } public const int Max = 1; public int Id { get; set; } }", "Thing"),
            ("obsolete", "[Obsolete(\"old\", true)]\n{A}public partial class Thing { public int Id { get; set; } }", "Thing"),
        };
        (string Name, string OnShape, string OnUser)[] roles =
        {
            ("[Model]", "[Model]\n", ""),
            ("declares HasMany", "[HasMany(typeof(Post))]\n", ""),
            ("declares BelongsTo", "[BelongsTo(typeof(User))]\n", ""),
            ("target", "", "[HasMany(typeof({T}))]\n"),
            ("junction", "", "[BelongsToMany(typeof(Post), Through = typeof({T}))]\n"),
        };
        var inputs = new List<Input>();
        foreach (var shape in shapes)
            foreach (var role in roles)
            {
                var source = Header + "namespace Shapes;\n\n"
                    + role.OnUser.Replace("{T}", shape.TypeOf) + "public partial class User { public int Id { get; set; } }\n"
                    + "public partial class Post { public int Id { get; set; } }\n"
                    + shape.Declaration.Replace("{A}", role.OnShape) + "\n";
                inputs.Add(new Input("shapes", $"{shape.Name} as {role.Name}", new[] { source }));
            }
        return inputs;
    }

    /// <summary>(e) Namespace forms, names that shadow what generated code uses, and models split over files.</summary>
    private static List<Input> NamespacesAndPartials()
    {
        var inputs = new List<Input>();
        void Add(string description, bool valid, params string[] sources) => inputs.Add(new Input("namespaces", description, sources, Valid: valid));

        const string Pair = """
            [HasMany(typeof(Post))]
            [BelongsToMany(typeof(Tag), Through = "PostTags")]
            public partial class User { public int Id { get; set; } }

            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; set; } }

            public partial class Tag { public int Id { get; set; } }
            """;
        Add("file-scoped namespace", true, Header + "namespace App.Models;\n\n" + Pair);
        Add("global namespace", true, Header + Pair);
        Add("block namespace", true, Header + "namespace App.Models\n{\n" + Pair + "\n}\n");
        Add("nested block namespaces", true, Header + "namespace App\n{\n    namespace Models.Inner\n    {\n" + Pair + "\n    }\n}\n");
        Add("two namespaces in one file", true, Header + "namespace A\n{\n" + Pair + "\n}\nnamespace B\n{\n" + Pair + "\n}\n");
        Add("global and namespaced with equal names", true, Header + Pair + "\nnamespace B\n{\n" + Pair + "\n}\n");
        Add("namespace named Associations.Models", true, Header + "namespace Associations.Models;\n\n" + Pair);
        Add("namespace named like a framework one", true, Header + "namespace App.System.Threading.Tasks;\n\n" + Pair);
        Add("namespace with a keyword part", true, Header + "namespace App.@class;\n\n" + Pair);
        Add("namespace with a unicode part", true, Header + "namespace Ünïcode.Modèles;\n\n" + Pair);
        Add("namespaces in two files", true, Header + "namespace A;\n\n[HasMany(typeof(B.Post))]\npublic partial class User { public int Id { get; set; } }\n",
            Header + "namespace B;\n\n[BelongsTo(typeof(A.User))]\npublic partial class Post { public int Id { get; set; } }\n");

        // Model names that shadow types the generated code uses (it must qualify them).
        string[] shadowing = { "Task", "List", "Guid", "String", "Int32", "DateTime", "Nullable", "Func", "IEnumerable", "CancellationToken", "Enumerable", "Array", "Object", "Query", "DbSession", "StringColumn", "Condition", "IModel", "Metadata", "ModelMetadata", "Accessors", "Internal", "Associations", "System", "Global", "EditorBrowsable", "Math", "Convert", "Type", "Exception" };
        foreach (var name in shadowing)
        {
            Add($"model named {name}", true, Header.Replace("using System.Collections.Generic;\n", "") + $"namespace Shadow;\n\n[HasMany(typeof({name}))]\n[BelongsToMany(typeof(Tag), Through = \"UserTags\")]\npublic partial class User {{ public int Id {{ get; set; }} }}\n\n"
                + $"[BelongsTo(typeof(User))]\npublic partial class {name} {{ public int Id {{ get; set; }} }}\n\npublic partial class Tag {{ public int Id {{ get; set; }} }}\n");
        }

        // HasMany(typeof(Column)) is named "Columns" by default, which the generated typed columns take (ASSOC002).
        Add("HasMany of a model named Column", false, Header + "namespace Shadow;\n\n[HasMany(typeof(Column))]\npublic partial class User { public int Id { get; set; } }\npublic partial class Column { public int Id { get; set; } }\n");

        // One model split over several files, attributes on different parts.
        const string UserA = "[HasMany(typeof(Post))]\npublic partial class User { public int Id { get; set; } }\n";
        const string UserB = "[BelongsToMany(typeof(Tag), Through = \"UserTags\")]\npublic partial class User { public string Name { get; set; } = \"\"; }\n";
        const string UserC = "[Model(Underscored = true)]\n[Table(\"people\")]\npublic partial class User { }\n";
        const string Others = "[BelongsTo(typeof(User))]\npublic partial class Post { public int Id { get; set; } }\npublic partial class Tag { public int Id { get; set; } }\n";
        string Ns(string text) => Header + "namespace Split;\n\n" + text;
        Add("partials over three files", true, Ns(UserA), Ns(UserB), Ns(UserC + Others));
        Add("partials over three files, other order", true, Ns(Others), Ns(UserC), Ns(UserB + UserA));
        Add("partials in one file", true, Ns(UserA + UserB + UserC + Others));
        Add("key in another file than the attributes", true, Ns("[HasMany(typeof(Post))]\npublic partial class User { }\n" + Others.Replace("[BelongsTo(typeof(User))]\n", "")),
            Ns("public partial class User { public int Id { get; set; } }\n"));
        Add("attributes on a part in a block namespace, key in a file-scoped one", true,
            Header + "namespace Split\n{\n" + UserA.Replace(" public int Id { get; set; } ", " ") + "}\n", Ns("public partial class User { public int Id { get; set; } }\n" + Others));
        Add("the same attribute on two parts", false, Ns(UserA), Ns(UserA.Replace(" public int Id { get; set; } ", " ") + Others));
        Add("[Model] on two parts", false, Ns("[Model]\npublic partial class User { public int Id { get; set; } }\n"), Ns("[Model]\npublic partial class User { }\n"));
        Add("one part not partial", false, Ns(UserA), Ns("public class User { public string Name { get; set; } = \"\"; }\n" + Others));
        Add("one part a struct", false, Ns(UserA), Ns("public partial struct User { }\n" + Others));
        Add("parts in different namespaces", false, Ns(UserA + Others), Header + "namespace Elsewhere;\n\n" + UserB);
        Add("part with its own using alias", false, Ns(UserA + Others), "using HM = Associations.HasManyAttribute;\n" + Ns("[HM(typeof(Tag))]\npublic partial class User { }\n"));
        Add("part that is half-typed", false, Ns(UserA + Others), Ns("[BelongsToMany(typeof(Tag), Through = \"UserTags\"\npublic partial class User { public string N"));
        Add("empty second file", true, Ns(UserA + Others), "");
        Add("second file only a using", true, Ns(UserA + Others), "using Associations;\n");
        Add("junction declared by hand in another file", true, Ns("[BelongsToMany(typeof(Tag), Through = \"UserTags\")]\npublic partial class User { public int Id { get; set; } }\npublic partial class Tag { public int Id { get; set; } }\n"),
            Ns("public partial class UserTags { public DateTime CreatedAt { get; set; } }\n"));
        Add("global usings in another file", true, "global using Associations;\nglobal using System.ComponentModel.DataAnnotations;\n",
            "namespace G;\n\n[HasMany(typeof(Post))]\npublic partial class User { [Key] public int Code { get; set; } }\npublic partial class Post { public int Id { get; set; } }\n");
        Add("attribute written with its full name", true, "namespace Full;\n\n[global::Associations.HasManyAttribute(typeof(Post))]\npublic partial class User { public int Id { get; set; } }\n[Associations.Model]\npublic partial class Post { public int Id { get; set; } }\n");
        Add("attribute through a using alias", true, "using Rel = Associations.BelongsToAttribute;\nnamespace Alias;\n\n[Rel(typeof(User))]\npublic partial class Post { public int Id { get; set; } }\npublic partial class User { public int Id { get; set; } }\n");
        Add("user-defined attribute named HasMany", false, "namespace Fake;\n\n[System.AttributeUsage(System.AttributeTargets.Class)] public class HasManyAttribute : System.Attribute { public HasManyAttribute(System.Type t) { } }\n[HasMany(typeof(Post))]\npublic partial class User { public int Id { get; set; } }\npublic class Post { }\n");
        Add("conditional compilation", false, Header + "namespace Cond;\n\n#if NEVER\n[HasMany(typeof(Post))]\n#endif\n[Model]\npublic partial class User { public int Id { get; set; } }\npublic partial class Post { public int Id { get; set; } }\n");
        Add("#nullable disable", true, "#nullable disable\n" + Header + "namespace Nul;\n\n[HasMany(typeof(Post))]\npublic partial class User { public int Id { get; set; } public string Name { get; set; } }\npublic partial class Post { public int Id { get; set; } public string Title { get; set; } }\n");
        Add("#line directives", true, Header + "namespace Lines;\n\n#line 500 \"Other.cs\"\n[HasMany(typeof(Post))]\npublic partial class User { public int Id { get; set; } }\n#line default\npublic partial class Post { public int Id { get; set; } }\n");
        Add("empty file", false, "");
        Add("only attributes", false, "[Associations.HasMany(typeof(int))]");
        Add("top-level statements", false, "using Associations;\nSystem.Console.WriteLine();\n[Model] public partial class User { public int Id { get; set; } }\n");
        return inputs;
    }

    /// <summary>(f) Random edits of the seeds: delete or duplicate a line, a keyword for an identifier, attribute targets swapped.</summary>
    private static List<Input> Mutations()
    {
        var random = new Random(Seed + 1);
        string[] keywords = { "class", "int", "partial", "typeof", "null", "static", "new", "namespace", "default", "this", "void", "public", "record", "struct", "return" };
        var inputs = new List<Input>();
        foreach (var (name, source) in Seeds)
        {
            var lines = source.Split('\n');
            for (var i = 0; i < 6; i++)
            {
                var line = random.Next(lines.Length);
                inputs.Add(new Input("mutations", $"{name}: delete line {line + 1}", new[] { string.Join("\n", lines.Where((_, n) => n != line)) }));
            }
            for (var i = 0; i < 6; i++)
            {
                var line = random.Next(lines.Length);
                inputs.Add(new Input("mutations", $"{name}: duplicate line {line + 1}", new[] { string.Join("\n", lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1))) }));
            }
            var identifiers = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
            for (var i = 0; i < 8; i++)
            {
                var token = identifiers[random.Next(identifiers.Count)];
                var keyword = keywords[random.Next(keywords.Length)];
                var mutated = source.Substring(0, token.SpanStart) + keyword + source.Substring(token.Span.End);
                inputs.Add(new Input("mutations", $"{name}: '{token.ValueText}' at {token.SpanStart} -> '{keyword}'", new[] { mutated }));
            }
            // Two attributes' typeof targets swapped.
            var typeofs = Regex.Matches(source, @"typeof\((\w+)\)").Cast<Match>().ToList();
            for (var i = 0; i < 5 && typeofs.Select(m => m.Groups[1].Value).Distinct().Count() > 1; i++)
            {
                var a = typeofs[random.Next(typeofs.Count)];
                var b = typeofs.Where(m => m.Groups[1].Value != a.Groups[1].Value).ElementAt(random.Next(typeofs.Count(m => m.Groups[1].Value != a.Groups[1].Value)));
                var (first, second) = a.Index < b.Index ? (a, b) : (b, a);
                var mutated = source.Substring(0, first.Index) + second.Value + source.Substring(first.Index + first.Length, second.Index - first.Index - first.Length)
                    + first.Value + source.Substring(second.Index + second.Length);
                inputs.Add(new Input("mutations", $"{name}: swap {first.Value}@{first.Index} and {second.Value}@{second.Index}", new[] { mutated }));
            }
            // Two attribute lines swapped (an attribute moves to another class, or two change places).
            var attributeLines = lines.Select((l, n) => (l, n)).Where(x => x.l.TrimStart().StartsWith("[", StringComparison.Ordinal) && x.l.Contains("typeof")).Select(x => x.n).ToList();
            for (var i = 0; i < 4 && attributeLines.Count > 1; i++)
            {
                var a = attributeLines[random.Next(attributeLines.Count)];
                var b = attributeLines[random.Next(attributeLines.Count)];
                if (a == b) continue;
                var copy = (string[])lines.Clone();
                (copy[a], copy[b]) = (copy[b], copy[a]);
                inputs.Add(new Input("mutations", $"{name}: swap attribute lines {a + 1} and {b + 1}", new[] { string.Join("\n", copy) }));
            }
            // Two of each together.
            for (var i = 0; i < 2; i++)
            {
                var copy = lines.ToList();
                copy.RemoveAt(random.Next(copy.Count));
                var dup = random.Next(copy.Count);
                copy.Insert(dup, copy[dup]);
                inputs.Add(new Input("mutations", $"{name}: delete and duplicate (#{i})", new[] { string.Join("\n", copy) }));
            }
        }
        return inputs;
    }

    // ================================================================== the checks

    /// <summary>Every input compiles against the same references; AddSyntaxTrees reuses their bound symbols.</summary>
    private static readonly CSharpCompilation Empty = GeneratorHarness.CreateCompilation(Array.Empty<(string, string)>());

    /// <summary>As the harness, less XML documentation checks (warnings only, and the bulk of the binding time).</summary>
    private static readonly CSharpParseOptions ParseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.None);

    private static string FileName(int index) => index == 0 ? "Models.cs" : $"Models{index}.cs";

    /// <summary>Runs the generator once over <paramref name="input"/>; null when every check passes, else what failed, with the input.</summary>
    public static string? Check(Input input)
    {
        List<string> problems;
        try
        {
            problems = Problems(input);
        }
        catch (Exception ex)
        {
            problems = new List<string> { "running the checks threw: " + ex };
        }
        if (problems.Count == 0) return null;

        var text = new StringBuilder();
        text.AppendLine($"[{input.Category}] {input.Description}");
        foreach (var p in problems) text.AppendLine("  * " + p.Replace("\n", "\n    "));
        for (var i = 0; i < input.Sources.Length; i++)
        {
            text.AppendLine($"  --- {FileName(i)}");
            var lines = input.Sources[i].Split('\n');
            for (var n = 0; n < lines.Length; n++) text.AppendLine($"  {n + 1,4}| {lines[n]}");
        }
        return text.ToString();
    }

    private static List<string> Problems(Input input)
    {
        var problems = new List<string>();
        var trees = input.Sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, FileName(i))).ToArray();
        var compilation = Empty.AddSyntaxTrees(trees);
        var driver = CSharpGeneratorDriver.Create(new[] { new AssociationsGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var result = new GeneratorResult(compilation, output, driver, driverDiagnostics);

        // 1. No exception, no internal error.
        foreach (var run in result.RunResult.Results.Where(r => r.Exception is not null))
            problems.Add("the generator threw: " + run.Exception);
        foreach (var d in result.DriverDiagnostics.Where(d => d.Id is "CS8784" or "CS8785"))
            problems.Add("driver: " + GeneratorResult.Format(d, ""));
        foreach (var d in result.GeneratorDiagnostics.Where(d => d.Id == "ASSOC999"))
            problems.Add("internal error: " + GeneratorResult.Format(d, ""));

        // 2. Generated code compiles; and when the input compiles, so does the output.
        var inputErrors = result.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var outputErrors = result.OutputErrors.ToList();
        var generatedErrors = outputErrors.Where(d => result.IsGenerated(d.Location.SourceTree)).ToList();
        if (generatedErrors.Count > 0)
            problems.Add("generated code does not compile:\n" + GeneratorResult.Describe(generatedErrors.Take(10)));
        else if (inputErrors.Count == 0 && outputErrors.Count > 0)
            problems.Add("the input compiles, the output does not:\n" + GeneratorResult.Describe(outputErrors.Take(10)));

        // 3. Every ASSOC diagnostic points into the input.
        var files = input.Sources.Select((s, i) => (Path: FileName(i), s.Length)).ToList();
        foreach (var d in result.GeneratorDiagnostics.Where(d => d.Id.StartsWith("ASSOC", StringComparison.Ordinal)))
        {
            if (d.Location == Location.None) { problems.Add("no location: " + GeneratorResult.Format(d, "")); continue; }
            var file = files.FirstOrDefault(p => p.Path == d.Location.GetLineSpan().Path);
            if (file.Path is null || d.Location.SourceSpan.End > file.Length)
                problems.Add("location outside the input: " + GeneratorResult.Format(d, "") + " " + d.Location.SourceSpan);
        }

        // 4. A valid model set: no ASSOC diagnostic at all, something generated, and it all compiles.
        if (input.Valid && generatedErrors.Count == 0 && outputErrors.Count > 0)
            problems.Add("a valid model set does not compile with the generated code:\n" + GeneratorResult.Describe(outputErrors.Take(10)));
        if (input.Valid || (input.ValidIfItCompiles && inputErrors.Count == 0))
        {
            var assoc = result.GeneratorDiagnostics.Where(d => d.Id.StartsWith("ASSOC", StringComparison.Ordinal)).ToList();
            if (assoc.Count > 0) problems.Add("a valid model set got diagnostics:\n" + GeneratorResult.Describe(assoc));
            if (result.Files.Count == 0) problems.Add("a valid model set generated nothing");
        }
        return problems;
    }

    /// <summary>Runs <paramref name="inputs"/> (in parallel), returns how many ran and the failures in input order.</summary>
    public static (int Ran, List<string> Failures) RunAll(IReadOnlyList<Input> inputs)
    {
        var failures = new ConcurrentBag<(int Index, string Text)>();
        var ran = 0;
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, i =>
        {
            var failure = Check(inputs[i]);
            Interlocked.Increment(ref ran);
            if (failure is not null) failures.Add((i, failure));
        });
        return (ran, failures.OrderBy(f => f.Index).Select(f => f.Text).ToList());
    }

    // ================================================================== the tests

    [Theory]
    [MemberData(nameof(CategoryData))]
    public void GeneratorSurvivesEveryInput(string category)
    {
        var inputs = Corpus(category);
        var watch = Stopwatch.StartNew();
        var (ran, failures) = RunAll(inputs);
        _output.WriteLine($"{category}: {ran} inputs in {watch.Elapsed.TotalSeconds:0.0} s, {failures.Count} failed");

        Assert.Equal(inputs.Count, ran);
        if (failures.Count > 0)
        {
            var shown = Environment.GetEnvironmentVariable("ROBUSTNESS_SHOW_ALL") is null ? 8 : int.MaxValue;
            // All of them in brief (the input's name and the first line of each problem), then the first few in full.
            var summary = string.Join("\n", failures.Select(f => string.Join("\n", f.Split('\n').TakeWhile(l => !l.StartsWith("  ---", StringComparison.Ordinal))
                .Where((l, n) => n == 0 || l.StartsWith("  * ", StringComparison.Ordinal) || l.StartsWith("      ", StringComparison.Ordinal) && !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).Take(6))));
            throw new XunitException($"{failures.Count} of {ran} '{category}' inputs failed:\n{summary}\n\nThe first {Math.Min(shown, failures.Count)} in full:\n\n" + string.Join("\n", failures.Take(shown)));
        }
    }

    public static TheoryData<string> SeedNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Seeds) data.Add(name);
        return data;
    }

    /// <summary>(a) The seeds through the full harness (second run cached, input and output compile): no diagnostic at all.</summary>
    [Theory]
    [MemberData(nameof(SeedNames))]
    public void ValidSeedGeneratesWithoutDiagnostics(string name)
    {
        var result = GeneratorHarness.Run(Seeds.Single(s => s.Name == name).Source);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, "Diagnostics on a valid seed:\n" + GeneratorResult.Describe(result.GeneratorDiagnostics));
        Assert.NotEmpty(result.Files);
    }

    [Fact]
    public void TheCorpusHasAtLeast500InputsAndIsDeterministic()
    {
        var counts = Categories.ToDictionary(c => c, c => Corpus(c).Count);
        _output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")) + $"; total {counts.Values.Sum()}");
        Assert.True(counts.Values.Sum() >= 500, $"only {counts.Values.Sum()} inputs");
        Assert.All(counts, c => Assert.True(c.Value >= 6, $"category {c.Key} has {c.Value} inputs"));

        // The same seed gives the same inputs (a failure can be reproduced from its description).
        foreach (var category in Categories)
            Assert.Equal(Corpus(category).Select(i => string.Join("\u0001", i.Sources)), Corpus(category).Select(i => string.Join("\u0001", i.Sources)));
    }

    /// <summary>
    /// The smallest inputs behind each kind of failure the corpus found, with what goes wrong today, so that a fix
    /// can be checked directly (same checks as the corpus). Files are separated by a line "=====".
    /// </summary>
    public static TheoryData<string, string> MinimalInputs => new()
    {
        // ---- inputs that compile: the generator fails on valid C#
        { "Through = new[] { 1 } (Through is object): ASSOC999 'TypedConstant is an array'", """
            [BelongsToMany(typeof(Role), Through = new[] { 1 })]
            public partial class User { public int Id { get; set; } }
            public partial class Role { public int Id { get; set; } }
            """ },
        { "the junction is the target itself: CS0542 (a navigation named like its class)", """
            [BelongsToMany(typeof(Role), Through = typeof(Role))]
            public partial class User { public int Id { get; set; } }
            public partial class Role { public int Id { get; set; } }
            """ },
        { "junction navigation named like another association of the target: CS0102", """
            [BelongsToMany(typeof(Tag), Through = typeof(PostTag))]
            public partial class Post { public int Id { get; set; } }
            [HasOne(typeof(Profile), As = "PostTag")]
            public partial class Tag { public int Id { get; set; } }
            public partial class PostTag { public string Note { get; set; } = ""; }
            public partial class Profile { public int Id { get; set; } }
            """ },
        { "get-only key on the declaring model: ASSOC999 NullReferenceException", """
            [HasMany(typeof(Post))]
            public partial class User { public int Id { get; } }
            public partial class Post { public int Id { get; set; } }
            """ },
        { "get-only key on a target: ASSOC999 NullReferenceException", """
            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; set; } }
            public partial class User { public int Id { get; } }
            """ },
        { "get-only key on a model with a BelongsTo: the other model's code references it (CS0311)", """
            [BelongsTo(typeof(User))]
            public partial class Post { public int Id { get; } }
            public partial class User { public int Id { get; set; } }
            """ },
        { "init-only key: CS8852 (SetGeneratedKey assigns the key after construction)", """
            [Model]
            public partial class User { public int Id { get; init; } }
            """ },
        { "enum key: taken for a database-generated integer key, SetGeneratedKey assigns an int to the enum (CS0266)", """
            public enum Code { A, B }
            [Model]
            public partial class User { public Code Id { get; set; } }
            """ },
        { "class named with a keyword (@event): 'partial class event' does not parse", """
            [Model]
            public partial class @event { public int Id { get; set; } }
            """ },
        { "file-local class: the generated part is another type (CS0117/CS1061)", """
            [Model]
            file partial class User { public int Id { get; set; } }
            """ },
        { "internal junction between public models: CS0053 (public navigation of an internal type)", """
            [BelongsToMany(typeof(Role), Through = typeof(UserRole))]
            public partial class User { public int Id { get; set; } }
            public partial class Role { public int Id { get; set; } }
            internal partial class UserRole { public int Id { get; set; } }
            """ },
        { "junction with a required payload member: CS9035 (junction rows are created without it)", """
            [BelongsToMany(typeof(Role), Through = typeof(UserRole))]
            public partial class User { public int Id { get; set; } }
            public partial class Role { public int Id { get; set; } }
            public partial class UserRole { public int Id { get; set; } public required string Note { get; set; } }
            """ },
        { "model marked [Obsolete(..., true)]: CS0619 in the generated registry (and in include extensions and other models' code when associated)", """
            [Obsolete("use UserV2", true)]
            [Model]
            public partial class User { public int Id { get; set; } }
            """ },

        // ---- inputs with a compile error of their own, which the generated code multiplies
        { "a property declared twice (CS0102): CS0229 ambiguities in generated code", """
            [Model]
            public partial class User { public int Id { get; set; } public int Id { get; set; } }
            """ },
        { "a [Scope] method declared twice (CS0111): CS0111/CS0121 in generated code", """
            [Model]
            public partial class User
            {
                public int Id { get; set; }
                [Scope] static Query<User> Active(Query<User> q) => q;
                [Scope] static Query<User> Active(Query<User> q) => q;
            }
            """ },
        { "one part a class, another a struct (CS0261): CS1503 in generated code", """
            [HasMany(typeof(Post))]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            =====
            namespace Min;
            public partial struct User { }
            """ },
        { "a keyword as namespace name (namespace return;): generated code does not parse", """
            namespace return;
            [Model]
            public partial class User { public int Id { get; set; } }
            """ },
    };

    [Theory]
    [MemberData(nameof(MinimalInputs))]
    public void MinimalInputFromTheCorpus(string description, string models)
    {
        var sources = models.Split("\n=====\n").Select((m, i) =>
            i > 0 ? Header + m : m.StartsWith("namespace", StringComparison.Ordinal) ? Header + m : Header + "namespace Min;\n\n" + m).ToArray();
        var failure = Check(new Input("minimal", description, sources));
        Assert.True(failure is null, failure);
    }

    /// <summary>The checks themselves can fail: a valid-looking input with an ASSOC diagnostic is reported, with its source.</summary>
    [Fact]
    public void TheChecksCanFail()
    {
        var failure = Check(new Input("self-test", "non-partial model marked valid", new[] { Header + "namespace T;\n[Model] public class User { public int Id { get; set; } }\n" }, Valid: true));
        Assert.NotNull(failure);
        Assert.Contains("ASSOC005", failure);
        Assert.Contains("[Model] public class User", failure);
        Assert.Null(Check(new Input("self-test", "a valid model", new[] { Header + "namespace T;\n[Model] public partial class User { public int Id { get; set; } }\n" }, Valid: true)));
    }
}
