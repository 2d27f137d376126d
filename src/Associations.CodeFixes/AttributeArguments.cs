using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Associations.CodeFixes
{
    /// <summary>Edits named arguments of an attribute the way a person would type them, keeping the layout around them.</summary>
    internal static class AttributeArguments
    {
        /// <summary>The simple name of an attribute without its <c>Attribute</c> suffix: <c>Associations.HasManyAttribute</c> → <c>HasMany</c>.</summary>
        public static string ShortName(AttributeSyntax attribute)
        {
            var name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => attribute.Name.ToString(),
            };
            return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        /// <summary>
        /// True for <c>[HasOne]</c>, <c>[BelongsTo]</c>, <c>[HasMany]</c> and <c>[BelongsToMany]</c>: by the name as written,
        /// else (a using alias) by the attribute's type.
        /// </summary>
        public static async Task<bool> IsAssociationAsync(Document document, AttributeSyntax attribute, CancellationToken ct)
        {
            if (ShortName(attribute) is "HasOne" or "BelongsTo" or "HasMany" or "BelongsToMany") return true;
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            var type = model?.GetTypeInfo(attribute, ct).Type?.ToDisplayString();
            return type is "Associations.HasOneAttribute" or "Associations.BelongsToAttribute" or "Associations.HasManyAttribute" or "Associations.BelongsToManyAttribute";
        }

        /// <summary>The named argument <paramref name="name"/> (<c>Name = value</c>), or null.</summary>
        public static AttributeArgumentSyntax? Find(AttributeSyntax attribute, string name) =>
            attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

        /// <summary>
        /// Sets <c><paramref name="name"/> = <paramref name="value"/></c> on <paramref name="attribute"/>: replaces the value when
        /// the argument is there, else inserts it after the argument named <paramref name="after"/> (or last), with the
        /// separator and indentation the list already uses.
        /// </summary>
        public static AttributeSyntax Set(AttributeSyntax attribute, string name, ExpressionSyntax value, string? after = null)
        {
            var existing = Find(attribute, name);
            if (existing is not null)
                return attribute.ReplaceNode(existing.Expression, value.WithTriviaFrom(existing.Expression));

            var argument = AttributeArgument(
                NameEquals(IdentifierName(name).WithTrailingTrivia(Space), Token(SyntaxKind.EqualsToken).WithTrailingTrivia(Space)),
                null,
                value.WithoutTrivia());

            var list = attribute.ArgumentList;
            if (list is null || list.Arguments.Count == 0)
            {
                var emptyList = list ?? AttributeArgumentList();
                return attribute.WithArgumentList(emptyList.WithArguments(SingletonSeparatedList(argument)));
            }

            var arguments = list.Arguments;
            var afterIndex = after is null ? -1 : arguments.IndexOf(a => a.NameEquals?.Name.Identifier.ValueText == after);
            var insertAfter = afterIndex >= 0 ? afterIndex : arguments.Count - 1;

            // Copy the list's own style: its separator (", " or ",\n") and the indentation of the argument after it.
            SyntaxToken separator;
            SyntaxTriviaList indentation;
            if (arguments.SeparatorCount > 0)
            {
                var template = System.Math.Min(insertAfter, arguments.SeparatorCount - 1);
                separator = arguments.GetSeparator(template);
                indentation = arguments[template + 1].GetLeadingTrivia();
            }
            else
            {
                separator = Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space);
                indentation = default;
            }

            var items = new List<SyntaxNodeOrToken>();
            for (var i = 0; i < arguments.Count; i++)
            {
                var current = arguments[i];
                var last = i == arguments.Count - 1;
                if (i == insertAfter)
                {
                    // Whatever followed the argument (a line break before ')', a comment) now follows the new one.
                    items.Add(last ? current.WithTrailingTrivia() : current);
                    items.Add(separator);
                    items.Add(last ? argument.WithLeadingTrivia(indentation).WithTrailingTrivia(current.GetTrailingTrivia()) : argument.WithLeadingTrivia(indentation));
                }
                else
                {
                    items.Add(current);
                }
                if (!last) items.Add(arguments.GetSeparator(i));
            }
            return attribute.WithArgumentList(list.WithArguments(SeparatedList<AttributeArgumentSyntax>(items)));
        }
    }
}
