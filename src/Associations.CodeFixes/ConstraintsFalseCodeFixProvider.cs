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
    /// ASSOC001: breaks a cycle of foreign-key constraints by adding <c>Constraints = false</c> to the association
    /// the diagnostic points at (or by setting an existing <c>Constraints</c> argument to <c>false</c>). The column
    /// and the accessors stay; only the database constraint of that one foreign key goes.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConstraintsFalseCodeFixProvider)), Shared]
    public sealed class ConstraintsFalseCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of the code action.</summary>
        public const string EquivalenceKey = "Associations.ASSOC001.ConstraintsFalse";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.CyclicForeignKeys);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticIds.FixProperty, out var fix) || fix != "Constraints") continue;
                var attribute = FixLocations.AttributeAt(root, diagnostic.Location);
                if (attribute is null || !await AttributeArguments.IsAssociationAsync(context.Document, attribute, context.CancellationToken).ConfigureAwait(false)) continue;
                context.RegisterCodeFix(
                    CodeAction.Create($"Add Constraints = false to [{AttributeArguments.ShortName(attribute)}] (no foreign-key constraint for it)",
                        ct => ApplyAsync(context.Document, attribute, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, AttributeSyntax attribute, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            if (root is null) return document;
            var fixedAttribute = AttributeArguments.Set(attribute, "Constraints", SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression));
            return document.WithSyntaxRoot(root.ReplaceNode(attribute, fixedAttribute));
        }
    }
}
