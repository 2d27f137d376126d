using System.Collections;
using Associations.Generator.Graph;
using Associations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// STYLE.md practice 6: edits that do not touch the models leave the named steps Cached/Unchanged;
/// a real edit does not (so these tests are known to be able to fail).
/// </summary>
public class CachingTests
{
    private const string Models = """
        using Associations;

        namespace Blog;

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

            public string Shout() => Title.ToUpperInvariant();
        }
        """;

    private const string Unrelated = """
        namespace Blog;

        public static class Helpers
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params string[] sources)
    {
        var compilation = GeneratorHarness.CreateCompilation(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult();
        Assert.Null(Assert.Single(first.Results).Exception);
        Assert.NotEmpty(first.GeneratedTrees);
        return (driver, compilation);
    }

    private static GeneratorDriverRunResult Rerun(GeneratorDriver driver, Compilation compilation)
    {
        var run = driver.RunGenerators(compilation).GetRunResult();
        Assert.Null(Assert.Single(run.Results).Exception);
        return run;
    }

    private static CSharpCompilation ReplaceTree(CSharpCompilation compilation, string path, Func<string, string> edit)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = old.GetText().ToString();
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        return compilation.ReplaceSyntaxTree(old, GeneratorHarness.Parse(edited, path));
    }

    private static string[] CoreSteps => new[] { TrackingNamesOf.Graph, TrackingNamesOf.Models };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddingAnUnrelatedFileRecomputesNothing(bool withBelongsToMany)
    {
        var (driver, compilation) = FirstRun(withBelongsToMany ? SnapshotTests.FullBlog : Models);
        var run = Rerun(driver, compilation.AddSyntaxTrees(GeneratorHarness.Parse(Unrelated, "Helpers.cs")));

        CachingAssert.AllCachedOrUnchanged(run, CoreSteps);
        CachingAssert.AllCachedOrUnchanged(run, TrackingNamesOf.All);
        Assert.NotEmpty(CachingAssert.Outputs(run, TrackingNamesOf.Models));
    }

    [Fact]
    public void EditingAMethodBodyInAnUnrelatedClassRecomputesNothing()
    {
        var (driver, compilation) = FirstRun(Models, Unrelated);
        var run = Rerun(driver, ReplaceTree(compilation, "Models1.cs", t => t.Replace("x * 2", "x + x")));

        CachingAssert.AllCachedOrUnchanged(run, TrackingNamesOf.All);
    }

    [Fact]
    public void EditingAMethodBodyInAModelRecomputesNothing()
    {
        var (driver, compilation) = FirstRun(Models);
        var run = Rerun(driver, ReplaceTree(compilation, "Models.cs", t => t.Replace("Title.ToUpperInvariant()", "Title.ToLowerInvariant()")));

        CachingAssert.AllCachedOrUnchanged(run, TrackingNamesOf.All);
    }

    /// <summary>STYLE.md practice 4: locations are data for diagnostics only, so moving code re-emits nothing.</summary>
    [Fact]
    public void MovingAModelDownALineReEmitsNoCode()
    {
        var (driver, compilation) = FirstRun(Models);
        var run = Rerun(driver, ReplaceTree(compilation, "Models.cs", t => "// a comment that moves everything down\n" + t));

        CachingAssert.AllCachedOrUnchanged(run, new[] { TrackingNamesOf.Models, TrackingNamesOf.Registry });
        Assert.All(run.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output step ran: {o.Reason}"));
    }

    [Fact]
    public void AddingAPropertyToAModelRecomputesThatModel()
    {
        var (driver, compilation) = FirstRun(Models);
        var run = Rerun(driver, ReplaceTree(compilation, "Models.cs",
            t => t.Replace("public string Title { get; set; } = \"\";", "public string Title { get; set; } = \"\";\n    public int Views { get; set; }")));

        var models = CachingAssert.Outputs(run, TrackingNamesOf.Models);
        Assert.Contains(models, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Contains(CachingAssert.Outputs(run, TrackingNamesOf.Graph), o => o.Reason == IncrementalStepRunReason.Modified);
        // Post changed; User may too, since its accessors' SQL lists Post's columns.
        var post = run.GeneratedTrees.Single(t => t.FilePath.EndsWith("Blog.Post.Associations.g.cs", StringComparison.Ordinal));
        Assert.Contains("Views", post.GetText().ToString());
    }

    [Fact]
    public void AddingAnAssociationRecomputesTheGraph()
    {
        var (driver, compilation) = FirstRun(Models);
        var run = Rerun(driver, ReplaceTree(compilation, "Models.cs",
            t => t.Replace("[BelongsTo(typeof(User), As = \"Author\")]", "[BelongsTo(typeof(User), As = \"Author\")]\n[BelongsTo(typeof(User), As = \"Editor\")]")));

        Assert.Contains(CachingAssert.Outputs(run, TrackingNamesOf.Graph), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(CachingAssert.Outputs(run, TrackingNamesOf.Models), o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Throws<Xunit.Sdk.TrueException>(() => CachingAssert.AllCachedOrUnchanged(run, CoreSteps));
    }

    [Fact]
    public void ChangingTheAssemblyDefaultsRecomputesEveryModel()
    {
        var (driver, compilation) = FirstRun(Models);
        var run = Rerun(driver, compilation.AddSyntaxTrees(GeneratorHarness.Parse("[assembly: Associations.AssociationDefaults(Underscored = true)]", "AssemblyInfo.cs")));

        Assert.Contains(CachingAssert.Outputs(run, TrackingNamesOf.AssemblyOptions), o => o.Reason == IncrementalStepRunReason.Modified);
        var groups = CachingAssert.Outputs(run, TrackingNamesOf.Models);
        Assert.Equal(OutputGroups.Count, groups.Count);
        // Every group holding a model is redone; the empty ones stay as they were.
        Assert.All(groups, o => Assert.Equal(((OutputGroup)o.Value).Models.Count > 0 ? IncrementalStepRunReason.Modified : IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.Equal(2, groups.Sum(o => ((OutputGroup)o.Value).Models.Count));
    }

    /// <summary>
    /// Outputs are a fixed number of groups: an edit of one model re-emits its group, not every model, and a new model
    /// moves no other model to another group.
    /// </summary>
    [Fact]
    public void ManyModelsShareAFixedNumberOfOutputsAndAModelEditReEmitsOnlyItsGroup()
    {
        var source = new System.Text.StringBuilder("using Associations;\nnamespace Shop;\n");
        for (var i = 0; i < 200; i++)
            source.Append($"[BelongsTo(typeof(Item{(i + 1) % 200}))] public partial class Item{i} {{ public int Id {{ get; set; }} public string Name {{ get; set; }} = \"\"; }}\n");
        var (driver, compilation) = FirstRun(source.ToString());
        Assert.Equal(OutputGroups.Count, CachingAssert.Outputs(driver.GetRunResult(), TrackingNamesOf.Models).Count);

        // Item7's new column changes Item7 and Item6 (whose accessor SQL lists Item7's columns): their groups only.
        var run = Rerun(driver, ReplaceTree(compilation, "Models.cs",
            t => t.Replace("public partial class Item7 { public int Id { get; set; }", "public partial class Item7 { public int Id { get; set; } public int Stock { get; set; }")));
        var redone = CachingAssert.Outputs(run, TrackingNamesOf.Models).Where(o => o.Reason != IncrementalStepRunReason.Cached && o.Reason != IncrementalStepRunReason.Unchanged).ToList();
        var expected = new[] { OutputGroups.IndexOf("global::Shop.Item7"), OutputGroups.IndexOf("global::Shop.Item6") }.Distinct().OrderBy(i => i);
        Assert.Equal(expected, redone.Select(o => ((OutputGroup)o.Value).Index).OrderBy(i => i));
        var redoneModels = redone.SelectMany(o => ((OutputGroup)o.Value).Models).Select(m => m.Name).ToList();
        Assert.Contains("Item7", redoneModels);
        Assert.True(redoneModels.Count < 40, $"{redoneModels.Count} models re-emitted");
        Assert.Contains("Stock", run.GeneratedTrees.Single(t => t.FilePath.EndsWith("Shop.Item7.Associations.g.cs", StringComparison.Ordinal)).GetText().ToString());

        // The group of a model is its name's, whatever else is in the compilation.
        Assert.All(CachingAssert.Outputs(run, TrackingNamesOf.Models), o =>
            Assert.All(((OutputGroup)o.Value).Models, m => Assert.Equal(((OutputGroup)o.Value).Index, OutputGroups.IndexOf(m.FullName))));
    }

    /// <summary>
    /// Dapper.AOT's rule, checked on live values: no output of a named step holds a Roslyn object
    /// (a symbol, a syntax node, the compilation), which would pin memory and defeat caching.
    /// </summary>
    [Fact]
    public void NoStepOutputHoldsRoslynObjects()
    {
        var (driver, compilation) = FirstRun(Models, """
            using Associations;
            namespace Broken;
            [HasMany(typeof(Item), As = "Things")]
            [HasMany(typeof(Item), As = "Things")]
            public class Box { public int Id { get; set; } }
            public partial class Item { }
            """);
        var run = driver.GetRunResult();
        var offenders = new List<string>();
        foreach (var (step, runs) in run.Results[0].TrackedSteps)
        {
            if (!TrackingNamesOf.All.Contains(step)) continue;
            foreach (var (value, _) in runs.SelectMany(r => r.Outputs))
                FindRoslynObjects(value, step, offenders, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
        }
        Assert.True(offenders.Count == 0, "Roslyn objects in pipeline values:\n" + string.Join("\n", offenders.Distinct()));
    }

    private static void FindRoslynObjects(object? value, string path, List<string> offenders, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 20) return;
        var type = value.GetType();
        if (ModelShapeTests.IsRoslynType(type))
        {
            offenders.Add($"{path}: {type.FullName}");
            return;
        }
        if (type.IsPrimitive || type.IsEnum || value is string) return;
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) FindRoslynObjects(item, $"{path}[{i++}]", offenders, seen, depth + 1);
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var field in t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly))
                FindRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", offenders, seen, depth + 1);
    }
}
