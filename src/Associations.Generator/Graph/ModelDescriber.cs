using System;
using System.Collections.Generic;
using System.Linq;
using Associations.Generator.Diagnostics;
using Associations.Generator.Model;
using Associations.Generator.Parsing;

namespace Associations.Generator.Graph
{
    /// <summary>
    /// The shape of one model: can it be one (ASSOC005), its naming (table, singular, plural), its key (ASSOC006), its
    /// mapped columns (ASSOC011, ASSOC012) and the lifecycle columns of [Timestamps]/[Paranoid] (ASSOC014).
    /// </summary>
    internal static class ModelDescriber
    {
        public static void Describe(ModelBuilder model, AssemblyOptions options, List<DiagnosticInfo> diagnostics)
        {
            var type = model.Type;
            ModelShapeProblem? problem =
                !type.IsClass ? ModelShapeProblem.NotAClass :
                type.IsStatic ? ModelShapeProblem.Static :
                type.IsGeneric ? ModelShapeProblem.Generic :
                !type.IsPartial ? ModelShapeProblem.NotPartial :
                type.Unconstructible;
            if (problem is null && type.MemberNames.Any(n => string.Equals(n, "Columns", StringComparison.OrdinalIgnoreCase)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ColumnsMember, type.Location, type.Name));
                model.Valid = false;
                return;
            }
            if (problem is { } shape)
            {
                var location = type.Location ?? model.ReferencedAt;
                diagnostics.Add(type.UnconstructibleMember is { } member && shape == type.Unconstructible
                    ? DiagnosticInfo.Create(DiagnosticDescriptors.CannotBeModel(shape), location, type.Name, member)
                    : DiagnosticInfo.Create(DiagnosticDescriptors.CannotBeModel(shape), location, type.Name));
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
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PrimaryKeyNotSettable, type.Location ?? model.ReferencedAt, type.Name, key.Name));
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
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoPrimaryKey, type.Location ?? model.ReferencedAt, type.Name));
                model.Valid = false;
                return;
            }

            AddColumns(model, key, diagnostics);
        }

        /// <summary>A [Timestamps]/[Paranoid] column: the declared DateTime property, or a generated one.</summary>
        private static void AddLifecycle(ModelBuilder model, LifecycleColumn lifecycle, List<DiagnosticInfo> diagnostics)
        {
            var name = lifecycle.ToString();
            var nullable = lifecycle == LifecycleColumn.DeletedAt;   // null: not deleted
            var attribute = lifecycle == LifecycleColumn.DeletedAt ? "Paranoid" : "Timestamps";
            var index = model.Columns.FindIndex(c => c.Property == name);
            if (index >= 0)
            {
                var declared = model.Columns[index];
                if (declared.Storage == ColumnStorage.DateTime && declared.EnumUnderlying is null && (nullable || !declared.Nullable))
                    model.Columns[index] = declared with { Lifecycle = lifecycle };
                else
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LifecyclePropertyType, model.Type.Location,
                        model.Type.Name, name, nullable ? "DateTime?" : "DateTime", attribute));
                return;
            }
            if (model.Type.MemberNames.Any(m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase)) || model.Reserved.Contains(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LifecycleNameTaken, model.Type.Location, model.Type.Name, name, attribute));
                return;
            }
            model.Reserved.Add(name);
            model.Columns.Add(new ColumnSpec(name, model.ColumnName(name), ColumnStorage.DateTime,
                nullable ? "global::System.DateTime?" : "global::System.DateTime", "global::System.DateTime", null,
                nullable, true, false, false, false, true)
            { Lifecycle = lifecycle });
        }

        private static void AddColumns(ModelBuilder model, PropertyDecl? key, List<DiagnosticInfo> diagnostics)
        {
            if (Naming.TooLong(model.Table))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TableNameTooLong, model.Type.TableLocation ?? model.Type.Location ?? model.ReferencedAt,
                    model.Table, model.Type.Name, Naming.Utf8Length(model.Table).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            foreach (var property in model.Type.Properties)
            {
                if (!property.NotMapped && property.Storage is null && property.Writable && !model.Synthesized)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnmappedProperty, property.Location ?? model.Type.Location,
                        model.Type.Name, property.Name, property.DisplayType ?? property.ValueType));
                if (property.NotMapped || property.Storage is null || !property.Writable) continue;
                var columnName = property.ColumnName ?? model.ColumnName(property.Name);
                if (Naming.TooLong(columnName))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ColumnNameTooLong, property.Location ?? model.Type.Location,
                        columnName, model.Type.Name, property.Name, Naming.Utf8Length(columnName).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var isKey = property.Name == key?.Name;
                var generated = isKey && !property.GeneratedNone && property.EnumUnderlying is null && property.Storage is ColumnStorage.Int16 or ColumnStorage.Int32 or ColumnStorage.Int64;
                model.Columns.Add(new ColumnSpec(
                    Naming.Identifier(property.Name),
                    columnName,
                    property.Storage.Value,
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
                    MaxLength = property.Storage == ColumnStorage.String && property.ValueType == "string" ? property.MaxLength : null,
                    StoreType = property.StoreType,
                    DefaultExpression = isKey ? null : property.DefaultExpression,
                });
            }
            if (model.Type.Timestamps)
            {
                AddLifecycle(model, LifecycleColumn.CreatedAt, diagnostics);
                AddLifecycle(model, LifecycleColumn.UpdatedAt, diagnostics);
            }
            if (model.Type.Paranoid) AddLifecycle(model, LifecycleColumn.DeletedAt, diagnostics);
            model.Key = model.Columns.FirstOrDefault(c => c.IsKey);
        }
    }
}
