using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// The typed model's enums stand for runtime types the generator must not load (STYLE.md practice 1): generated code
/// writes their member names (<c>ColumnType.Int32</c>, <c>ReferentialAction.SetNull</c>, <c>AssociationKind.HasMany</c>)
/// and the parser reads a ReferentialAction argument as its number, so names and values must stay equal.
/// </summary>
public class ModelEnumTests
{
    private static void SameMembers(Type generator, Type runtime)
    {
        Assert.Equal(Enum.GetNames(runtime), Enum.GetNames(generator));
        Assert.Equal(Enum.GetValues(runtime).Cast<object>().Select(Convert.ToInt64), Enum.GetValues(generator).Cast<object>().Select(Convert.ToInt64));
    }

    [Fact]
    public void ColumnStorageIsTheRuntimesColumnType() =>
        SameMembers(typeof(Associations.Generator.Model.ColumnStorage), typeof(Associations.Metadata.ColumnType));

    [Fact]
    public void ReferentialActionIsTheRuntimes() =>
        SameMembers(typeof(Associations.Generator.Model.ReferentialAction), typeof(Associations.ReferentialAction));

    [Fact]
    public void AssociationKindIsTheRuntimes() =>
        SameMembers(typeof(Associations.Generator.Model.AssociationKind), typeof(Associations.Internal.AssociationKind));

    /// <summary>The layering rule of docs/architecture.md: Emit writes text from the graph's specs and never reads declarations.</summary>
    [Fact]
    public void EmitDoesNotReferenceParsing()
    {
        var emit = Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "src", "Associations.Generator", "Emit");
        var files = Directory.GetFiles(emit, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var offenders = files.Where(f => Regex.IsMatch(File.ReadAllText(f), @"\bParsing\b")).Select(Path.GetFileName).ToList();
        Assert.True(offenders.Count == 0, "Emit must depend on Graph and Model only; these files name Parsing: " + string.Join(", ", offenders));
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
