using System.Collections.Concurrent;
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
        /// displayed by Roslyn. Every model and every association target asks on every edit, and the symbols are new
        /// each time while the names are not, so the strings are kept by (container's full name, name).
        /// </summary>
        public static string FullName(INamedTypeSymbol type) =>
            Qualified(type) ?? type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        /// <summary>The namespace as <see cref="ISymbol.ToDisplayString(SymbolDisplayFormat?)"/> writes it ("" for the global namespace).</summary>
        public static string Namespace(INamespaceSymbol? ns)
        {
            if (ns is null || ns.IsGlobalNamespace) return "";
            if (Qualified(ns) is not { } qualified) return ns.ToDisplayString();
            if (Unqualified.TryGetValue(qualified, out var plain)) return plain;
            plain = qualified.Substring(Global.Length);
            if (Unqualified.Count >= NameLimit) Unqualified.Clear();
            Unqualified.TryAdd(qualified, plain);
            return plain;
        }

        private const string Global = "global::";
        private const int NameLimit = 8192;
        private static readonly ConcurrentDictionary<(string Container, string Name), string> Names =
            new ConcurrentDictionary<(string, string), string>();
        private static readonly ConcurrentDictionary<string, string> Unqualified = new ConcurrentDictionary<string, string>(System.StringComparer.Ordinal);

        /// <summary><c>global::A.B.C</c> from plain names (kept), or null when a name needs escaping or the symbol is generic.</summary>
        private static string? Qualified(ISymbol symbol)
        {
            if (symbol is INamespaceSymbol { IsGlobalNamespace: true }) return Global;
            if (symbol is INamedTypeSymbol { Arity: > 0 } || !Plain(symbol.Name)) return null;
            ISymbol? container = symbol.ContainingType ?? (ISymbol?)symbol.ContainingNamespace;
            if (container is null || Qualified(container) is not { } outer) return null;
            var key = (outer, symbol.Name);
            if (Names.TryGetValue(key, out var name)) return name;
            name = outer == Global ? Global + symbol.Name : outer + "." + symbol.Name;
            if (Names.Count >= NameLimit) Names.Clear();
            Names.TryAdd(key, name);
            return name;
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
