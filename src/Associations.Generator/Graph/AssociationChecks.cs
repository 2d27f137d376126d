using System;
using System.Collections.Generic;
using System.Linq;
using Associations.Generator.Diagnostics;
using Associations.Generator.Model;
using Associations.Generator.Parsing;

namespace Associations.Generator.Graph
{
    /// <summary>What every planner checks of an association's names and scope before linking it (ASSOC002–ASSOC004, ASSOC010, ASSOC015).</summary>
    internal static class AssociationChecks
    {
        /// <summary>ScopeProperty must name a mapped property of the target (of the junction for BelongsToMany), with a constant ScopeValue.</summary>
        public static bool CheckScope(ModelBuilder source, ModelBuilder? holder, AssociationDecl association, string name, List<DiagnosticInfo> diagnostics)
        {
            if (association.ScopeProperty is null) return true;
            if (holder is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ScopeOnBelongsTo, association.At("ScopeProperty"), source.Type.Name, name));
                return false;
            }
            if (holder.Column(association.ScopeProperty) is null || association.ScopeKind is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ScopeNotMapped, association.At("ScopeProperty"),
                    association.ScopeProperty, source.Type.Name, name, holder.Type.Name));
                return false;
            }
            return true;
        }

        /// <summary>ASSOC004: a singular alias on a many association, a plural one on a one association.</summary>
        public static void CheckNumber(ModelBuilder source, AssociationDecl association, bool many, List<DiagnosticInfo> diagnostics)
        {
            if (association.As is not { } alias || association.Singular is not null) return;
            var singular = Naming.TrySingularize(alias);
            if (many && singular is null)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasNotSingularizable, association.At("As"),
                    new[] { alias, source.Type.Name }, ("Singular", alias)));
            else if (many && singular == alias && Naming.Pluralize(alias) != alias)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ManyAliasLooksSingular, association.At("As"),
                    new[] { alias, source.Type.Name, Naming.Pluralize(alias) }, ("Singular", alias)));
            else if (!many && singular is not null && singular != alias && Naming.Pluralize(singular) == alias
                     && !new[] { "us", "ss", "is", "as", "os" }.Any(e => alias.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OneAliasLooksPlural, association.At("As"), alias, source.Type.Name, singular));
        }

        public static bool CheckNames(ModelBuilder source, ModelBuilder target, AssociationDecl association, string name, string singular, List<DiagnosticInfo> diagnostics)
        {
            if (!Naming.IsValidIdentifier(name) || !Naming.IsValidIdentifier(singular))
            {
                var bad = Naming.IsValidIdentifier(name) ? singular : name;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasNotIdentifier, association.At("As"), bad, source.Type.Name));
                return false;
            }
            var sameTarget = source.Plans.Where(p => p.Target == target && p.Declaration.Kind == association.Kind).ToList();
            if (sameTarget.Count > 0 && (association.As is null || sameTarget.Any(p => p.Declaration.As is null)))
            {
                var example = association.Kind is AssociationKind.HasMany or AssociationKind.BelongsToMany ? target.Plural : target.One;
                var first = sameTarget[0].Declaration;
                diagnostics.Add((association.Kind switch
                {
                    AssociationKind.BelongsTo => DiagnosticInfo.Create(DiagnosticDescriptors.TwoBelongsToWithoutAliases, association.At("As"), source.Type.Name, target.Type.Name, example),
                    AssociationKind.BelongsToMany => DiagnosticInfo.Create(DiagnosticDescriptors.TwoBelongsToManyWithoutAliases, association.At("As"), source.Type.Name, target.Type.Name, example),
                    _ => DiagnosticInfo.Create(DiagnosticDescriptors.TwoKeyedOnTargetWithoutAliases, association.At("As"), source.Type.Name, association.Kind.ToString(), target.Type.Name, example),
                }).WithOtherSide(first.At("As")));
            }
            if (source.UsedNames.TryGetValue(name, out var taken))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasReused, association.At("As"), name, source.Type.Name, target.Type.Name)
                    .WithOtherSide(taken.At("As")));
                return false;
            }
            source.UsedNames[name] = association;
            var accessors = AccessorNames(association.Kind, name, singular);
            var clash = accessors.FirstOrDefault(n => source.Reserved.Contains(n));
            if (clash is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AccessorTaken, association.At("As"), source.Type.Name, name, clash));
                return false;
            }
            if (source.Type.MemberNames.Any(m => accessors.Contains(m, StringComparer.OrdinalIgnoreCase)) || name == "Columns" || name == source.Type.Name)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasCollidesWithMember, association.At("As"),
                    name, source.Type.Name, source.Type.MemberNames.FirstOrDefault(m => accessors.Contains(m, StringComparer.OrdinalIgnoreCase)) ?? name));
                return false;
            }
            foreach (var accessor in accessors) source.Reserved.Add(accessor);
            return true;
        }

        /// <summary>Every member an association generates on its source (navigation and accessors).</summary>
        private static string[] AccessorNames(AssociationKind kind, string name, string singular) => kind is AssociationKind.HasMany or AssociationKind.BelongsToMany
            ? new[] { name, $"{name}Count", $"Get{name}Async", $"Count{name}Async", $"Has{singular}Async", $"Has{name}Async", $"Set{name}Async", $"Add{singular}Async", $"Add{name}Async", $"Remove{singular}Async", $"Remove{name}Async", $"Create{singular}Async" }
            : new[] { name, $"Get{name}Async", $"Set{name}Async", $"Create{name}Async" };
    }
}
