using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Associations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// The README's C# must compile as a user pastes it: every <c>```csharp</c> block is one file of a new
/// <c>dotnet new console</c> project (implicit usings on, nullable on) referencing the package — the runtime,
/// the generator, and for the DI and logging sections Microsoft.Extensions.DependencyInjection/Logging.
/// A block fenced <c>```csharp fragment</c> is an excerpt (it leans on names from elsewhere) and is only
/// counted. The test reads whatever blocks are there, so it keeps working when the README changes.
/// </summary>
public class ReadmeTests
{
    private static readonly string[] ImplicitUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    public static TheoryData<int> CompiledBlocks()
    {
        var data = new TheoryData<int>();
        var blocks = Blocks();
        for (var i = 0; i < blocks.Count; i++)
            if (!blocks[i].Fragment) data.Add(i);
        return data;
    }

    [Fact]
    public void The_quick_start_is_a_compiled_block()
    {
        var readme = File.ReadAllText(ReadmePath());
        var quickStart = readme.IndexOf("## Quick start", StringComparison.Ordinal);
        Assert.True(quickStart >= 0, "README.md has no '## Quick start' section.");
        var first = Blocks().FirstOrDefault(b => b.Offset > quickStart);
        Assert.NotNull(first);
        Assert.False(first!.Fragment, "The quick start's code block must be a complete program (```csharp, not ```csharp fragment).");
    }

    [Theory]
    [MemberData(nameof(CompiledBlocks))]
    public void Block_compiles_as_a_console_app_file(int index)
    {
        var block = Blocks()[index];
        var tree = CSharpSyntaxTree.ParseText(block.Code, GeneratorHarness.ParseOptions, "Program.cs");
        var usings = CSharpSyntaxTree.ParseText(
            string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), GeneratorHarness.ParseOptions, "GlobalUsings.g.cs");
        var hasStatements = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "ReadmeBlock" + index,
            new[] { tree, usings },
            GeneratorHarness.References,
            new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);

        var errors = driverDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error
                        || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree == tree && d.Id.StartsWith("ASSOC", StringComparison.Ordinal)))
            .ToList();
        Assert.True(errors.Count == 0,
            $"README.md line {block.Line}: the C# block does not compile:\n{string.Join("\n", errors)}\n\n{block.Code}");
    }

    // ------------------------------------------------------------------ the README's blocks

    private sealed record Block(int Offset, int Line, string Code, bool Fragment);

    private static readonly Regex Fence = new(@"^```csharp(?<info>[^\n]*)\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);

    private static List<Block> Blocks()
    {
        var readme = File.ReadAllText(ReadmePath()).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Fence.Matches(readme)
            .Select(m => new Block(
                m.Index,
                readme.AsSpan(0, m.Index).Count('\n') + 1,
                m.Groups["code"].Value,
                m.Groups["info"].Value.Contains("fragment", StringComparison.Ordinal)))
            .ToList();
    }

    private static string ReadmePath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "README.md"));
}
