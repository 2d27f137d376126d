using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// STYLE.md practices 2, 3 and 7, with teeth: the records and structs that flow through the pipeline
/// (namespaces Parsing, Graph, Model of the generator) hold no Roslyn types and compare by value.
/// Methods may take Roslyn types (LocationInfo.From does); fields may not.
/// </summary>
public class ModelShapeTests
{
    private static readonly string[] PipelineNamespaces =
    {
        "Associations.Generator.Parsing",
        "Associations.Generator.Graph",
        "Associations.Generator.Model",
    };

    private static readonly Assembly Generator = typeof(AssociationsGenerator).Assembly;

    public static bool IsRoslynType(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true;

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
        || type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    /// <summary>Records and (non-enum) structs of the pipeline namespaces.</summary>
    public static IReadOnlyList<Type> PipelineTypes(Assembly assembly, params string[] namespaces) =>
        assembly.GetTypes()
            .Where(t => namespaces.Contains(t.Namespace) && !t.Name.Contains('<'))
            .Where(t => IsRecord(t) || (t.IsValueType && !t.IsEnum))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                yield return field;
    }

    /// <summary>
    /// Every field of <paramref name="type"/> whose type — or an element or generic argument of it,
    /// recursively, or a field of a type from the same assembly that it holds — comes from Roslyn.
    /// </summary>
    public static IReadOnlyList<string> RoslynFields(Type type)
    {
        var problems = new List<string>();
        var visited = new HashSet<Type>();

        void CheckType(Type t, string path)
        {
            if (t.IsByRef || t.IsPointer || t.IsArray) { CheckType(t.GetElementType()!, path + "[]"); return; }
            if (IsRoslynType(t)) { problems.Add($"{path}: {t.FullName ?? t.Name}"); return; }
            if (t.IsGenericType)
                foreach (var argument in t.GetGenericArguments())
                    if (!argument.IsGenericParameter) CheckType(argument, $"{path}<{argument.Name}>");
            // Follow types of the same assembly (a record holding a helper class that holds a symbol).
            if (t.Assembly == type.Assembly && !t.IsGenericParameter && visited.Add(t))
                foreach (var field in InstanceFields(t)) CheckType(field.FieldType, $"{path}.{field.Name}");
        }

        visited.Add(type);
        foreach (var field in InstanceFields(type)) CheckType(field.FieldType, $"{type.Name}.{field.Name}");
        return problems;
    }

    /// <summary>
    /// Fields whose type does not compare by value: anything but primitives, strings, enums, nullable
    /// values, <c>EquatableArray&lt;T&gt;</c> and records/structs of the pipeline (arrays, List,
    /// ImmutableArray and plain classes compare by reference and silently defeat caching).
    /// </summary>
    public static IReadOnlyList<string> NonEquatableFields(Type type, IReadOnlyCollection<Type> pipeline)
    {
        bool Equatable(Type t)
        {
            if (t.IsPrimitive || t.IsEnum || t == typeof(string)) return true;
            if (Nullable.GetUnderlyingType(t) is { } underlying) return Equatable(underlying);
            if (t.IsGenericType && t.GetGenericTypeDefinition().Name == "EquatableArray`1" && t.Assembly == Generator)
                return Equatable(t.GetGenericArguments()[0]);
            return pipeline.Contains(t);
        }

        if (type.IsGenericTypeDefinition && type.Name == "EquatableArray`1") return Array.Empty<string>(); // its own T[] is the point
        return InstanceFields(type)
            .Where(f => !Equatable(f.FieldType))
            .Select(f => $"{type.Name}.{f.Name}: {f.FieldType}")
            .ToList();
    }

    [Fact]
    public void PipelineTypesAreFound()
    {
        var names = PipelineTypes(Generator, PipelineNamespaces).Select(t => t.Name).ToList();
        foreach (var expected in new[]
        {
            "ModelDeclaration", "TypeDecl", "PropertyDecl", "AssociationDecl", "ParseResult", "AssemblyOptions",
            "ColumnSpec", "ModelSpec", "AssociationSpec", "TableRef", "ForeignKeySpec", "ModelGraph", "ScopeSpec",
            "LocationInfo", "DiagnosticInfo", "EquatableArray`1",
        })
        {
            Assert.Contains(expected, names);
        }
    }

    [Fact]
    public void PipelineTypesHaveNoRoslynTypedFields()
    {
        var problems = PipelineTypes(Generator, PipelineNamespaces).SelectMany(RoslynFields).ToList();
        Assert.True(problems.Count == 0, "Pipeline values must hold plain data, not Roslyn types:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void LocationInfoHasRoslynMethodsButNoRoslynFields()
    {
        var locationInfo = Generator.GetType("Associations.Generator.Model.LocationInfo", throwOnError: true)!;
        Assert.Contains(locationInfo.GetMethods(), m => IsRoslynType(m.ReturnType) || m.GetParameters().Any(p => IsRoslynType(p.ParameterType)));
        Assert.Empty(RoslynFields(locationInfo));
    }

    [Fact]
    public void PipelineTypesCompareByValue()
    {
        var pipeline = PipelineTypes(Generator, PipelineNamespaces);
        var problems = pipeline.SelectMany(t => NonEquatableFields(t, pipeline)).ToList();
        Assert.True(problems.Count == 0, "Pipeline values must compare by value (use EquatableArray<T>, records):\n" + string.Join("\n", problems));
    }

    // ---- the checks can fail: deliberately bad samples

    [Fact]
    public void DetectsARoslynTypedField()
    {
        var bad = PipelineTypes(typeof(ModelShapeTests).Assembly, typeof(Samples.BadLocation).Namespace!);
        Assert.Contains(typeof(Samples.BadLocation), bad);

        Assert.Contains(RoslynFields(typeof(Samples.BadLocation)), p => p.Contains("Microsoft.CodeAnalysis.Location"));
        Assert.Contains(RoslynFields(typeof(Samples.BadGenericArgument)), p => p.Contains("Microsoft.CodeAnalysis.ISymbol"));
        Assert.Contains(RoslynFields(typeof(Samples.BadArray)), p => p.Contains("Microsoft.CodeAnalysis.SyntaxNode"));
        Assert.Contains(RoslynFields(typeof(Samples.BadIndirect)), p => p.Contains("Microsoft.CodeAnalysis.Compilation"));
        Assert.Empty(RoslynFields(typeof(Samples.Good)));
    }

    [Fact]
    public void DetectsAFieldThatComparesByReference()
    {
        var samples = PipelineTypes(typeof(ModelShapeTests).Assembly, typeof(Samples.BadLocation).Namespace!);
        Assert.NotEmpty(NonEquatableFields(typeof(Samples.BadReferenceEquality), samples));
        Assert.Empty(NonEquatableFields(typeof(Samples.GoodValueEquality), samples));
    }
}
