using System.Reflection;
using System.Text.RegularExpressions;
using Associations.CodeFixes.Tests.Infrastructure;
using Associations.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace Associations.CodeFixes.Tests;

/// <summary>
/// docs/diagnostics: one page per diagnostic, its title and severity as the generator declares them, and its
/// examples compiled through the generator — every <c>```csharp wrong</c> block reports the page's id, every
/// <c>```csharp right</c> block reports nothing and compiles; where a code fix exists, it fixes the first wrong block.
/// </summary>
public class DocsExampleTests
{
    private static readonly string Docs = Path.Combine(AppContext.BaseDirectory, "docs");

    /// <summary>The generator's descriptors, read from its internal DiagnosticDescriptors.ById.</summary>
    private static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> Descriptors =
        (IReadOnlyDictionary<string, DiagnosticDescriptor>)typeof(AssociationsGenerator).Assembly
            .GetType("Associations.Generator.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
            .GetField("ById", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!;

    /// <summary>The MSBuild property RepositoryUrl (Directory.Build.props), stamped on this assembly too: the help links must use it.</summary>
    private static readonly string RepositoryUrl = typeof(DocsExampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryUrl").Value!.TrimEnd('/');

    public static TheoryData<string> Ids() => new(Descriptors.Keys.OrderBy(k => k, StringComparer.Ordinal));

    public static TheoryData<string> IdsWithExamples() => new(Descriptors.Keys.Where(k => k != "ASSOC999").OrderBy(k => k, StringComparer.Ordinal));

    private static readonly Dictionary<string, CodeFixProvider> Fixes = new()
    {
        ["ASSOC001"] = new ConstraintsFalseCodeFixProvider(),
        ["ASSOC004"] = new AddSingularCodeFixProvider(),
        ["ASSOC005"] = new MakePartialCodeFixProvider(),
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_diagnostic_has_a_page_with_its_title_and_severity(string id)
    {
        var descriptor = Descriptors[id];
        var page = Page(id);
        var lines = page.Split('\n');
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0].TrimEnd());
        Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", page);
        Assert.Equal($"{RepositoryUrl}/blob/main/docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        foreach (var section in new[] { "## What it means", "## Why it matters", "## Wrong", "## Right", "## Code fix" })
            Assert.Contains(section, page);
        Assert.Contains($"| Code fix | {(Fixes.ContainsKey(id) ? "Yes" : "No")}", page);

        var readme = File.ReadAllText(Path.Combine(Docs, "README.md"));
        Assert.Contains($"| [{id}]({id}.md) | {descriptor.DefaultSeverity} | {descriptor.Title} |", readme);
    }

    [Fact]
    public void Every_page_is_a_diagnostic()
    {
        var pages = Directory.GetFiles(Docs, "*.md").Select(Path.GetFileNameWithoutExtension).Where(n => n != "README").OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(Descriptors.Keys.OrderBy(k => k, StringComparer.Ordinal), pages);
    }

    [Theory]
    [MemberData(nameof(IdsWithExamples))]
    public async Task Wrong_examples_report_the_diagnostic(string id)
    {
        var examples = Examples(id, "wrong");
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var run = await FixHarness.RunGeneratorAsync(example);
            Assert.True(run.Diagnostics(id).Count > 0,
                $"{id}.md: a wrong example does not report {id}. Diagnostics:\n{GeneratorRun.Describe(run.GeneratorDiagnostics)}\n{example}");
        }
    }

    [Theory]
    [MemberData(nameof(IdsWithExamples))]
    public async Task Right_examples_are_clean_and_compile(string id)
    {
        var examples = Examples(id, "right");
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var run = await FixHarness.RunGeneratorAsync(example);
            Assert.True(run.GeneratorDiagnostics.IsEmpty,
                $"{id}.md: a right example reports diagnostics:\n{GeneratorRun.Describe(run.GeneratorDiagnostics)}\n{example}");
            var errors = run.Errors;
            Assert.True(errors.Count == 0, $"{id}.md: a right example does not compile:\n{GeneratorRun.Describe(errors)}\n{example}");
        }
    }

    [Theory]
    [InlineData("ASSOC001")]
    [InlineData("ASSOC004")]
    [InlineData("ASSOC005")]
    public async Task The_code_fix_fixes_the_first_wrong_example(string id)
    {
        var project = FixHarness.CreateProject(Examples(id, "wrong")[0]);
        var run = await FixHarness.RunGeneratorAsync(project);
        var solution = await FixHarness.ApplyAsync(Fixes[id], FixHarness.Document(project), run.Diagnostics(id)[0]);
        var after = await FixHarness.RunGeneratorAsync(solution.GetProject(project.Id)!);
        Assert.Empty(after.Diagnostics(id));
        after.AssertNoErrors();
    }

    private static string Page(string id)
    {
        var path = Path.Combine(Docs, id + ".md");
        Assert.True(File.Exists(path), $"docs/diagnostics/{id}.md is missing");
        return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The code of the page's <c>```csharp {kind}</c> blocks.</summary>
    private static IReadOnlyList<string> Examples(string id, string kind) =>
        Regex.Matches(Page(id), "^```csharp " + kind + "[ \t]*\n(.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToList();
}
