using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Associations.Generator.Parsing
{
    /// <summary>
    /// Display strings of the framework types most properties have (<c>int</c>, <c>string?</c>, <c>global::System.Guid</c>,
    /// <c>System.DateTime?</c>). The parse step runs for every model on every edit, and building a display string
    /// allocates more than the rest of a property's description; the string of a top-level, non-generic type of the
    /// <c>System</c> namespace depends only on its name, the format and the nullability, so it is kept. Every other type
    /// (the user's enums, generic or nested types) is displayed as before.
    /// </summary>
    internal static class TypeDisplay
    {
        private const int Limit = 512;
        private static readonly ConcurrentDictionary<(SymbolDisplayFormat Format, string Name, SpecialType Special, bool Wrapped, NullableAnnotation Annotation), string> Known =
            new ConcurrentDictionary<(SymbolDisplayFormat, string, SpecialType, bool, NullableAnnotation), string>();

        /// <summary>
        /// <c>global::NS.Outer.Name</c>, as <see cref="SymbolDisplayFormat.FullyQualifiedFormat"/> writes it, built from the
        /// names for a non-generic type whose names are plain identifiers (no keyword to escape); any other type is
        /// displayed by Roslyn.
        /// </summary>
        public static string FullName(INamedTypeSymbol type)
        {
            var parts = new System.Collections.Generic.List<string>(4);
            for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingSymbol)
            {
                if (named.Arity > 0 || !Plain(named.Name)) return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                parts.Add(named.Name);
            }
            for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if (!Plain(ns.Name)) return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                parts.Add(ns.Name);
            }
            var text = new StringBuilder("global::");
            for (var i = parts.Count - 1; i >= 0; i--)
            {
                text.Append(parts[i]);
                if (i > 0) text.Append('.');
            }
            return text.ToString();
        }

        private static bool Plain(string name) =>
            name.Length > 0 && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.IsValidIdentifier(name);

        public static string Of(ITypeSymbol type, SymbolDisplayFormat format)
        {
            var wrapped = false;
            var inner = type;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
            {
                wrapped = true;
                inner = nullable.TypeArguments[0];
            }
            if (inner is not INamedTypeSymbol { IsGenericType: false, ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } named
                || named.DeclaringSyntaxReferences.Length > 0)
                return type.ToDisplayString(format);

            var key = (format, named.MetadataName, named.SpecialType, wrapped, type.NullableAnnotation);
            if (Known.TryGetValue(key, out var display)) return display;
            display = type.ToDisplayString(format);
            if (Known.Count >= Limit) Known.Clear();
            Known.TryAdd(key, display);
            return display;
        }
    }
}
