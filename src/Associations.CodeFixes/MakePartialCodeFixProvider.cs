using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
    /// ASSOC005: adds <c>partial</c> to every declaration of a model class that lacks it, keeping the layout
    /// (<c>public class User</c> → <c>public partial class User</c>). Offered only when <c>partial</c> is the
    /// whole problem: not for records, structs, static, generic or nested classes, which ASSOC005 also reports.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider)), Shared]
    public sealed class MakePartialCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of the code action (the same for every class, so Fix All applies it everywhere).</summary>
        public const string EquivalenceKey = "Associations.ASSOC005.MakePartial";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.NotPartial);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                var declaration = ClassAt(root, diagnostic.Location);
                if (declaration is null || !CanBePartial(declaration)) continue;
                if (!await LacksPartialAsync(context.Document, declaration, context.CancellationToken).ConfigureAwait(false)) continue;
                var name = declaration.Identifier.ValueText;
                context.RegisterCodeFix(
                    CodeAction.Create($"Make '{name}' partial", ct => MakePartialAsync(context.Document, declaration, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The class whose name the diagnostic points at.</summary>
        private static ClassDeclarationSyntax? ClassAt(SyntaxNode root, Location location)
        {
            if (!FixLocations.IsIn(root, location)) return null;
            var token = root.FindToken(location.SourceSpan.Start);
            return token.Parent is ClassDeclarationSyntax declaration && declaration.Identifier.Span == location.SourceSpan ? declaration : null;
        }

        /// <summary>A plain top-level, non-generic, non-static class: adding <c>partial</c> is all ASSOC005 asks for.</summary>
        private static bool CanBePartial(ClassDeclarationSyntax declaration) =>
            declaration.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax
            && declaration.TypeParameterList is null
            && !declaration.Modifiers.Any(SyntaxKind.StaticKeyword);

        /// <summary>Whether this declaration, or another declaration of the same class, has no <c>partial</c>.</summary>
        private static async Task<bool> LacksPartialAsync(Document document, ClassDeclarationSyntax declaration, CancellationToken ct)
        {
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword)) return true;
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(declaration, ct) is not INamedTypeSymbol symbol) return false;
            foreach (var reference in symbol.DeclaringSyntaxReferences)
                if (await reference.GetSyntaxAsync(ct).ConfigureAwait(false) is ClassDeclarationSyntax other && !other.Modifiers.Any(SyntaxKind.PartialKeyword))
                    return true;
            return false;
        }

        private static async Task<Solution> MakePartialAsync(Document document, ClassDeclarationSyntax declaration, CancellationToken ct)
        {
            var solution = document.Project.Solution;

            // Every declaration of the class (another file may hold one too); this one when the symbol is unavailable.
            var declarations = new List<(Document Document, ClassDeclarationSyntax Syntax)> { (document, declaration) };
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(declaration, ct) is INamedTypeSymbol symbol)
            {
                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    if (await reference.GetSyntaxAsync(ct).ConfigureAwait(false) is not ClassDeclarationSyntax other || other == declaration) continue;
                    if (solution.GetDocument(reference.SyntaxTree) is { } otherDocument) declarations.Add((otherDocument, other));
                }
            }

            foreach (var group in declarations.GroupBy(d => d.Document.Id))
            {
                var current = solution.GetDocument(group.Key)!;
                var root = await current.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                if (root is null) continue;
                // Found again by span: the nodes in hand may come from another instance of the same tree.
                var targets = group
                    .Select(d => root.FindNode(d.Syntax.Span).FirstAncestorOrSelf<ClassDeclarationSyntax>())
                    .Where(d => d is not null && !d.Modifiers.Any(SyntaxKind.PartialKeyword))
                    .Select(d => d!)
                    .Distinct()
                    .ToList();
                if (targets.Count == 0) continue;
                var newRoot = root.ReplaceNodes(targets, (_, rewritten) => AddPartial(rewritten));
                solution = solution.WithDocumentSyntaxRoot(group.Key, newRoot);
            }
            return solution;
        }

        /// <summary><c>partial</c> goes last, right before <c>class</c>, and takes over the trivia that led the keyword.</summary>
        private static ClassDeclarationSyntax AddPartial(ClassDeclarationSyntax declaration)
        {
            var keyword = declaration.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .WithModifiers(declaration.Modifiers.Add(partial))
                .WithKeyword(keyword.WithLeadingTrivia());
        }
    }
}
