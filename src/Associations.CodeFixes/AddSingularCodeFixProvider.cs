using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Associations.CodeFixes
{
    /// <summary>
    /// ASSOC004: adds <c>Singular = "…"</c> (the value the diagnostic carries in its <c>Singular</c> property) right
    /// after the <c>As = "…"</c> argument the diagnostic points at, so that accessors such as <c>Add…Async</c> get
    /// the intended name. Offered only when the diagnostic carries that property (a many association).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddSingularCodeFixProvider)), Shared]
    public sealed class AddSingularCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of the code action (independent of the value, so Fix All covers every alias).</summary>
        public const string EquivalenceKey = "Associations.ASSOC004.AddSingular";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.AliasNumber);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticIds.SingularProperty, out var singular) || string.IsNullOrEmpty(singular)) continue;
                var attribute = FixLocations.AttributeAt(root, diagnostic.Location);
                if (attribute is null || !await AttributeArguments.IsAssociationAsync(context.Document, attribute, context.CancellationToken).ConfigureAwait(false)) continue;
                var value = singular!;
                context.RegisterCodeFix(
                    CodeAction.Create($"Add Singular = \"{value}\"", ct => ApplyAsync(context.Document, attribute, value, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, AttributeSyntax attribute, string singular, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            if (root is null) return document;
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(singular));
            var fixedAttribute = AttributeArguments.Set(attribute, "Singular", literal, after: "As");
            return document.WithSyntaxRoot(root.ReplaceNode(attribute, fixedAttribute));
        }
    }
}
