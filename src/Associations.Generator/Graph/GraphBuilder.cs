using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Associations.Generator.Diagnostics;
using Associations.Generator.Model;
using Associations.Generator.Parsing;

namespace Associations.Generator.Graph
{
    /// <summary>
    /// The analysis step: from the declarations of every model to the resolved graph — names,
    /// tables, columns, foreign keys (shared by paired declarations), related models — plus the
    /// diagnostics found on the way. Pure function of its input; no Roslyn types.
    /// </summary>
    internal static class GraphBuilder
    {
        private const int Cascade = 1;
        private const int SetNull = 4;

        private sealed class ModelBuilder
        {
            public ModelBuilder(TypeDecl type) => Type = type;

            public TypeDecl Type { get; }
            public bool Valid { get; set; } = true;
            public bool Underscored { get; set; }
            public string Singular { get; set; } = "";
            public string Plural { get; set; } = "";
            public string Table { get; set; } = "";
            public List<ColumnSpec> Columns { get; } = new List<ColumnSpec>();
            public ColumnSpec? Key { get; set; }
            public List<ForeignKeyBuilder> ForeignKeys { get; } = new List<ForeignKeyBuilder>();
            public SortedSet<string> Related { get; } = new SortedSet<string>(StringComparer.Ordinal);
            public List<Plan> Plans { get; } = new List<Plan>();
            public HashSet<string> UsedNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            public ColumnSpec? Column(string property) => Columns.FirstOrDefault(c => c.Property == property);

            public string ColumnName(string property) => Underscored ? Naming.Underscore(property) : property;
        }

        private sealed class ForeignKeyBuilder
        {
            public string Property = "";
            public string Column = "";
            public ModelBuilder Referenced = null!;
            public string ReferencedProperty = "";
            public int? OnDelete;
            public int? OnUpdate;
            public bool Constraint = true;
            public AssociationDecl Declaration = null!;
        }

        private sealed class Plan
        {
            public AssociationDecl Declaration = null!;
            public ModelBuilder Source = null!;
            public ModelBuilder Target = null!;
            public string Name = "";
            public string Singular = "";
            public ModelBuilder Owner = null!;
            public string ForeignKeyProperty = "";
            public string ReferencedKeyProperty = "";
        }

        public static ModelGraph Build(ImmutableArray<ModelDeclaration> declarations, AssemblyOptions options, CancellationToken ct)
        {
            var diagnostics = new List<DiagnosticInfo>();

            // 1. Every class that is a model: declared with attributes, or the target / junction of one.
            var declared = new SortedDictionary<string, ModelDeclaration>(StringComparer.Ordinal);
            foreach (var declaration in declarations)
                if (!declared.ContainsKey(declaration.Type.FullName)) declared[declaration.Type.FullName] = declaration;

            var models = new SortedDictionary<string, ModelBuilder>(StringComparer.Ordinal);
            foreach (var declaration in declared.Values)
            {
                models[declaration.Type.FullName] = new ModelBuilder(declaration.Type);
                foreach (var association in declaration.Associations)
                {
                    if (association.Target is { } target && !models.ContainsKey(target.FullName) && !declared.ContainsKey(target.FullName))
                        models[target.FullName] = new ModelBuilder(target);
                    if (association.ThroughType is { } through && !models.ContainsKey(through.FullName) && !declared.ContainsKey(through.FullName))
                        models[through.FullName] = new ModelBuilder(through);
                }
            }

            // 2. Shape, naming and columns of each model.
            foreach (var model in models.Values)
            {
                ct.ThrowIfCancellationRequested();
                DescribeModel(model, options, diagnostics);
            }

            // 3. Associations: names, foreign keys (created where missing, shared by pairs).
            foreach (var declaration in declared.Values)
            {
                var source = models[declaration.Type.FullName];
                if (!source.Valid) continue;
                foreach (var association in declaration.Associations)
                {
                    ct.ThrowIfCancellationRequested();
                    PlanAssociation(source, association, models, diagnostics);
                }
            }

            CheckPairs(models.Values, diagnostics);

            // 4. The resolved specs, with final column lists.
            var specs = models.Values.Where(m => m.Valid).Select(Finish).ToEquatableArray();
            return new ModelGraph(specs, diagnostics.ToEquatableArray());
        }

        private static void DescribeModel(ModelBuilder model, AssemblyOptions options, List<DiagnosticInfo> diagnostics)
        {
            var type = model.Type;
            string? problem =
                !type.IsClass ? "is not a class" :
                type.IsStatic ? "is static" :
                type.IsGeneric ? "is generic" :
                type.IsNested ? "is nested in another type" :
                !type.IsPartial ? "is not partial" : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial.Id, type.Location, type.Name, problem));
                model.Valid = false;
                return;
            }

            model.Underscored = type.Underscored ?? options.Underscored;
            model.Singular = type.Singular ?? Naming.Singularize(type.Name);
            model.Plural = type.Plural ?? Naming.Pluralize(type.Name);
            model.Table = type.Table ?? (model.Underscored ? Naming.Underscore(model.Plural) : model.Plural);

            var keys = type.Properties.Where(p => p.IsKey && !p.NotMapped).ToList();
            if (keys.Count == 0) keys = type.Properties.Where(p => p.Name == "Id" && !p.NotMapped).ToList();
            var key = keys.Count == 1 && keys[0].Storage is not null ? keys[0] : null;
            if (key is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoPrimaryKey.Id, type.Location, type.Name));
                model.Valid = false;
                return;
            }

            foreach (var property in type.Properties)
            {
                if (property.NotMapped || property.Storage is null || !property.Writable) continue;
                var isKey = property.Name == key.Name;
                var generated = isKey && !property.GeneratedNone && property.Storage is "Int16" or "Int32" or "Int64";
                model.Columns.Add(new ColumnSpec(
                    property.Name,
                    property.ColumnName ?? model.ColumnName(property.Name),
                    property.Storage,
                    property.Type,
                    property.ValueType,
                    property.EnumUnderlying,
                    isKey ? false : property.Nullable,
                    property.IsValueType,
                    isKey,
                    generated,
                    false,
                    false));
            }
            model.Key = model.Columns.First(c => c.IsKey);
        }

        private static void PlanAssociation(ModelBuilder source, AssociationDecl association, SortedDictionary<string, ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            if (association.Target is null || !models.TryGetValue(association.Target.FullName, out var target) || !target.Valid) return;

            if (association.Kind == AssociationKind.BelongsToMany)
            {
                if (!association.ThroughGiven)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingThrough.Id, association.Location,
                        source.Type.Name, target.Type.Name, source.Type.Name + target.Plural));
                return; // many-to-many is generated by its own stage (not yet built)
            }

            var many = association.Kind == AssociationKind.HasMany;
            var name = association.As ?? (many ? target.Plural : target.Type.Name);
            var singular = many ? association.Singular ?? (association.As is null ? target.Singular : Naming.Singularize(association.As)) : name;

            if (!Naming.IsValidIdentifier(name) || !Naming.IsValidIdentifier(singular))
            {
                var bad = Naming.IsValidIdentifier(name) ? singular : name;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidIdentifier.Id, association.AsLocation ?? association.Location,
                    $"Association alias '{bad}' on '{source.Type.Name}' is not a valid C# identifier; accessors such as 'Get{bad}Async' could not be generated. Use letters, digits and '_' only."));
                return;
            }
            if (!source.UsedNames.Add(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, association.AsLocation ?? association.Location,
                    $"Alias '{name}' is used by two associations of '{source.Type.Name}' (names that differ only by case are one name); give each association to '{target.Type.Name}' its own As"));
                return;
            }
            if (source.Type.MemberNames.Contains(name) || name == "Columns" || name == source.Type.Name)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, association.AsLocation ?? association.Location,
                    $"Alias '{name}' of an association of '{source.Type.Name}' collides with the member '{source.Type.Name}.{name}'; choose another As"));
                return;
            }

            // Who holds the foreign key, and which key it references.
            ModelBuilder owner, referenced;
            string? referencedKeyName;
            string defaultFk;
            switch (association.Kind)
            {
                case AssociationKind.BelongsTo:
                    owner = source;
                    referenced = target;
                    referencedKeyName = association.TargetKey ?? target.Key!.Property;
                    defaultFk = (association.As ?? target.Type.Name) + referencedKeyName;
                    break;
                case AssociationKind.HasOne:
                    owner = target;
                    referenced = source;
                    referencedKeyName = association.SourceKey ?? source.Key!.Property;
                    defaultFk = Naming.Singularize(association.As ?? source.Singular) + referencedKeyName;
                    break;
                default:
                    owner = target;
                    referenced = source;
                    referencedKeyName = association.SourceKey ?? source.Key!.Property;
                    defaultFk = source.Singular + referencedKeyName;
                    break;
            }

            var referencedKey = referenced.Column(referencedKeyName);
            if (referencedKey is null)
            {
                var option = association.Kind == AssociationKind.BelongsTo ? "TargetKey" : "SourceKey";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, association.Location,
                    $"{option} '{referencedKeyName}' of association '{source.Type.Name}.{name}' names no mapped property of '{referenced.Type.Name}'"));
                return;
            }

            var fkName = association.ForeignKey ?? defaultFk;
            if (!Naming.IsValidIdentifier(fkName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidIdentifier.Id, association.ForeignKeyLocation ?? association.Location,
                    $"Foreign key '{fkName}' of association '{source.Type.Name}.{name}' is not a valid C# identifier"));
                return;
            }

            var declaredFk = owner.Type.Properties.FirstOrDefault(p => string.Equals(p.Name, fkName, StringComparison.OrdinalIgnoreCase));
            if (declaredFk is not null && declaredFk.Name != fkName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, association.ForeignKeyLocation ?? association.Location,
                    $"Foreign key '{fkName}' of association '{source.Type.Name}.{name}' differs only by case from '{owner.Type.Name}.{declaredFk.Name}'; names that differ only by case are one name: write '{declaredFk.Name}'"));
                return;
            }

            var fkColumn = owner.Column(fkName);
            if (declaredFk is not null && fkColumn is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, association.ForeignKeyLocation ?? association.Location,
                    $"Foreign key '{owner.Type.Name}.{fkName}' of association '{source.Type.Name}.{name}' is not a mapped property (it must be public, settable, of a storable type and not [NotMapped])"));
                return;
            }
            if (fkColumn is not null && (fkColumn.ValueType != referencedKey.ValueType || fkColumn.IsKey && owner != referenced))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, association.ForeignKeyLocation ?? association.Location,
                    $"Foreign key '{owner.Type.Name}.{fkName}' has type '{Display(fkColumn.ValueType)}' but references '{referenced.Type.Name}.{referencedKey.Property}' of type '{Display(referencedKey.ValueType)}'; make their types match"));
                return;
            }
            if (fkColumn is null)
            {
                var propertyType = referencedKey.ValueType + "?"; // generated foreign keys are nullable
                fkColumn = new ColumnSpec(fkName, owner.ColumnName(fkName), referencedKey.Storage, propertyType, referencedKey.ValueType,
                    referencedKey.EnumUnderlying, true, referencedKey.IsValueType, false, false, false, true);
                owner.Columns.Add(fkColumn);
            }

            if (!referencedKey.IsKey && !referencedKey.IsUnique)
            {
                var index = referenced.Columns.IndexOf(referencedKey);
                referenced.Columns[index] = referencedKey with { IsUnique = true };
            }

            var fk = owner.ForeignKeys.FirstOrDefault(f => f.Property == fkName);
            if (fk is null)
            {
                fk = new ForeignKeyBuilder { Property = fkName, Column = fkColumn.Column, Referenced = referenced, ReferencedProperty = referencedKey.Property, Declaration = association };
                owner.ForeignKeys.Add(fk);
            }
            else if (fk.Referenced != referenced || fk.ReferencedProperty != referencedKey.Property)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, association.ForeignKeyLocation ?? association.Location,
                    $"Foreign key '{owner.Type.Name}.{fkName}' of association '{source.Type.Name}.{name}' already references '{fk.Referenced.Type.Name}.{fk.ReferencedProperty}'; one column cannot reference two keys"));
                return;
            }
            fk.OnDelete = association.OnDelete ?? fk.OnDelete;
            fk.OnUpdate = association.OnUpdate ?? fk.OnUpdate;
            fk.Constraint &= association.Constraints;
            if (association.OnDelete == SetNull && !fkColumn.Nullable)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetNullOnRequired.Id, association.Location,
                    $"OnDelete = SetNull on association '{source.Type.Name}.{name}', but its foreign key '{owner.Type.Name}.{fkName}' is not nullable: deleting a '{referenced.Type.Name}' would fail. Make the property nullable or use Cascade"));

            source.Related.Add(target.Type.FullName);
            target.Related.Add(source.Type.FullName);
            source.Plans.Add(new Plan
            {
                Declaration = association,
                Source = source,
                Target = target,
                Name = name,
                Singular = singular,
                Owner = owner,
                ForeignKeyProperty = fkName,
                ReferencedKeyProperty = referencedKey.Property,
            });
        }

        /// <summary>ASSOC010: a HasOne/HasMany and its inverse BelongsTo that resolved to two different columns.</summary>
        private static void CheckPairs(IEnumerable<ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            var all = models.SelectMany(m => m.Plans).ToList();
            foreach (var group in all.GroupBy(p => (p.Source.Type.FullName, p.Target.Type.FullName)))
            {
                var keyedOnTarget = group.Where(p => p.Declaration.Kind is AssociationKind.HasMany or AssociationKind.HasOne).ToList();
                if (keyedOnTarget.Count != 1) continue;
                var inverse = all.Where(p => p.Declaration.Kind == AssociationKind.BelongsTo
                    && p.Source.Type.FullName == group.Key.Item2 && p.Target.Type.FullName == group.Key.Item1).ToList();
                if (inverse.Count != 1 || inverse[0].ForeignKeyProperty == keyedOnTarget[0].ForeignKeyProperty) continue;
                var a = keyedOnTarget[0];
                var b = inverse[0];
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Disagreeing.Id, b.Declaration.Location,
                    $"'{a.Source.Type.Name}.{a.Name}' stores its key in '{a.Target.Type.Name}.{a.ForeignKeyProperty}' but its inverse '{b.Source.Type.Name}.{b.Name}' uses '{b.Source.Type.Name}.{b.ForeignKeyProperty}': the relationship gets two columns. Give both the same ForeignKey = \"{a.ForeignKeyProperty}\""));
            }
        }

        private static string Display(string type) => type.Replace("global::", "");

        private static TableRef Ref(ModelBuilder model) =>
            new TableRef(model.Type.FullName, model.Type.Name, model.Table, model.Columns.ToEquatableArray(), model.Key!);

        private static ModelSpec Finish(ModelBuilder model)
        {
            var foreignKeys = model.ForeignKeys.Select(fk =>
            {
                var column = model.Column(fk.Property)!;
                var onDelete = fk.OnDelete ?? (column.Nullable ? SetNull : Cascade);
                return new ForeignKeySpec(fk.Column, fk.Referenced.Table, fk.Referenced.Column(fk.ReferencedProperty)!.Column,
                    onDelete, fk.OnUpdate ?? Cascade, fk.Constraint);
            }).ToEquatableArray();

            var associations = model.Plans.Select(plan =>
            {
                var fkColumn = plan.Owner.Column(plan.ForeignKeyProperty)!;
                var sourceKey = plan.Declaration.Kind == AssociationKind.BelongsTo ? plan.Source.Key! : plan.Source.Column(plan.ReferencedKeyProperty)!;
                var targetKey = plan.Declaration.Kind == AssociationKind.BelongsTo ? plan.Target.Column(plan.ReferencedKeyProperty)! : plan.Target.Key!;
                return new AssociationSpec(plan.Declaration.Kind, plan.Name, plan.Singular, Ref(plan.Source), Ref(plan.Target),
                    fkColumn, sourceKey, targetKey, !fkColumn.Nullable);
            }).ToEquatableArray();

            var hint = (model.Type.Namespace.Length == 0 ? "" : model.Type.Namespace + ".") + model.Type.Name + ".Associations.g.cs";
            return new ModelSpec(model.Type.FullName, model.Type.Name, model.Type.Namespace, hint, model.Table,
                model.Columns.ToEquatableArray(), foreignKeys, associations, model.Related.ToEquatableArray());
        }
    }
}
