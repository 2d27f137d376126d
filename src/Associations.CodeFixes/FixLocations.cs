using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Associations.CodeFixes
{
    /// <summary>Finding the syntax a generator diagnostic points at.</summary>
    internal static class FixLocations
    {
        /// <summary>
        /// True when <paramref name="location"/> has a span inside <paramref name="root"/>. The generator rebuilds its
        /// locations from plain data (<c>Location.Create(path, span, lineSpan)</c>, an external-file location), while the
        /// IDE may hand over the same span in the document's tree; both are accepted.
        /// </summary>
        public static bool IsIn(SyntaxNode root, Location location) =>
            location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile
            && location.SourceSpan.End <= root.FullSpan.End;

        /// <summary>The attribute containing the span of <paramref name="location"/>.</summary>
        public static AttributeSyntax? AttributeAt(SyntaxNode root, Location location) =>
            IsIn(root, location) ? root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() : null;
    }
}
