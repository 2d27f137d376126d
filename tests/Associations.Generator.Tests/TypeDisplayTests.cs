using System.Reflection;
using Associations.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Associations.Generator.Tests;

/// <summary>
/// The parser's shortcuts for display strings (kept for framework types, built from names for plain type names) must
/// give exactly what Roslyn's <c>ToDisplayString</c> gives, for every type a property or a model can have.
/// </summary>
public class TypeDisplayTests
{
    private static readonly Type TypeDisplay =
        typeof(AssociationsGenerator).Assembly.GetType("Associations.Generator.Parsing.TypeDisplay", throwOnError: true)!;

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;

        namespace App.Models
        {
            public enum Color { Red }

            public class Holder
            {
                public int A { get; set; }
                public int? B { get; set; }
                public string C { get; set; } = "";
                public string? D { get; set; }
                public Guid E { get; set; }
                public Guid? F { get; set; }
                public DateTime G { get; set; }
                public DateTimeOffset? H { get; set; }
                public TimeSpan I { get; set; }
                public DateOnly J { get; set; }
                public TimeOnly? K { get; set; }
                public decimal L { get; set; }
                public byte[] M { get; set; } = [];
                public byte[]? N { get; set; }
                public Color O { get; set; }
                public Color? P { get; set; }
                public List<int> Q { get; set; } = new();
                public Uri? R { get; set; }
                public object? S { get; set; }
                public char T { get; set; }
                public ulong? U { get; set; }
                public System.Nullable<bool> V { get; set; }
                public Holder? W { get; set; }
                public Nested.Inner X { get; set; } = null!;
                public @event Y { get; set; } = null!;
                public Version Z { get; set; } = null!;
            }

            public class Nested { public class Inner { } }
            public class @event { }
            public class Generic<T> { public class Deep { } }
        }

        namespace @class.@struct { public class Plain { } }
        namespace System { public class Mine { } }
        public class TopLevel { }
        """;

    [Fact]
    public void Framework_types_display_as_Roslyn_displays_them_in_every_format()
    {
        var of = TypeDisplay.GetMethod("Of", BindingFlags.Public | BindingFlags.Static)!;
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var holder = compilation.GetTypeByMetadataName("App.Models.Holder")!;
        var formats = new[] { TypeFormat, SymbolDisplayFormat.FullyQualifiedFormat, SymbolDisplayFormat.CSharpErrorMessageFormat };
        var checkedCount = 0;
        // Twice: the second pass answers from what the first kept.
        for (var pass = 0; pass < 2; pass++)
            foreach (var property in holder.GetMembers().OfType<IPropertySymbol>())
                foreach (var format in formats)
                {
                    var type = property.Type;
                    var unwrapped = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n ? n.TypeArguments[0] : type;
                    foreach (var t in new[] { type, unwrapped })
                    {
                        Assert.Equal(t.ToDisplayString(format), (string)of.Invoke(null, [t, format])!);
                        checkedCount++;
                    }
                }
        Assert.Equal(2 * 26 * 3 * 2, checkedCount);
    }

    [Fact]
    public void Full_names_are_the_fully_qualified_display()
    {
        var fullName = TypeDisplay.GetMethod("FullName", BindingFlags.Public | BindingFlags.Static)!;
        var compilation = GeneratorHarness.CreateCompilation(Source);
        var types = new List<INamedTypeSymbol>();
        void Walk(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamedTypeSymbol type) { types.Add(type); Walk(type); }
                else if (member is INamespaceSymbol ns) Walk(ns);
            }
        }
        Walk(compilation.Assembly.GlobalNamespace);
        Assert.Contains(types, t => t.Name == "Deep");
        Assert.Contains(types, t => t.Name == "event");
        Assert.Contains(types, t => t.Name == "Plain");
        var namespaceName = TypeDisplay.GetMethod("Namespace", BindingFlags.Public | BindingFlags.Static)!;
        // Twice: the second pass reads the kept strings.
        for (var pass = 0; pass < 2; pass++)
            foreach (var type in types)
            {
                Assert.Equal(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), (string)fullName.Invoke(null, [type])!);
                var ns = type.ContainingNamespace;
                Assert.Equal(ns.IsGlobalNamespace ? "" : ns.ToDisplayString(), (string)namespaceName.Invoke(null, [ns])!);
            }
    }
}
