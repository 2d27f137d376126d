using Associations.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace Associations.CodeFixes.Tests;

/// <summary>ASSOC001 → <see cref="ConstraintsFalseCodeFixProvider"/>: one constraint fewer, no cycle, the project compiles.</summary>
public class ConstraintsFalseFixTests
{
    private static readonly ConstraintsFalseCodeFixProvider Provider = new();

    [Fact]
    public async Task Breaks_the_Document_Version_cycle()
    {
        // Version.DocumentId references Document; Document.CurrentId references Version.
        const string source = """
            using Associations;
            namespace Docs;

            [HasMany(typeof(Version))]
            [BelongsTo(typeof(Version), As = "Current")]
            public partial class Document { public int Id { get; set; } }

            public partial class Version { public int Id { get; set; } }
            """;
        var (text, message) = await FixAndVerifyAsync(source);
        Assert.Contains("Document -> Version -> Document (through Document.CurrentId, Version.DocumentId)", message);
        Assert.Equal(source.Replace("[BelongsTo(typeof(Version), As = \"Current\")]", "[BelongsTo(typeof(Version), As = \"Current\", Constraints = false)]"), text);
    }

    [Fact]
    public async Task Breaks_a_cycle_of_three_models()
    {
        const string source = """
            using Associations;
            namespace Org;

            [BelongsTo(typeof(Department))]
            public partial class Company { public int Id { get; set; } }

            [BelongsTo(typeof(Employee), As = "Head")]
            public partial class Department { public int Id { get; set; } }

            [BelongsTo(typeof(Company))]
            public partial class Employee { public int Id { get; set; } }
            """;
        var (text, message) = await FixAndVerifyAsync(source);
        Assert.Contains("Company -> Department -> Employee -> Company", message);
        Assert.Contains("[BelongsTo(typeof(Department), Constraints = false)]", text);
        Assert.Equal(1, Count(text, "Constraints = false"));
    }

    [Fact]
    public async Task Sets_an_existing_Constraints_argument_to_false()
    {
        const string source = """
            using Associations;
            namespace Docs;

            [HasMany(typeof(Version))]
            [BelongsTo(typeof(Version), Constraints = true, As = "Current")]
            public partial class Document { public int Id { get; set; } }

            public partial class Version { public int Id { get; set; } }
            """;
        var (text, _) = await FixAndVerifyAsync(source);
        Assert.Contains("[BelongsTo(typeof(Version), Constraints = false, As = \"Current\")]", text);
    }

    [Fact]
    public async Task Follows_an_argument_list_written_one_per_line()
    {
        const string source = """
            using Associations;
            namespace Docs;

            [HasMany(typeof(Version))]
            [BelongsTo(
                typeof(Version),
                As = "Current" // the published one
            )]
            public partial class Document { public int Id { get; set; } }

            public partial class Version { public int Id { get; set; } }
            """;
        var (text, _) = await FixAndVerifyAsync(source);
        Assert.Contains("""
                typeof(Version),
                As = "Current",
                Constraints = false // the published one
            )]
            """, text);
    }

    [Fact]
    public async Task Works_through_a_using_alias_of_the_attribute()
    {
        const string source = """
            using Associations;
            using Ref = Associations.BelongsToAttribute;
            namespace Docs;

            [HasMany(typeof(Version))]
            [Ref(typeof(Version), As = "Current")]
            public partial class Document { public int Id { get; set; } }

            public partial class Version { public int Id { get; set; } }
            """;
        var (text, _) = await FixAndVerifyAsync(source);
        Assert.Contains("[Ref(typeof(Version), As = \"Current\", Constraints = false)]", text);
    }

    [Fact]
    public async Task Is_not_offered_without_the_Fix_property()
    {
        const string source = """
            using Associations;
            [HasMany(typeof(Version))]
            [BelongsTo(typeof(Version), As = "Current")]
            public partial class Document { public int Id { get; set; } }
            public partial class Version { public int Id { get; set; } }
            """;
        var project = FixHarness.CreateProject(source);
        var run = await FixHarness.RunGeneratorAsync(project);
        var diagnostic = run.Single("ASSOC001");
        Assert.Equal("Constraints", diagnostic.Properties["Fix"]);
        var document = FixHarness.Document(project);
        var without = Microsoft.CodeAnalysis.Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, "a", "b");
        Assert.Empty(await FixHarness.ActionsAsync(Provider, document, without));
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>Diagnose, fix, diagnose again: ASSOC001 gone, the project (with generated code) compiles.</summary>
    private static async Task<(string Text, string Message)> FixAndVerifyAsync(string source)
    {
        var project = FixHarness.CreateProject(source);
        var run = await FixHarness.RunGeneratorAsync(project);
        var diagnostic = run.Single("ASSOC001");

        var solution = await FixHarness.ApplyAsync(Provider, FixHarness.Document(project), diagnostic);
        var text = await FixHarness.TextAsync(solution, project);

        var after = await FixHarness.RunGeneratorAsync(solution.GetProject(project.Id)!);
        Assert.Empty(after.Diagnostics("ASSOC001"));
        after.AssertNoErrors();
        return (text, diagnostic.GetMessage());
    }
}
