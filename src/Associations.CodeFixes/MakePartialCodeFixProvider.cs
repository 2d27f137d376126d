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
    /// ASSOC005: adds <c>partial</c> to every declaration of a model class (or <c>record class</c>) that lacks it, and
    /// to every declaration of the types it is nested in, keeping the layout (<c>public class User</c> →
    /// <c>public partial class User</c>). Offered only when <c>partial</c> is the whole problem: not for structs,
    /// static or generic classes, or models nested in generic types, which ASSOC005 also reports.
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

        /// <summary>The class (or record class) whose name the diagnostic points at.</summary>
        private static TypeDeclarationSyntax? ClassAt(SyntaxNode root, Location location)
        {
            if (!FixLocations.IsIn(root, location)) return null;
            var token = root.FindToken(location.SourceSpan.Start);
            return token.Parent is TypeDeclarationSyntax declaration && IsClass(declaration) && declaration.Identifier.Span == location.SourceSpan ? declaration : null;
        }

        private static bool IsClass(TypeDeclarationSyntax declaration) =>
            declaration is ClassDeclarationSyntax
            || declaration is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword);

        /// <summary>
        /// A non-generic, non-static class, at the top level or nested only in non-generic types: adding <c>partial</c>
        /// (to it and to its containers) is all ASSOC005 asks for.
        /// </summary>
        private static bool CanBePartial(TypeDeclarationSyntax declaration) =>
            declaration.TypeParameterList is null
            && !declaration.Modifiers.Any(SyntaxKind.StaticKeyword)
            && declaration.Ancestors().OfType<TypeDeclarationSyntax>().All(container => container.TypeParameterList is null);

        /// <summary>The model and every type it is nested in: each must be partial.</summary>
        private static IEnumerable<INamedTypeSymbol> SelfAndContainers(INamedTypeSymbol symbol)
        {
            for (var current = symbol; current is not null; current = current.ContainingType)
                yield return current;
        }

        /// <summary>Whether this declaration, another declaration of the same class, or one of a containing type has no <c>partial</c>.</summary>
        private static async Task<bool> LacksPartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken ct)
        {
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword)) return true;
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(declaration, ct) is not INamedTypeSymbol symbol) return false;
            foreach (var type in SelfAndContainers(symbol))
                foreach (var reference in type.DeclaringSyntaxReferences)
                    if (await reference.GetSyntaxAsync(ct).ConfigureAwait(false) is TypeDeclarationSyntax other && !other.Modifiers.Any(SyntaxKind.PartialKeyword))
                        return true;
            return false;
        }

        private static async Task<Solution> MakePartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken ct)
        {
            var solution = document.Project.Solution;

            // Every declaration of the class and of the types it is nested in (another file may hold one too); this one
            // when the symbol is unavailable.
            var declarations = new List<(Document Document, TypeDeclarationSyntax Syntax)> { (document, declaration) };
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(declaration, ct) is INamedTypeSymbol symbol)
            {
                foreach (var type in SelfAndContainers(symbol))
                    foreach (var reference in type.DeclaringSyntaxReferences)
                    {
                        if (await reference.GetSyntaxAsync(ct).ConfigureAwait(false) is not TypeDeclarationSyntax other || other == declaration) continue;
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
                    .Select(d => root.FindNode(d.Syntax.Span).FirstAncestorOrSelf<TypeDeclarationSyntax>(t => t.Span == d.Syntax.Span))
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

        /// <summary><c>partial</c> goes last, right before <c>class</c> (or <c>record</c>, <c>struct</c>), and takes over the trivia that led the keyword.</summary>
        private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
        {
            var keyword = declaration.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .WithModifiers(declaration.Modifiers.Add(partial))
                .WithKeyword(keyword.WithLeadingTrivia());
        }
    }
}
