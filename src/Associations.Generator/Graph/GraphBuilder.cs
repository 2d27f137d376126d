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
            /// <summary>The default name of a to-one association to this model: <c>[Model(Singular)]</c>, else the class name.</summary>
            public string One { get; set; } = "";
            public string Table { get; set; } = "";
            public List<ColumnSpec> Columns { get; } = new List<ColumnSpec>();
            public ColumnSpec? Key { get; set; }
            public List<ForeignKeyBuilder> ForeignKeys { get; } = new List<ForeignKeyBuilder>();
            public SortedSet<string> Related { get; } = new SortedSet<string>(StringComparer.Ordinal);
            public List<Plan> Plans { get; } = new List<Plan>();
            public HashSet<string> UsedNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            public bool IsJunction { get; set; }
            public LocationInfo? ReferencedAt { get; set; }
            public HashSet<string> Reserved { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            public bool Synthesized { get; set; }
            public bool? JunctionUnderscored { get; set; }
            public List<string> ConflictColumns { get; } = new List<string>();   // properties
            public List<List<string>> Uniques { get; } = new List<List<string>>(); // properties
            public List<NavigationSpec> JunctionNavigations { get; } = new List<NavigationSpec>();

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
            public ModelBuilder? Junction;
            public string OtherKeyProperty = "";
            public string TargetKeyProperty = "";
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
                        models[target.FullName] = new ModelBuilder(target) { ReferencedAt = association.Location };
                    if (association.ThroughType is { } through && !models.ContainsKey(through.FullName) && !declared.ContainsKey(through.FullName))
                        models[through.FullName] = new ModelBuilder(through) { ReferencedAt = association.At("Through") };
                }
            }

            // Junctions of BelongsToMany: a model given by type, or a class generated from its name.
            foreach (var declaration in declared.Values)
                foreach (var association in declaration.Associations)
                    RegisterJunction(declaration.Type, association, models, diagnostics);

            // 2. Shape, naming and columns of each model.
            foreach (var model in models.Values)
            {
                ct.ThrowIfCancellationRequested();
                DescribeModel(model, options, diagnostics);
            }

            // 3. Associations: names, foreign keys (created where missing, shared by pairs). Junction keys
            //    first, so that a BelongsTo declared on a junction model finds its (non-nullable) column.
            foreach (var manyToMany in new[] { true, false })
            {
                foreach (var declaration in declared.Values)
                {
                    var source = models[declaration.Type.FullName];
                    if (!source.Valid) continue;
                    foreach (var association in declaration.Associations)
                    {
                        ct.ThrowIfCancellationRequested();
                        if ((association.Kind == AssociationKind.BelongsToMany) == manyToMany)
                            PlanAssociation(source, association, models, diagnostics);
                    }
                }
            }

            CheckPairs(models.Values, diagnostics);
            CheckCycles(models.Values.Where(m => m.Valid).ToList(), diagnostics);

            // 4. The resolved specs, with final column lists.
            foreach (var model in models.Values.Where(m => m.Valid && m.Key is null))
            {
                // A junction whose every BelongsToMany was rejected: the rejection was reported already.
                if (!model.IsJunction) diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoPrimaryKey.Id, model.Type.Location, model.Type.Name));
                model.Valid = false;
            }
            // Nothing valid may point at a model that is not emitted.
            foreach (var model in models.Values.Where(m => m.Valid))
            {
                model.Plans.RemoveAll(p => !p.Target.Valid || p.Junction is { Valid: false } || !p.Owner.Valid);
                model.Related.RemoveWhere(name => !models.TryGetValue(name, out var related) || !related.Valid);
                model.JunctionNavigations.RemoveAll(n => !models.TryGetValue(n.Type, out var junction) || !junction.Valid);
            }
            var specs = UniqueHintNames(models.Values.Where(m => m.Valid).Select(Finish)).ToEquatableArray();
            return new ModelGraph(specs, diagnostics.ToEquatableArray());
        }

        /// <summary>Hint names must differ even on a case-insensitive file system ("user" junction beside a "User" model):
        /// a later clash (models are in ordinal order of full name) gets a numbered suffix.</summary>
        private static IEnumerable<ModelSpec> UniqueHintNames(IEnumerable<ModelSpec> specs)
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var spec in specs)
            {
                var hint = spec.HintName;
                for (var n = 2; !used.Add(hint); n++)
                    hint = spec.HintName.Replace(".Associations.g.cs", "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".Associations.g.cs");
                yield return hint == spec.HintName ? spec : spec with { HintName = hint };
            }
        }

        private static void DescribeModel(ModelBuilder model, AssemblyOptions options, List<DiagnosticInfo> diagnostics)
        {
            var type = model.Type;
            string? problem =
                !type.IsClass ? "is not a class" :
                type.IsStatic ? "is static" :
                type.IsGeneric ? "is generic" :
                !type.IsPartial ? "is not partial" :
                type.Unconstructible;
            if (problem is null && type.MemberNames.Any(n => string.Equals(n, "Columns", StringComparison.OrdinalIgnoreCase)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, type.Location,
                    $"Model '{type.Name}' has a member named 'Columns', which collides with its generated typed columns ({type.Name}.Columns); rename the member"));
                model.Valid = false;
                return;
            }
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial.Id, type.Location ?? model.ReferencedAt, type.Name, problem));
                model.Valid = false;
                return;
            }

            model.Underscored = type.Underscored ?? model.JunctionUnderscored ?? options.Underscored;
            // [Model(Singular, Plural)] is Sequelize's `name: { singular, plural }`: the names associations to this model take by
            // default (and the singular in default foreign keys), never the table, which stays the plural of the class name.
            model.Singular = type.Singular ?? Naming.Singularize(type.Name);
            model.Plural = type.Plural ?? Naming.Pluralize(type.Name);
            model.One = type.Singular ?? type.Name;
            var tablePlural = Naming.Pluralize(type.Name);
            // A junction named by a string keeps that exact name as its table, as in Sequelize.
            model.Table = type.Table ?? (model.Synthesized ? type.Name : model.Underscored ? Naming.Underscore(tablePlural) : tablePlural);

            var keys = type.Properties.Where(p => p.IsKey && !p.NotMapped).ToList();
            if (keys.Count == 0) keys = type.Properties.Where(p => p.Name == "Id" && !p.NotMapped).ToList();
            var key = keys.Count == 1 && keys[0].Storage is not null ? keys[0] : null;
            if (key is not null && (!key.Writable || key.InitOnly))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoPrimaryKey.Id, type.Location ?? model.ReferencedAt, type.Name));
                model.Valid = false;
                return;
            }
            if (key is null && model.IsJunction && keys.Count == 0)
            {
                // A junction without a key of its own gets the pair as its key (or a generated Id).
                AddColumns(model, null, diagnostics);
                return;
            }
            if (key is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoPrimaryKey.Id, type.Location ?? model.ReferencedAt, type.Name));
                model.Valid = false;
                return;
            }

            AddColumns(model, key, diagnostics);
        }

        /// <summary>A [Timestamps]/[Paranoid] column: the declared DateTime property, or a generated one.</summary>
        private static void AddLifecycle(ModelBuilder model, string name, bool nullable, List<DiagnosticInfo> diagnostics)
        {
            var index = model.Columns.FindIndex(c => c.Property == name);
            if (index >= 0)
            {
                var declared = model.Columns[index];
                if (declared.Storage == "DateTime" && declared.EnumUnderlying is null && (nullable || !declared.Nullable))
                    model.Columns[index] = declared with { Lifecycle = name };
                else
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, model.Type.Location,
                        $"'{model.Type.Name}.{name}' must be a {(nullable ? "DateTime?" : "DateTime")} property: [{(name == "DeletedAt" ? "Paranoid" : "Timestamps")}] sets it"));
                return;
            }
            if (model.Type.MemberNames.Any(m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase)) || model.Reserved.Contains(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, model.Type.Location,
                    $"'{model.Type.Name}' has a member named '{name}' that is not a mapped DateTime property; [{(name == "DeletedAt" ? "Paranoid" : "Timestamps")}] needs that name for its column"));
                return;
            }
            model.Reserved.Add(name);
            model.Columns.Add(new ColumnSpec(name, model.ColumnName(name), "DateTime",
                nullable ? "global::System.DateTime?" : "global::System.DateTime", "global::System.DateTime", null,
                nullable, true, false, false, false, true)
            { Lifecycle = name });
        }

        private static void AddColumns(ModelBuilder model, PropertyDecl? key, List<DiagnosticInfo> diagnostics)
        {
            if (Naming.TooLong(model.Table))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameTooLong.Id, model.Type.TableLocation ?? model.Type.Location ?? model.ReferencedAt,
                    "table", model.Table, model.Type.Name, Naming.Utf8Length(model.Table).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            foreach (var property in model.Type.Properties)
            {
                if (!property.NotMapped && property.Storage is null && property.Writable && !model.Synthesized)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnmappedProperty.Id, property.Location ?? model.Type.Location,
                        model.Type.Name, property.Name, property.DisplayType ?? property.ValueType));
                if (property.NotMapped || property.Storage is null || !property.Writable) continue;
                var columnName = property.ColumnName ?? model.ColumnName(property.Name);
                if (Naming.TooLong(columnName))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameTooLong.Id, property.Location ?? model.Type.Location,
                        "column", columnName, model.Type.Name + "." + property.Name, Naming.Utf8Length(columnName).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var isKey = property.Name == key?.Name;
                var generated = isKey && !property.GeneratedNone && property.EnumUnderlying is null && property.Storage is "Int16" or "Int32" or "Int64";
                model.Columns.Add(new ColumnSpec(
                    Naming.Identifier(property.Name),
                    columnName,
                    property.Storage,
                    property.Type,
                    property.ValueType,
                    property.EnumUnderlying,
                    !isKey && property.Nullable && !property.RequiredAttribute,
                    property.IsValueType,
                    isKey,
                    generated,
                    false,
                    false)
                {
                    InInitializer = property.InitOnly || property.Required,
                    MaxLength = property.Storage == "String" && property.ValueType == "string" ? property.MaxLength : null,
                    StoreType = property.StoreType,
                    DefaultExpression = isKey ? null : property.DefaultExpression,
                });
            }
            if (model.Type.Timestamps)
            {
                AddLifecycle(model, "CreatedAt", nullable: false, diagnostics);
                AddLifecycle(model, "UpdatedAt", nullable: false, diagnostics);
            }
            if (model.Type.Paranoid) AddLifecycle(model, "DeletedAt", nullable: true, diagnostics);
            model.Key = model.Columns.FirstOrDefault(c => c.IsKey);
        }

        private static void PlanAssociation(ModelBuilder source, AssociationDecl association, SortedDictionary<string, ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            if (association.Target is null || !models.TryGetValue(association.Target.FullName, out var target) || !target.Valid) return;

            if (association.Kind == AssociationKind.BelongsToMany)
            {
                PlanJunction(source, target, association, models, diagnostics);
                return;
            }

            var many = association.Kind == AssociationKind.HasMany;
            var name = association.As ?? (many ? target.Plural : target.One);
            var singular = many ? association.Singular ?? (association.As is null ? target.Singular : Naming.Singularize(association.As)) : name;

            if (!CheckNames(source, target, association, name, singular, diagnostics)) return;
            CheckNumber(source, association, many, diagnostics);
            if (!CheckScope(source, association.Kind == AssociationKind.BelongsTo ? null : target, association, name, diagnostics)) return;

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
                    defaultFk = (association.As ?? target.One) + referencedKeyName;
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
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, association.At(option),
                    $"{option} '{referencedKeyName}' of association '{source.Type.Name}.{name}' names no mapped property of '{referenced.Type.Name}'"));
                return;
            }

            var fkName = association.ForeignKey ?? defaultFk;
            if (LinkForeignKey(owner, fkName, referenced, referencedKey, nullableWhenCreated: true, association,
                    association.At("ForeignKey"), source.Type.Name + "." + name, diagnostics) is null)
                return;

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

        /// <summary>
        /// Finds or creates the foreign-key property <paramref name="fkName"/> on <paramref name="owner"/>
        /// and records its constraint to <paramref name="referencedKey"/> (shared when a paired declaration
        /// resolves to the same column). Returns null after reporting why it cannot.
        /// </summary>
        private static ColumnSpec? LinkForeignKey(ModelBuilder owner, string fkName, ModelBuilder referenced, ColumnSpec referencedKey,
            bool nullableWhenCreated, AssociationDecl association, LocationInfo? location, string qualified, List<DiagnosticInfo> diagnostics)
        {
            location ??= association.Location;
            if (!Naming.IsValidIdentifier(fkName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidIdentifier.Id, location,
                    $"Foreign key '{fkName}' of association '{qualified}' is not a valid C# identifier"));
                return null;
            }

            var declaredFk = owner.Type.Properties.FirstOrDefault(p => string.Equals(p.Name, fkName, StringComparison.OrdinalIgnoreCase));
            if (declaredFk is not null && declaredFk.Name != fkName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, location,
                    $"Foreign key '{fkName}' of association '{qualified}' differs only by case from '{owner.Type.Name}.{declaredFk.Name}'; names that differ only by case are one name: write '{declaredFk.Name}'"));
                return null;
            }

            if (declaredFk is null && (owner.Reserved.Contains(fkName) || owner.Type.MemberNames.Any(m => string.Equals(m, fkName, StringComparison.OrdinalIgnoreCase)))
                && owner.Column(fkName) is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, location,
                    $"Foreign key '{fkName}' of association '{qualified}' would be added to '{owner.Type.Name}', which already has a member or generated member named '{fkName}'; name another ForeignKey"));
                return null;
            }
            if (declaredFk is not null && declaredFk.InitOnly)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, location,
                    $"Foreign key '{owner.Type.Name}.{fkName}' of association '{qualified}' is init-only; accessors set it, so give it a 'set' accessor"));
                return null;
            }

            var fkColumn = owner.Column(fkName);
            if (declaredFk is not null && fkColumn is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, location,
                    $"Foreign key '{owner.Type.Name}.{fkName}' of association '{qualified}' is not a mapped property (it must be public, settable, of a storable type and not [NotMapped])"));
                return null;
            }
            if (fkColumn is not null && fkColumn.ValueType != referencedKey.ValueType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, location,
                    $"Foreign key '{owner.Type.Name}.{fkName}' has type '{Display(fkColumn.ValueType)}' but references '{referenced.Type.Name}.{referencedKey.Property}' of type '{Display(referencedKey.ValueType)}'; make their types match"));
                return null;
            }
            if (fkColumn is null)
            {
                // Generated foreign keys are nullable; junction keys are not (they are the pair).
                var propertyType = nullableWhenCreated || !referencedKey.IsValueType ? referencedKey.ValueType + "?" : referencedKey.ValueType;
                if (!nullableWhenCreated && !referencedKey.IsValueType) propertyType = referencedKey.ValueType;
                fkColumn = new ColumnSpec(fkName, owner.ColumnName(fkName), referencedKey.Storage, propertyType, referencedKey.ValueType,
                    referencedKey.EnumUnderlying, nullableWhenCreated, referencedKey.IsValueType, false, false, false, true);
                owner.Columns.Add(fkColumn);
                owner.Reserved.Add(fkName);
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
            else if ((fk.Referenced != referenced || fk.ReferencedProperty != referencedKey.Property) && (fk.Constraint || association.Constraints))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, location,
                    $"Foreign key '{owner.Type.Name}.{fkName}' of association '{qualified}' already references '{fk.Referenced.Type.Name}.{fk.ReferencedProperty}'; one column cannot reference two keys (a polymorphic key needs Constraints = false on every association that shares it)"));
                return null;
            }
            fk.OnDelete = association.OnDelete ?? fk.OnDelete;
            fk.OnUpdate = association.OnUpdate ?? fk.OnUpdate;
            fk.Constraint &= association.Constraints;
            if (association.OnDelete == SetNull && !fkColumn.Nullable)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetNullOnRequired.Id, association.At("OnDelete"),
                    $"OnDelete = SetNull on association '{qualified}', but its foreign key '{owner.Type.Name}.{fkName}' is not nullable: deleting a '{referenced.Type.Name}' would fail. Make the property nullable or use Cascade"));
            return fkColumn;
        }

        /// <summary>ScopeProperty must name a mapped property of the target (of the junction for BelongsToMany), with a constant ScopeValue.</summary>
        private static bool CheckScope(ModelBuilder source, ModelBuilder? holder, AssociationDecl association, string name, List<DiagnosticInfo> diagnostics)
        {
            if (association.ScopeProperty is null) return true;
            if (holder is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, association.At("ScopeProperty"),
                    $"ScopeProperty on '{source.Type.Name}.{name}': association scopes apply to HasOne, HasMany and BelongsToMany only"));
                return false;
            }
            if (holder.Column(association.ScopeProperty) is null || association.ScopeKind is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, association.At("ScopeProperty"),
                    $"ScopeProperty '{association.ScopeProperty}' of '{source.Type.Name}.{name}' must name a mapped property of '{holder.Type.Name}', with a string, number or bool ScopeValue"));
                return false;
            }
            return true;
        }

        /// <summary>ASSOC004: a singular alias on a many association, a plural one on a one association.</summary>
        private static void CheckNumber(ModelBuilder source, AssociationDecl association, bool many, List<DiagnosticInfo> diagnostics)
        {
            if (association.As is not { } alias || association.Singular is not null) return;
            var singular = Naming.TrySingularize(alias);
            if (many && singular is null)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasNumber.Id, association.At("As"),
                    new[] { $"Humanizer cannot singularize the alias '{alias}' of '{source.Type.Name}.{alias}'; add Singular = \"…\" so that accessors such as Add…Async get the right name" },
                    ("Singular", alias)));
            else if (many && singular == alias && Naming.Pluralize(alias) != alias)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasNumber.Id, association.At("As"),
                    new[] { $"Alias '{alias}' of a many association of '{source.Type.Name}' looks singular; name the collection (As = \"{Naming.Pluralize(alias)}\"), or add Singular = \"{alias}\" if '{alias}' is both" },
                    ("Singular", alias)));
            else if (!many && singular is not null && singular != alias && Naming.Pluralize(singular) == alias
                     && !new[] { "us", "ss", "is", "as", "os" }.Any(e => alias.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasNumber.Id, association.At("As"),
                    $"Alias '{alias}' of a one association of '{source.Type.Name}' looks plural; a HasOne/BelongsTo names one row (As = \"{singular}\")"));
        }

        private static bool CheckNames(ModelBuilder source, ModelBuilder target, AssociationDecl association, string name, string singular, List<DiagnosticInfo> diagnostics)
        {
            if (!Naming.IsValidIdentifier(name) || !Naming.IsValidIdentifier(singular))
            {
                var bad = Naming.IsValidIdentifier(name) ? singular : name;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidIdentifier.Id, association.At("As"),
                    $"Association alias '{bad}' on '{source.Type.Name}' is not a valid C# identifier; accessors such as 'Get{bad}Async' could not be generated. Use letters, digits and '_' only."));
                return false;
            }
            var sameTarget = source.Plans.Where(p => p.Target == target && p.Declaration.Kind == association.Kind).ToList();
            if (sameTarget.Count > 0 && (association.As is null || sameTarget.Any(p => p.Declaration.As is null)))
            {
                var example = association.Kind is AssociationKind.HasMany or AssociationKind.BelongsToMany ? target.Plural : target.One;
                var keyAdvice = association.Kind == AssociationKind.BelongsTo
                    ? "so that each gets its own accessors and foreign key"
                    : association.Kind == AssociationKind.BelongsToMany ? "and its own Through" : "and its own ForeignKey (As does not change the key of a HasOne/HasMany)";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Disagreeing.Id, association.At("As"),
                    $"'{source.Type.Name}' has two {association.Kind} associations to '{target.Type.Name}' without distinct aliases; give each its own As (for example As = \"Home{example}\" and As = \"Away{example}\") {keyAdvice}"));
            }
            if (!source.UsedNames.Add(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, association.At("As"),
                    $"Alias '{name}' is used by two associations of '{source.Type.Name}' (names that differ only by case are one name); give each association to '{target.Type.Name}' its own As"));
                return false;
            }
            var accessors = AccessorNames(association.Kind, name, singular);
            var clash = accessors.FirstOrDefault(n => source.Reserved.Contains(n));
            if (clash is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, association.At("As"),
                    $"Association '{source.Type.Name}.{name}' would generate '{clash}', which another association of '{source.Type.Name}' (or a foreign key) already uses; give it a different As"));
                return false;
            }
            if (source.Type.MemberNames.Any(m => accessors.Contains(m, StringComparer.OrdinalIgnoreCase)) || name == "Columns" || name == source.Type.Name)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, association.At("As"),
                    $"Alias '{name}' of an association of '{source.Type.Name}' collides with the member '{source.Type.Name}.{source.Type.MemberNames.FirstOrDefault(m => accessors.Contains(m, StringComparer.OrdinalIgnoreCase)) ?? name}' (names that differ only by case are one name); choose another As"));
                return false;
            }
            foreach (var accessor in accessors) source.Reserved.Add(accessor);
            return true;
        }

        /// <summary>Every member an association generates on its source (navigation and accessors).</summary>
        private static string[] AccessorNames(AssociationKind kind, string name, string singular) => kind is AssociationKind.HasMany or AssociationKind.BelongsToMany
            ? new[] { name, $"{name}Count", $"Get{name}Async", $"Count{name}Async", $"Has{singular}Async", $"Has{name}Async", $"Set{name}Async", $"Add{singular}Async", $"Add{name}Async", $"Remove{singular}Async", $"Remove{name}Async", $"Create{singular}Async" }
            : new[] { name, $"Get{name}Async", $"Set{name}Async", $"Create{name}Async" };

        /// <summary>The full name of the junction of a BelongsToMany (a generated class lives in the declaring model's namespace).</summary>
        private static string? JunctionName(TypeDecl declaring, AssociationDecl association) =>
            association.ThroughType?.FullName
            ?? (association.ThroughName is { } name ? "global::" + (declaring.Namespace.Length == 0 ? "" : declaring.Namespace + ".") + name : null);

        private static void RegisterJunction(TypeDecl declaring, AssociationDecl association, SortedDictionary<string, ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            if (association.Kind != AssociationKind.BelongsToMany) return;
            if (association.ThroughName is { } name && !Naming.IsValidIdentifier(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidIdentifier.Id, association.At("Through"),
                    $"Through = \"{name}\" on '{declaring.Name}' names a junction class to generate, but it is not a valid C# identifier"));
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

        private static void PlanJunction(ModelBuilder source, ModelBuilder target, AssociationDecl association,
            SortedDictionary<string, ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            if (!association.ThroughGiven)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingThrough.Id, association.Location,
                    source.Type.Name, target.Type.Name, source.Type.Name + target.Plural));
                return;
            }
            var junctionName = JunctionName(source.Type, association);
            if (junctionName is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingThrough.Id, association.At("Through"),
                    source.Type.Name, target.Type.Name, source.Type.Name + target.Plural));
                return;
            }
            if (!models.TryGetValue(junctionName, out var junction) || !junction.Valid) return;
            if (junction == source || junction == target)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, association.At("Through"),
                    $"The junction of '{source.Type.Name}' BelongsToMany '{target.Type.Name}' is '{junction.Type.Name}' itself; Through names a third model (or a name for a generated one)"));
                return;
            }

            var self = source == target;
            var name = association.As ?? target.Plural;
            var singular = association.Singular ?? (association.As is null ? target.Singular : Naming.Singularize(association.As));
            if (!CheckNames(source, target, association, name, singular, diagnostics)) return;
            CheckNumber(source, association, true, diagnostics);
            if (!CheckScope(source, junction, association, name, diagnostics)) return;
            var qualified = source.Type.Name + "." + name;

            var sourceKey = source.Column(association.SourceKey ?? source.Key!.Property);
            var targetKey = target.Column(association.TargetKey ?? target.Key!.Property);
            if (sourceKey is null || targetKey is null)
            {
                var (option, model, property) = sourceKey is null
                    ? ("SourceKey", source, association.SourceKey)
                    : ("TargetKey", target, association.TargetKey);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadKey.Id, association.At(option),
                    $"{option} '{property}' of association '{qualified}' names no mapped property of '{model.Type.Name}'"));
                return;
            }

            var fkName = association.ForeignKey ?? source.Singular + sourceKey.Property;
            var otherName = association.OtherKey ?? (self && association.As is not null ? Naming.Singularize(association.As) : target.Singular) + targetKey.Property;
            if (fkName == otherName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Disagreeing.Id, association.Location,
                    $"Both keys of '{qualified}' resolve to '{junction.Type.Name}.{fkName}': a self-referencing BelongsToMany needs As (for example As = \"Children\") or distinct ForeignKey and OtherKey"));
                return;
            }
            var existing = junction.IsJunction ? models.Values.SelectMany(m => m.Plans).Where(p => p.Junction == junction).ToList() : new List<Plan>();
            if (self && existing.Any(p => p.Source == source) && association.ForeignKey is null && association.OtherKey is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Disagreeing.Id, association.Location,
                    $"'{qualified}' is the inverse of a self-referencing association through '{junction.Type.Name}' and must name its keys, or both sides collapse onto one column: add ForeignKey and OtherKey (for example ForeignKey = \"{existing[0].OtherKeyProperty}\", OtherKey = \"{existing[0].ForeignKeyProperty}\")"));
                return;
            }

            if (target.JunctionNavigations.All(n => n.Property != junction.Type.Name)
                && (target.Reserved.Contains(junction.Type.Name) || target.Type.MemberNames.Any(m => string.Equals(m, junction.Type.Name, StringComparison.OrdinalIgnoreCase))))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateName.Id, association.At("Through"),
                    $"'{target.Type.Name}' gets a property '{junction.Type.Name}' carrying the junction row of '{qualified}', but it already has a member (or generated member) of that name; rename one of them"));
                return;
            }
            var fkColumn = LinkForeignKey(junction, fkName, source, sourceKey, nullableWhenCreated: false, association, association.At("ForeignKey"), qualified, diagnostics);
            if (fkColumn is null) return;
            var otherColumn = LinkForeignKey(junction, otherName, target, targetKey, nullableWhenCreated: false,
                association with { OnDelete = null, OnUpdate = null }, association.At("OtherKey"), qualified, diagnostics);
            if (otherColumn is null) return;

            // The pair's uniqueness: the junction's key when it has none of its own, else a unique index. A scoped
            // (polymorphic) junction is unique per pair and scope: photo 1 and article 1 may both be tagged "red".
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
                    junction.Columns.Insert(0, new ColumnSpec("Id", junction.ColumnName("Id"), "Int32", "int", "int", null, false, true, true, true, false, true));
                junction.Key = junction.Columns.First(c => c.IsKey);
            }
            if (association.Unique && junction.ConflictColumns.Count == 0)
            {
                var keyColumns = junction.Columns.Where(c => c.IsKey).Select(c => c.Property).ToList();
                var pairIsKey = keyColumns.Count == pair.Count && pair.All(keyColumns.Contains);
                if (!pairIsKey) junction.Uniques.Add(pair);
                junction.ConflictColumns.AddRange(pairIsKey ? keyColumns : pair);
            }

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

        /// <summary>
        /// ASSOC010: a HasOne/HasMany and its inverse BelongsTo that resolved to two different columns; or two
        /// HasOne/HasMany of one model to one target stored in the same column (they would return the same rows).
        /// </summary>
        private static void CheckPairs(IEnumerable<ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            var all = models.SelectMany(m => m.Plans).ToList();
            foreach (var shared in all.Where(p => p.Declaration.Kind is AssociationKind.HasMany or AssociationKind.HasOne && p.Declaration.ScopeProperty is null)
                         .GroupBy(p => (p.Source, p.Target, p.ForeignKeyProperty)).Where(g => g.Count() > 1 && g.All(p => p.Declaration.As is not null)))
            {
                var second = shared.ElementAt(1);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.Disagreeing.Id, second.Declaration.At("As"),
                    $"'{second.Source.Type.Name}.{shared.First().Name}' and '{second.Source.Type.Name}.{second.Name}' both store their key in '{second.Target.Type.Name}.{second.ForeignKeyProperty}', so they return the same rows; give each its own ForeignKey (or an association scope)") with
                { OtherLocation = shared.First().Declaration.At("As") ?? shared.First().Declaration.Location });
            }
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
                    $"'{a.Source.Type.Name}.{a.Name}' stores its key in '{a.Target.Type.Name}.{a.ForeignKeyProperty}' but its inverse '{b.Source.Type.Name}.{b.Name}' uses '{b.Source.Type.Name}.{b.ForeignKeyProperty}': the relationship gets two columns. Give both the same ForeignKey = \"{a.ForeignKeyProperty}\"") with
                { OtherLocation = a.Declaration.Location });
            }
        }

        /// <summary>
        /// ASSOC001: foreign-key constraints that form a cycle among tables (a table referencing only itself
        /// is not one). Reported once per strongly connected group, with one cycle spelled out.
        /// </summary>
        private static void CheckCycles(List<ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            var edges = models.ToDictionary(m => m, m => m.ForeignKeys.Where(f => f.Constraint && f.Referenced != m && f.Referenced.Valid).ToList());
            var index = new Dictionary<ModelBuilder, int>();
            var low = new Dictionary<ModelBuilder, int>();
            var stack = new Stack<ModelBuilder>();
            var onStack = new HashSet<ModelBuilder>();
            var counter = 0;

            void Connect(ModelBuilder v)
            {
                index[v] = low[v] = counter++;
                stack.Push(v);
                onStack.Add(v);
                foreach (var fk in edges[v])
                {
                    var w = fk.Referenced;
                    if (!edges.ContainsKey(w)) continue;
                    if (!index.ContainsKey(w))
                    {
                        Connect(w);
                        low[v] = Math.Min(low[v], low[w]);
                    }
                    else if (onStack.Contains(w))
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                }
                if (low[v] != index[v]) return;
                var group = new HashSet<ModelBuilder>();
                ModelBuilder x;
                do
                {
                    x = stack.Pop();
                    onStack.Remove(x);
                    group.Add(x);
                } while (x != v);
                if (group.Count > 1) ReportCycle(group, edges, diagnostics);
            }

            foreach (var model in models)
                if (!index.ContainsKey(model)) Connect(model);
        }

        private static void ReportCycle(HashSet<ModelBuilder> group, Dictionary<ModelBuilder, List<ForeignKeyBuilder>> edges, List<DiagnosticInfo> diagnostics)
        {
            // Walk from the first model (by name) along edges inside the group until a model repeats.
            var start = group.OrderBy(m => m.Type.FullName, StringComparer.Ordinal).First();
            var path = new List<ModelBuilder> { start };
            var used = new List<ForeignKeyBuilder>();
            var current = start;
            while (true)
            {
                var fk = edges[current].Where(f => group.Contains(f.Referenced)).OrderBy(f => f.Referenced.Type.FullName, StringComparer.Ordinal).First();
                used.Add(fk);
                current = fk.Referenced;
                var seen = path.IndexOf(current);
                if (seen >= 0)
                {
                    path = path.Skip(seen).ToList();
                    used = used.Skip(seen).ToList();
                    path.Add(current);
                    break;
                }
                path.Add(current);
            }
            var chain = string.Join(" -> ", path.Select(m => m.Type.Name));
            var edge = used.FirstOrDefault(f => f.Declaration.Location is not null) ?? used[0];
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CyclicForeignKeys.Id, edge.Declaration.Location,
                new[] { chain, string.Join(", ", used.Select((f, i) => path[i].Type.Name + "." + f.Property)) }, ("Fix", "Constraints")));
        }

        private static string Display(string type) => type.Replace("global::", "");

        private static TableRef Ref(ModelBuilder model) =>
            new TableRef(model.Type.FullName, model.Type.Name, model.Table, model.Columns.ToEquatableArray(), model.Key!, model.Type.IsPublic) { Schema = model.Type.Schema };

        /// <summary>The association scope (ScopeProperty/ScopeValue) of a plan, on the target or the junction.</summary>
        private static AssociationSpec WithScope(AssociationSpec spec, Plan plan)
        {
            var d = plan.Declaration;
            if (d.ScopeProperty is null || d.ScopeKind is null) return spec;
            var holder = plan.Junction ?? plan.Target;
            var column = holder.Column(d.ScopeProperty);
            return column is null ? spec : spec with { ScopeColumn = column, ScopeLiteral = d.ScopeValue, ScopeKind = d.ScopeKind, ScopeText = d.ScopeText };
        }

        private static ModelSpec Finish(ModelBuilder model)
        {
            var foreignKeys = model.ForeignKeys.Select(fk =>
            {
                var column = model.Column(fk.Property)!;
                var onDelete = fk.OnDelete ?? (column.Nullable ? SetNull : Cascade);
                return new ForeignKeySpec(fk.Column, fk.Referenced.Table, fk.Referenced.Column(fk.ReferencedProperty)!.Column,
                    onDelete, fk.OnUpdate ?? Cascade, fk.Constraint)
                { ReferencedSchema = fk.Referenced.Type.Schema };
            }).ToEquatableArray();

            var associations = model.Plans.Select(plan =>
            {
                if (plan.Junction is { } junction)
                {
                    var sourceColumn = junction.Column(plan.ForeignKeyProperty)!;
                    var targetColumn = junction.Column(plan.OtherKeyProperty)!;
                    var conflict = junction.ConflictColumns.Select(p => junction.Column(p)!.Column).ToEquatableArray();
                    var payload = junction.Columns.Where(c => !c.IsGenerated && c.Property != plan.ForeignKeyProperty && c.Property != plan.OtherKeyProperty).ToEquatableArray();
                    var spec = new JunctionSpec(Ref(junction), sourceColumn, targetColumn, plan.Declaration.Unique && conflict.Count > 0, conflict, payload, Naming.Identifier(junction.Type.Name));
                    return WithScope(new AssociationSpec(plan.Declaration.Kind, plan.Name, plan.Singular, Ref(plan.Source), Ref(plan.Target),
                        sourceColumn, plan.Source.Column(plan.ReferencedKeyProperty)!, plan.Target.Column(plan.TargetKeyProperty)!, false, spec), plan);
                }
                var fkColumn = plan.Owner.Column(plan.ForeignKeyProperty)!;
                var sourceKey = plan.Declaration.Kind == AssociationKind.BelongsTo ? plan.Source.Key! : plan.Source.Column(plan.ReferencedKeyProperty)!;
                var targetKey = plan.Declaration.Kind == AssociationKind.BelongsTo ? plan.Target.Column(plan.ReferencedKeyProperty)! : plan.Target.Key!;
                var onDelete = plan.Owner.ForeignKeys.First(f => f.Property == plan.ForeignKeyProperty).OnDelete ?? (fkColumn.Nullable ? SetNull : Cascade);
                return WithScope(new AssociationSpec(plan.Declaration.Kind, plan.Name, plan.Singular, Ref(plan.Source), Ref(plan.Target),
                    fkColumn, sourceKey, targetKey, !fkColumn.Nullable, null)
                {
                    CascadeHooks = plan.Declaration.Hooks && plan.Declaration.Kind != AssociationKind.BelongsTo && onDelete == Cascade,
                }, plan);
            }).ToEquatableArray();

            // Hint names allow letters, digits and . _ - only: "@class" namespaces and verbatim names lose their '@'.
            // A nested model's file is named by its containers too ("Blog.Shop.Order").
            var hint = new string(model.Type.FullName.Replace("global::", "")
                .Where(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-').ToArray()) + ".Associations.g.cs";
            var uniques = model.Uniques.Select(u => new UniqueSpec(u.Select(p => model.Column(p)!.Column).ToEquatableArray())).ToEquatableArray();
            return new ModelSpec(model.Type.FullName, model.Type.Name, model.Type.Namespace, model.Type.IsPublic, hint, model.Table,
                model.Columns.ToEquatableArray(), foreignKeys, associations, model.Related.ToEquatableArray(),
                uniques, model.JunctionNavigations.ToEquatableArray(), model.Synthesized)
            {
                Scopes = model.Type.Scopes,
                Schema = model.Type.Schema,
                IsRecord = model.Type.IsRecord,
                Containers = model.Type.Containers,
            };
        }
    }
}
