using System.Linq;
using Associations.Generator.Graph;
using Associations.Generator.Model;
using static Associations.Generator.Emit.Snippets;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// The <c>__Metadata</c> class of a model: what the runtime knows about it (table, columns, keys, statements), its row
    /// readers (<see cref="RowReaders"/>), insert and update values, lifecycle columns, default scopes and graph links.
    /// </summary>
    internal static class MetadataEmitter
    {
        public static void Write(CodeWriter w, TypeNames n, ModelSpec model)
        {
            var t = n.Type(model.FullName);
            var meta = n.Meta;
            var key = model.Columns.First(c => c.IsKey);
            w.Line($"static {meta}.ModelMetadata<{t}> {n.Runtime}.IModel<{t}>.Metadata => __Metadata.Instance;");
            w.Line();
            w.Line("/// <summary>What the runtime knows about this model: table, columns, keys, statements, row reader.</summary>");
            w.Line(n.GeneratedCode);
            w.Open($"private sealed class __Metadata : {meta}.ModelMetadata<{t}>");
            w.Line("public static readonly __Metadata Instance = new();");
            w.Line();
            w.Line("private __Metadata()");
            w.Line("    : base(");
            using (w.Indent())
            using (w.Indent())
            {
                w.Line($"name: \"{model.Name}\",");
                w.Line($"table: {CodeWriter.Literal(model.Table)},");
                w.Line($"columns: new {meta}.ColumnInfo[]");
                w.Line("{");
                foreach (var c in model.Columns)
                    w.Line($"    new(\"{c.Property}\", {CodeWriter.Literal(c.Column)}, {n.ColumnType}.{c.Storage}, {Bool(c.Nullable)}"
                        + (c.IsKey ? ", isKey: true" : "")
                        + (c.IsGenerated ? ", isGenerated: true" : "")
                        + (c.IsUnique ? ", isUnique: true" : "")
                        + (c.MaxLength is { } max ? $", maxLength: {max}" : "")
                        + (c.StoreType is { } store ? $", storeType: {CodeWriter.Literal(store)}" : "")
                        + (c.DefaultExpression is { } value ? $", defaultValue: {value}" : "") + "),");
                w.Line("},");
                if (model.ForeignKeys.Count == 0)
                {
                    w.Line($"foreignKeys: global::System.Array.Empty<{meta}.ForeignKeyInfo>(),");
                }
                else
                {
                    w.Line($"foreignKeys: new {meta}.ForeignKeyInfo[]");
                    w.Line("{");
                    foreach (var fk in model.ForeignKeys)
                        w.Line($"    new({CodeWriter.Literal(fk.Column)}, {CodeWriter.Literal(fk.ReferencedTable)}, {CodeWriter.Literal(fk.ReferencedColumn)}, {n.Action}.{Action(fk.OnDelete)}, {n.Action}.{Action(fk.OnUpdate)}, {Bool(fk.Constraint)}{(fk.ReferencedSchema is { } rs ? $", referencedSchema: {CodeWriter.Literal(rs)}" : "")}),");
                    w.Line("},");
                }
                if (model.UniqueConstraints.Count == 0)
                    w.Line($"uniqueConstraints: global::System.Array.Empty<{n.Collections}.IReadOnlyList<string>>(),");
                else
                    w.Line($"uniqueConstraints: new {n.Collections}.IReadOnlyList<string>[] {{ "
                        + string.Join(", ", model.UniqueConstraints.Select(u => "new[] { " + string.Join(", ", u.Columns.Select(CodeWriter.Literal)) + " }")) + " },");
                w.Line($"statements: new {n.Type(RuntimeNames.ModelStatements)}(");
                w.Line($"    {SqlText(d => d.Insert(model))},");
                w.Line($"    {SqlText(d => d.Update(model))},");
                w.Line($"    {SqlText(d => d.Delete(model))},");
                w.Line($"    {SqlText(d => d.Find(model))}),");
                var notUpdated = (model.Columns.FirstOrDefault(c => c.NotUpdated) is { } kept ? $", notUpdated: {CodeWriter.Literal(kept.Column)}" : "")
                    + (model.Schema is { } schema ? $", schema: {CodeWriter.Literal(schema)}" : "");
                if (model.Related.Count == 0)
                    w.Line($"related: static () => global::System.Array.Empty<{meta}.ModelMetadata>(){notUpdated})");
                else
                    w.Line($"related: static () => new {meta}.ModelMetadata[] {{ {string.Join(", ", model.Related.Select(r => $"{meta}.ModelMetadata.Of<{n.Type(r)}>()"))} }}{notUpdated})");
            }
            w.Line("{");
            w.Line("}");
            w.Line();

            // Short parameter names (r: the reader, o: the first ordinal): these two methods are most of a model's metadata.
            w.Line($"public override {t} Read({n.Reader} r, int o) => new {t}");
            w.Line("{");
            for (var i = 0; i < model.Columns.Count; i++)
            {
                var c = model.Columns[i];
                var ordinal = i == 0 ? "o" : "o + " + i;
                var read = RowReaders.ReadExpression(n, model.Name, c, ordinal);
                w.Line(c.Nullable
                    ? $"    {c.Property} = r.IsDBNull({ordinal}) ? null : {read},"
                    : $"    {c.Property} = {read},");
            }
            w.Line("};");
            w.Line();

            w.Line($"public override {t} ReadPartial({n.Reader} r, int[] o)");
            w.Line("{");
            var initialized = model.Columns.Select((c, i) => (c, i)).Where(x => x.c.InInitializer).ToList();
            w.Line(initialized.Count == 0
                ? $"    var entity = new {t}();"
                : $"    var entity = new {t} {{ {string.Join(", ", initialized.Select(x => $"{x.c.Property} = o[{x.i}] < 0 ? default! : {RowReaders.PartialRead(n, model.Name, x.c, x.i)}"))} }};");
            for (var i = 0; i < model.Columns.Count; i++)
            {
                var c = model.Columns[i];
                if (c.InInitializer) continue;
                w.Line($"    if (o[{i}] >= 0) entity.{c.Property} = {RowReaders.PartialRead(n, model.Name, c, i)};");
            }
            w.Line("    return entity;");
            w.Line("}");
            w.Line();

            var inserted = model.Columns.Where(c => !c.IsGenerated).ToList();
            w.Line($"public override object?[] GetInsertValues({t} entity) => new object?[] {{ {string.Join(", ", inserted.Select(Value))} }};");
            w.Line();
            var updated = model.Columns.Where(c => !c.IsKey && !c.NotUpdated).ToList();
            if (updated.Count == 0) updated = model.Columns.Where(c => c.IsKey).ToList();
            updated.AddRange(model.Columns.Where(c => c.IsKey));
            w.Line($"public override object?[] GetUpdateValues({t} entity) => new object?[] {{ {string.Join(", ", updated.Select(Value))} }};");
            w.Line();
            var keys = model.Columns.Where(c => c.IsKey).ToList();
            w.Line(keys.Count == 1
                ? $"public override object? GetKey({t} entity) => {Value(key)};"
                : $"public override object? GetKey({t} entity) => new {meta}.CompositeKey({string.Join(", ", keys.Select(Value))});");
            w.Line();
            if (key.IsGenerated)
                w.Line($"public override void SetGeneratedKey({t} entity, object value) => entity.{key.Property} = global::System.Convert.{Convert(key)}(value, global::System.Globalization.CultureInfo.InvariantCulture);");
            else
                w.Line($"public override void SetGeneratedKey({t} entity, object value) => throw new global::System.InvalidOperationException(\"{model.Name}.{key.Property} is not generated by the database.\");");
            w.Line();
            w.Line($"public override bool IsUnsaved({t} entity) => {string.Join(" || ", keys.Select(x => Unsaved(n, x)))};");
            var defaults = model.Scopes.Where(x => x.IsDefault).ToList();
            if (defaults.Count > 0)
            {
                w.Line();
                w.Line("public override bool HasDefaultScope => true;");
                w.Line();
                var applied = defaults.Aggregate("query", (q, x) => $"__Scope_{x.Name}({q})");
                w.Line($"public override {n.QueryOf(model.FullName)} ApplyDefaultScope({n.QueryOf(model.FullName)} query) => {applied};");
            }
            if (model.Associations.Count > 0)
            {
                w.Line();
                w.Line($"public override {n.Collections}.IReadOnlyList<{RuntimeNames.IGraphLink}<{t}>> GraphLinks => __Graph.Links;");
                w.Line();
                w.Line("private static class __Graph");
                w.Line("{");
                w.Line($"    public static readonly {RuntimeNames.IGraphLink}<{t}>[] Links = {{ {string.Join(", ", model.Associations.Select(a => "__Associations." + a.Name))} }};");
                w.Line("}");
            }
            var created = model.Columns.FirstOrDefault(c => c.Lifecycle == LifecycleColumn.CreatedAt);
            var updatedAt = model.Columns.FirstOrDefault(c => c.Lifecycle == LifecycleColumn.UpdatedAt);
            if (created is not null && updatedAt is not null)
            {
                w.Line();
                w.Line("public override bool HasTimestamps => true;");
                w.Line();
                w.Line($"public override {meta}.ColumnInfo? UpdatedAtColumn => Columns[{model.Columns.ToList().IndexOf(updatedAt)}];");
                w.Line();
                w.Line($"public override void Touch({t} entity, global::System.DateTime now, bool inserted)");
                w.Line("{");
                w.Line($"    if (inserted) entity.{created.Property} = now;");
                w.Line($"    entity.{updatedAt.Property} = now;");
                w.Line("}");
                w.Line();
                w.Line($"public override (global::System.DateTime Created, global::System.DateTime Updated) GetTimestamps({t} entity) => (entity.{created.Property}, entity.{updatedAt.Property});");
                w.Line();
                w.Line($"public override void SetTimestamps({t} entity, global::System.DateTime created, global::System.DateTime updated)");
                w.Line("{");
                w.Line($"    entity.{created.Property} = created;");
                w.Line($"    entity.{updatedAt.Property} = updated;");
                w.Line("}");
            }
            var deleted = model.Columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Lifecycle == LifecycleColumn.DeletedAt);
            if (deleted.c is not null)
            {
                w.Line();
                w.Line($"public override {meta}.ColumnInfo? DeletedAt => Columns[{deleted.i}];");
                w.Line();
                w.Line($"public override global::System.DateTime? GetDeletedAt({t} entity) => entity.{deleted.c.Property};");
                w.Line();
                w.Line($"public override void SetDeletedAt({t} entity, global::System.DateTime? value) => entity.{deleted.c.Property} = value;");
            }
            var cascades = model.Associations.Where(a => a.CascadeHooks).ToList();
            if (cascades.Count > 0)
            {
                w.Line();
                w.Line("public override bool CascadesThroughRuntime => true;");
                w.Line();
                w.Line($"public override async {n.Task} DeleteChildrenAsync({n.Db} db, {t} entity, {n.Ct} cancellationToken)");
                w.Line("{");
                foreach (var a in cascades)
                    w.Line($"    await __Associations.{a.Name}.DeleteChildrenAsync(db, entity, cancellationToken).ConfigureAwait(false);");
                w.Line("}");
            }
            w.Close();
        }

        private static string Action(ReferentialAction value) => value switch
        {
            ReferentialAction.Restrict => "Restrict",
            ReferentialAction.Cascade => "Cascade",
            ReferentialAction.NoAction => "NoAction",
            ReferentialAction.SetDefault => "SetDefault",
            _ => "SetNull",
        };

        /// <summary>The <c>System.Convert</c> method that turns a generated key value into the key property's type.</summary>
        private static string Convert(ColumnSpec key) => key.ValueType switch
        {
            "short" => "ToInt16",
            "long" => "ToInt64",
            "sbyte" => "ToSByte",
            "ushort" => "ToUInt16",
            "uint" => "ToUInt32",
            "ulong" => "ToUInt64",
            _ => "ToInt32",
        };

        /// <summary>The property value as the provider should receive it (enums as their underlying number).</summary>
        private static string Value(ColumnSpec c) =>
            c.EnumUnderlying is null ? "entity." + c.Property : $"({c.EnumUnderlying}{(c.Nullable ? "?" : "")})entity.{c.Property}";

        private static string Unsaved(TypeNames n, ColumnSpec key) => key.IsValueType
            ? $"{n.Collections}.EqualityComparer<{key.PropertyType}>.Default.Equals(entity.{key.Property}, default!)"
            : $"entity.{key.Property} is null" + (key.Storage == ColumnStorage.String ? $" || entity.{key.Property}.Length == 0" : "");
    }
}
