using System;
using System.Collections.Generic;
using System.Linq;
using Associations.Generator.Diagnostics;
using Associations.Generator.Model;
using Associations.Generator.Parsing;

namespace Associations.Generator.Graph
{
    /// <summary>BelongsToMany: the junction (a model given by type, or a class generated from a name), its two keys, the pair's uniqueness.</summary>
    internal static class BelongsToManyPlanner
    {
        /// <summary>The full name of the junction of a BelongsToMany (a generated class lives in the declaring model's namespace).</summary>
        private static string? JunctionName(TypeDecl declaring, AssociationDecl association) =>
            association.ThroughType?.FullName
            ?? (association.ThroughName is { } name ? "global::" + (declaring.Namespace.Length == 0 ? "" : declaring.Namespace + ".") + name : null);

        /// <summary>Before any model is described: the junction of a BelongsToMany is a model too (generated when named by a string).</summary>
        public static void RegisterJunction(TypeDecl declaring, AssociationDecl association, SortedDictionary<string, ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            if (association.Kind != AssociationKind.BelongsToMany) return;
            if (association.ThroughName is { } name && !Naming.IsValidIdentifier(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ThroughNotIdentifier, association.At("Through"), name, declaring.Name));
                return;
            }
            var fullName = JunctionName(declaring, association);
            if (fullName is null) return;
            if (!models.TryGetValue(fullName, out var junction))
            {
                var type = new TypeDecl(fullName, association.ThroughName!, declaring.Namespace, true, true, false, false, false, true, null,
                    null, null, null, null, EquatableArray<PropertyDecl>.Empty, EquatableArray<string>.Empty, association.Location);
                junction = new ModelBuilder(type) { Synthesized = true, JunctionUnderscored = declaring.Underscored };
                models[fullName] = junction;
            }
            junction.IsJunction = true;
        }

        /// <summary>Plans one BelongsToMany of <paramref name="source"/>; reports and returns when it cannot be linked.</summary>
        public static void Plan(ModelBuilder source, ModelBuilder target, AssociationDecl association,
            SortedDictionary<string, ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            var junction = Junction(source, target, association, models, diagnostics);
            if (junction is null) return;

            var name = association.As ?? target.Plural;
            var singular = association.Singular ?? (association.As is null ? target.Singular : Naming.Singularize(association.As));
            if (!AssociationChecks.CheckNames(source, target, association, name, singular, diagnostics)) return;
            AssociationChecks.CheckNumber(source, association, true, diagnostics);
            if (!AssociationChecks.CheckScope(source, junction, association, name, diagnostics)) return;
            var qualified = source.Type.Name + "." + name;

            var sourceKey = source.Column(association.SourceKey ?? source.Key!.Property);
            var targetKey = target.Column(association.TargetKey ?? target.Key!.Property);
            if (sourceKey is null || targetKey is null)
            {
                var (option, model, property) = sourceKey is null
                    ? ("SourceKey", source, association.SourceKey)
                    : ("TargetKey", target, association.TargetKey);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KeyNamesNoProperty, association.At(option), option, property ?? "", qualified, model.Type.Name));
                return;
            }

            var fkName = association.ForeignKey ?? source.Singular + sourceKey.Property;
            var otherName = association.OtherKey ?? (source == target && association.As is not null ? Naming.Singularize(association.As) : target.Singular) + targetKey.Property;
            if (!DistinctKeys(source, target, junction, association, qualified, fkName, otherName, models, diagnostics)) return;
            if (!NavigationFree(target, junction, association, qualified, diagnostics)) return;

            var fkColumn = ForeignKeys.Link(junction, fkName, source, sourceKey, nullableWhenCreated: false, association, association.At("ForeignKey"), qualified, diagnostics);
            if (fkColumn is null) return;
            var otherColumn = ForeignKeys.Link(junction, otherName, target, targetKey, nullableWhenCreated: false,
                association with { OnDelete = null, OnUpdate = null }, association.At("OtherKey"), qualified, diagnostics);
            if (otherColumn is null) return;

            MakePairUnique(junction, association, fkName, otherName);
            // The target carries the junction row it was read through.
            if (target.JunctionNavigations.All(n => n.Property != junction.Type.Name))
            {
                target.JunctionNavigations.Add(new NavigationSpec(Naming.Identifier(junction.Type.Name), junction.Type.FullName, qualified, junction.Type.IsPublic));
                target.Reserved.Add(junction.Type.Name);
            }

            source.Related.Add(target.Type.FullName);
            target.Related.Add(source.Type.FullName);
            source.Related.Add(junction.Type.FullName);
            target.Related.Add(junction.Type.FullName);
            junction.Related.Add(source.Type.FullName);
            junction.Related.Add(target.Type.FullName);
            source.Plans.Add(new Plan
            {
                Declaration = association,
                Source = source,
                Target = target,
                Name = name,
                Singular = singular,
                Owner = junction,
                Junction = junction,
                ForeignKeyProperty = fkName,
                OtherKeyProperty = otherName,
                ReferencedKeyProperty = sourceKey.Property,
                TargetKeyProperty = targetKey.Property,
            });
        }

        /// <summary>The junction named by Through (ASSOC007 without one, ASSOC013 when it is an end), or null.</summary>
        private static ModelBuilder? Junction(ModelBuilder source, ModelBuilder target, AssociationDecl association,
            SortedDictionary<string, ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            if (!association.ThroughGiven)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingThrough, association.Location,
                    source.Type.Name, target.Type.Name, source.Type.Name + target.Plural));
                return null;
            }
            var junctionName = JunctionName(source.Type, association);
            if (junctionName is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingThrough, association.At("Through"),
                    source.Type.Name, target.Type.Name, source.Type.Name + target.Plural));
                return null;
            }
            if (!models.TryGetValue(junctionName, out var junction) || !junction.Valid) return null;
            if (junction == source || junction == target)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.JunctionIsEndpoint, association.At("Through"), source.Type.Name, target.Type.Name, junction.Type.Name));
                return null;
            }
            return junction;
        }

        /// <summary>ASSOC010: a self-referencing BelongsToMany whose two keys, or whose inverse's keys, collapse onto one column.</summary>
        private static bool DistinctKeys(ModelBuilder source, ModelBuilder target, ModelBuilder junction, AssociationDecl association, string qualified,
            string fkName, string otherName, SortedDictionary<string, ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            if (fkName == otherName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SelfJunctionKeysCollide, association.Location, qualified, junction.Type.Name, fkName));
                return false;
            }
            var existing = junction.IsJunction ? models.Values.SelectMany(m => m.Plans).Where(p => p.Junction == junction).ToList() : new List<Plan>();
            if (source == target && existing.Any(p => p.Source == source) && association.ForeignKey is null && association.OtherKey is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SelfJunctionInverseNeedsKeys, association.Location,
                    qualified, junction.Type.Name, existing[0].OtherKeyProperty, existing[0].ForeignKeyProperty)
                    .WithOtherSide(existing[0].Declaration.Location));
                return false;
            }
            return true;
        }

        /// <summary>ASSOC002: the property carrying the junction row (named like the junction) must be free on the target.</summary>
        private static bool NavigationFree(ModelBuilder target, ModelBuilder junction, AssociationDecl association, string qualified, List<DiagnosticInfo> diagnostics)
        {
            if (target.JunctionNavigations.All(n => n.Property != junction.Type.Name)
                && (target.Reserved.Contains(junction.Type.Name) || target.Type.MemberNames.Any(m => string.Equals(m, junction.Type.Name, StringComparison.OrdinalIgnoreCase))))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.JunctionNavigationTaken, association.At("Through"), target.Type.Name, junction.Type.Name, qualified));
                return false;
            }
            return true;
        }

        /// <summary>
        /// The pair's uniqueness: the junction's key when it has none of its own, else a unique index. A scoped
        /// (polymorphic) junction is unique per pair and scope: photo 1 and article 1 may both be tagged "red".
        /// </summary>
        private static void MakePairUnique(ModelBuilder junction, AssociationDecl association, string fkName, string otherName)
        {
            var pair = new List<string> { fkName, otherName };
            if (association.ScopeProperty is { } scopeProperty && junction.Column(Naming.Identifier(scopeProperty)) is { } scopeColumn
                && !pair.Contains(scopeColumn.Property))
                pair.Add(scopeColumn.Property);
            if (junction.Key is null)
            {
                if (association.Unique)
                    foreach (var property in pair)
                    {
                        var index = junction.Columns.FindIndex(c => c.Property == property);
                        junction.Columns[index] = junction.Columns[index] with { IsKey = true };
                    }
                else
                    junction.Columns.Insert(0, new ColumnSpec("Id", junction.ColumnName("Id"), ColumnStorage.Int32, "int", "int", null, false, true, true, true, false, true));
                junction.Key = junction.Columns.First(c => c.IsKey);
            }
            if (association.Unique && junction.ConflictColumns.Count == 0)
            {
                var keyColumns = junction.Columns.Where(c => c.IsKey).Select(c => c.Property).ToList();
                var pairIsKey = keyColumns.Count == pair.Count && pair.All(keyColumns.Contains);
                if (!pairIsKey) junction.Uniques.Add(pair);
                junction.ConflictColumns.AddRange(pairIsKey ? keyColumns : pair);
            }
        }
    }
}
