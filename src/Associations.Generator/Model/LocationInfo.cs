using System.Collections.Immutable;
using System.Linq;
using Associations.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Associations.Generator.Model
{
    /// <summary>A source location as plain data; turned back into a <see cref="Location"/> only when reporting.</summary>
    internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static LocationInfo? From(Location? location)
        {
            if (location is null || location.SourceTree is null) return null;
            var span = location.GetLineSpan();
            return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length,
                span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
        }

        public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

        public Location ToLocation() => Location.Create(FilePath, new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
    }

    /// <summary>
    /// A diagnostic as plain data: which descriptor (its name in <see cref="DiagnosticDescriptors.ByName"/>), location and
    /// the arguments of the descriptor's message template.
    /// </summary>
    internal sealed record DiagnosticInfo(string Descriptor, LocationInfo? Location, EquatableArray<string> Arguments, EquatableArray<string> Properties)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
            new DiagnosticInfo(DiagnosticDescriptors.NameOf(descriptor), location, new EquatableArray<string>(arguments), EquatableArray<string>.Empty);

        /// <summary>With properties for code fixes (<c>key</c>, <c>value</c> pairs).</summary>
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, string[] arguments, params (string Key, string Value)[] properties) =>
            new DiagnosticInfo(DiagnosticDescriptors.NameOf(descriptor), location, new EquatableArray<string>(arguments),
                new EquatableArray<string>(properties.SelectMany(p => new[] { p.Key, p.Value }).ToArray()));

        /// <summary>The other sides of a mistake (ASSOC010's pair, the other edges of an ASSOC001 cycle), reported as additional locations.</summary>
        public EquatableArray<LocationInfo> OtherLocations { get; init; } = EquatableArray<LocationInfo>.Empty;

        /// <summary>This diagnostic with <paramref name="others"/> (those known) as the other sides of the mistake.</summary>
        public DiagnosticInfo WithOtherSide(params LocationInfo?[] others) =>
            this with { OtherLocations = OtherLocations.Concat(others.Where(o => o is not null).Select(o => o!)).ToEquatableArray() };

        public ImmutableDictionary<string, string?> PropertyMap()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            for (var i = 0; i + 1 < Properties.Count; i += 2) builder[Properties[i]] = Properties[i + 1];
            return builder.ToImmutable();
        }
    }
}
