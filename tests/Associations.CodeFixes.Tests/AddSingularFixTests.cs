using Associations.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace Associations.CodeFixes.Tests;

/// <summary>ASSOC004 → <see cref="AddSingularCodeFixProvider"/>: <c>Singular</c> is added, the warning goes, the accessors are named by it.</summary>
public class AddSingularFixTests
{
    private static readonly AddSingularCodeFixProvider Provider = new();

    [Fact]
    public async Task Adds_Singular_for_an_alias_that_looks_singular()
    {
        // Humanizer reads "Feedback" as a singular (its plural would be "Feedbacks").
        const string source = """
            using Associations;
            namespace Shop;

            [HasMany(typeof(Note), As = "Feedback")]
            public partial class Product { public int Id { get; set; } }

            public partial class Note { public int Id { get; set; } }
            """;
        var (text, output) = await FixAndVerifyAsync(source);
        Assert.Equal(source.Replace("As = \"Feedback\")", "As = \"Feedback\", Singular = \"Feedback\")"), text);
        Assert.Contains("AddFeedbackAsync", Generated(output));
    }

    [Fact]
    public async Task Adds_Singular_for_an_alias_Humanizer_cannot_singularize()
    {
        const string source = """
            using Associations;
            namespace Shop;

            [BelongsToMany(typeof(Tag), As = "X", Through = "ProductTags")]
            public partial class Product { public int Id { get; set; } }

            public partial class Tag { public int Id { get; set; } }
            """;
        var (text, _) = await FixAndVerifyAsync(source);
        Assert.Contains("[BelongsToMany(typeof(Tag), As = \"X\", Singular = \"X\", Through = \"ProductTags\")]", text);
    }

    [Fact]
    public async Task Is_not_offered_for_a_plural_alias_on_a_one_association()
    {
        const string source = """
            using Associations;
            [HasOne(typeof(Profile), As = "Profiles")]
            public partial class User { public int Id { get; set; } }
            public partial class Profile { public int Id { get; set; } }
            """;
        var project = FixHarness.CreateProject(source);
        var run = await FixHarness.RunGeneratorAsync(project);
        var diagnostic = run.Single("ASSOC004");
        Assert.False(diagnostic.Properties.ContainsKey("Singular"));
        Assert.Empty(await FixHarness.ActionsAsync(Provider, FixHarness.Document(project), diagnostic));
    }

    [Fact]
    public async Task Fix_all_in_document_covers_every_alias()
    {
        const string source = """
            using Associations;
            namespace Shop;

            [HasMany(typeof(Note), As = "Feedback")]
            [HasMany(typeof(Photo), As = "Info")]
            public partial class Product { public int Id { get; set; } }

            public partial class Note { public int Id { get; set; } }
            public partial class Photo { public int Id { get; set; } }
            """;
        var project = FixHarness.CreateProject(source);
        var run = await FixHarness.RunGeneratorAsync(project);
        var diagnostics = run.Diagnostics("ASSOC004");
        Assert.Equal(2, diagnostics.Count);

        var solution = await FixHarness.FixAllAsync(Provider, FixHarness.Document(project), AddSingularCodeFixProvider.EquivalenceKey, diagnostics);
        var text = await FixHarness.TextAsync(solution, project);
        Assert.Contains("[HasMany(typeof(Note), As = \"Feedback\", Singular = \"Feedback\")]", text);
        Assert.Contains("[HasMany(typeof(Photo), As = \"Info\", Singular = \"Info\")]", text);

        var after = await FixHarness.RunGeneratorAsync(solution.GetProject(project.Id)!);
        Assert.Empty(after.Diagnostics("ASSOC004"));
        after.AssertNoErrors();
    }

    private static string Generated(GeneratorRun run) =>
        string.Join("\n", run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).Select(t => t.ToString()));

    /// <summary>Diagnose, fix, diagnose again: ASSOC004 gone, no other warning, the project compiles.</summary>
    private static async Task<(string Text, GeneratorRun After)> FixAndVerifyAsync(string source)
    {
        var project = FixHarness.CreateProject(source);
        var run = await FixHarness.RunGeneratorAsync(project);
        var diagnostic = run.Single("ASSOC004");
        Assert.True(diagnostic.Properties.ContainsKey("Singular"));

        var solution = await FixHarness.ApplyAsync(Provider, FixHarness.Document(project), diagnostic);
        var text = await FixHarness.TextAsync(solution, project);

        var after = await FixHarness.RunGeneratorAsync(solution.GetProject(project.Id)!);
        Assert.Empty(after.GeneratorDiagnostics);
        after.AssertNoErrors();
        return (text, after);
    }
}
