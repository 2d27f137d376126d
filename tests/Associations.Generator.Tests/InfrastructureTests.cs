using Associations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace Associations.Generator.Tests;

/// <summary>The helpers can fail: a snapshot mismatch, a missing snapshot, a warning in generated code.</summary>
public sealed class InfrastructureTests : IDisposable
{
    private readonly string _project;
    private readonly string _callerFile;

    public InfrastructureTests()
    {
        // A throwaway "test project" so these tests never touch the real Snapshots folder.
        _project = Path.Combine(Path.GetTempPath(), "assoc-snapshot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_project);
        File.WriteAllText(Path.Combine(_project, "Associations.Generator.Tests.csproj"), "<Project />");
        _callerFile = Path.Combine(_project, "SomeTests.cs");
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private static Dictionary<string, string> Files(string text) => new() { ["A.g.cs"] = text, ["diagnostics.txt"] = "(none)\n" };

    [Fact]
    public void MissingSnapshotFailsAndSaysHowToCreateIt()
    {
        var error = Assert.Throws<XunitException>(() => Snapshot.Verify(Files("x\n"), "Case", _callerFile, update: false));
        Assert.Contains("Missing snapshot", error.Message);
        Assert.Contains(Path.Combine("Snapshots", "Case", "A.g.cs"), error.Message);
        Assert.Contains("ASSOCIATIONS_UPDATE_SNAPSHOTS=1", error.Message);
    }

    [Fact]
    public void UpdateWritesThenMatchingPasses()
    {
        Snapshot.Verify(Files("line 1\nline 2\n"), "Case", _callerFile, update: true);
        Assert.Equal("line 1\nline 2\n", File.ReadAllText(Path.Combine(_project, "Snapshots", "Case", "A.g.cs")));
        Snapshot.Verify(Files("line 1\nline 2\n"), "Case", _callerFile, update: false);
        // Line endings do not matter.
        Snapshot.Verify(Files("line 1\r\nline 2\r\n"), "Case", _callerFile, update: false);
    }

    [Fact]
    public void MismatchFailsWithALineDiff()
    {
        var expected = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        Snapshot.Verify(Files(expected), "Case", _callerFile, update: true);

        var actual = expected.Replace("line 12\n", "line twelve\n");
        var error = Assert.Throws<XunitException>(() => Snapshot.Verify(Files(actual), "Case", _callerFile, update: false));
        Assert.Contains("A.g.cs differs", error.Message);
        Assert.Contains("-    12  line 12", error.Message);
        Assert.Contains("+    12  line twelve", error.Message);
        Assert.Contains("     11  line 11", error.Message); // context
        Assert.DoesNotContain("line 5\n", error.Message);      // only around the change
        Assert.Contains("ASSOCIATIONS_UPDATE_SNAPSHOTS=1", error.Message);
    }

    [Fact]
    public void FileNoLongerGeneratedFails()
    {
        Snapshot.Verify(new Dictionary<string, string>(Files("x\n")) { ["Old.g.cs"] = "old\n" }, "Case", _callerFile, update: true);
        var error = Assert.Throws<XunitException>(() => Snapshot.Verify(Files("x\n"), "Case", _callerFile, update: false));
        Assert.Contains("no longer produces 'Old.g.cs'", error.Message);

        Snapshot.Verify(Files("x\n"), "Case", _callerFile, update: true); // update removes it
        Assert.False(File.Exists(Path.Combine(_project, "Snapshots", "Case", "Old.g.cs")));
    }

    [Fact]
    public void DiffShowsInsertedAndRemovedLines()
    {
        var diff = Snapshot.Diff("a\nb\nc\n", "a\nb\nX\nY\nc\n");
        Assert.Contains("+     3  X", diff);
        Assert.Contains("+     4  Y", diff);
        Assert.DoesNotContain("- ", diff);
    }

    /// <summary>
    /// The harness compiles with XML documentation diagnosed, so an undocumented public member shows
    /// as CS1591 — which makes "no warnings in generated code" (every snapshot's diagnostics.txt)
    /// mean "every generated public member is documented" (SPEC §4).
    /// </summary>
    [Fact]
    public void HarnessReportsMissingDocumentation()
    {
        var result = GeneratorHarness.Run("""
            using Associations;
            namespace Docs;
            [Model]
            public partial class Note { public int Id { get; set; } }
            """);
        Assert.Contains(result.OutputDiagnostics, d => d.Id == "CS1591" && !result.IsGenerated(d.Location.SourceTree));
        Assert.Empty(result.GeneratedCodeDiagnostics);
        Assert.Equal("(none)\n", result.DiagnosticsText());
    }

    /// <summary>
    /// Generated files switch nullable warnings off (the compiler then skips their nullable analysis), so the harness
    /// checks them in a copy with warnings on: at the end of every generated file, warnings are off in the output and
    /// on in that copy. Without the copy, "no warning in generated code" would not cover nullable warnings.
    /// </summary>
    [Fact]
    public void HarnessChecksGeneratedCodeWithNullableWarningsOn()
    {
        var result = GeneratorHarness.Run("""
            using Associations;
            namespace Nullables;
            [HasMany(typeof(Post))]
            public partial class User { public int Id { get; set; } }
            public partial class Post { public int Id { get; set; } }
            """);
        var shipped = result.Output.SyntaxTrees.Where(result.IsGenerated).ToList();
        var checkedTrees = result.WithNullableWarnings.SyntaxTrees.Where(result.IsGenerated).ToList();
        Assert.NotEmpty(shipped);
        Assert.Equal(shipped.Count, checkedTrees.Count);
        foreach (var tree in shipped)
        {
            var context = result.Output.GetSemanticModel(tree).GetNullableContext(tree.Length);
            Assert.True(context.AnnotationsEnabled(), tree.FilePath);
            Assert.False(context.WarningsEnabled(), tree.FilePath);
        }
        foreach (var tree in checkedTrees)
            Assert.True(result.WithNullableWarnings.GetSemanticModel(tree).GetNullableContext(tree.Length).WarningsEnabled(), tree.FilePath);
    }

    [Fact]
    public void HarnessFailsWhenTheOutputDoesNotCompile()
    {
        Assert.ThrowsAny<XunitException>(() => GeneratorHarness.Run("""
            using Associations;
            namespace Docs;
            [Model]
            public partial class Note { public int Id { get; set; } public int Oops => "text"; }
            """));
    }
}
