using System.Collections.Generic;
using System.Linq;
using Associations.Generator.Graph;
using Associations.Generator.Model;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// The only place where the generator's SQL differs per engine. Every statement an accessor runs
    /// is written here, once per dialect, and emitted as a constant.
    /// </summary>
    internal abstract class SqlDialect
    {
        public static readonly SqlDialect Sqlite = new SqliteSql();
        public static readonly SqlDialect PostgreSql = new PostgreSqlSql();

        public abstract string Name { get; }

        public string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

        /// <summary>A table, qualified by its <c>[Table(Schema)]</c>: <c>"schema"."table"</c> on PostgreSQL; SQLite has no schemas,
        /// so there the schema is part of the table's name (<c>"schema.table"</c>). The runtime's Dialect.QuoteTable agrees.</summary>
        public abstract string Table(string table, string? schema);

        /// <summary>A predicate: <paramref name="column"/> is one of the keys bound to one list parameter.</summary>
        public abstract string InKeys(string column, string parameter);

        /// <summary>Suffix that locks the selected rows until the transaction ends.</summary>
        public abstract string ForUpdate { get; }

        /// <summary>The association scope's value as a SQL literal (a compile-time constant, escaped).</summary>
        public string ScopeLiteral(AssociationSpec a) => a.ScopeKind switch
        {
            ScopeKind.String => "'" + a.ScopeText!.Replace("'", "''") + "'",
            ScopeKind.Bool => Bool(a.ScopeText == "true"),
            _ => a.ScopeText!,
        };

        protected abstract string Bool(bool value);

        /// <summary><c> AND "column" = 'value'</c> for a scoped association, else nothing.</summary>
        public string Scope(AssociationSpec a, string? alias = null) => a.ScopeColumn is null
            ? ""
            : " AND " + (alias is null ? "" : Quote(alias) + ".") + Quote(a.ScopeColumn.Column) + " = " + ScopeLiteral(a);

        public string Columns(TableRef table) => string.Join(", ", table.Columns.Select(c => Quote(c.Column)));

        public string Columns(IEnumerable<ColumnSpec> columns) => string.Join(", ", columns.Select(c => Quote(c.Column)));

        // ---- CRUD of one model

        public string Insert(ModelSpec model)
        {
            var inserted = model.Columns.Where(c => !c.IsGenerated).ToList();
            var generated = model.Columns.FirstOrDefault(c => c.IsGenerated);
            var sql = inserted.Count == 0
                ? "INSERT INTO " + Table(model.Table, model.Schema) + " DEFAULT VALUES"
                : "INSERT INTO " + Table(model.Table, model.Schema) + " (" + Columns(inserted) + ") VALUES ("
                    + string.Join(", ", inserted.Select((_, i) => "@p" + i)) + ")";
            return generated is null ? sql : sql + " RETURNING " + Quote(generated.Column);
        }

        public string Update(ModelSpec model)
        {
            var set = model.Columns.Where(c => !c.IsKey && !c.NotUpdated).ToList();
            var key = model.Columns.Where(c => c.IsKey).ToList();
            if (set.Count == 0) set = key;
            var assignments = string.Join(", ", set.Select((c, i) => Quote(c.Column) + " = @p" + i));
            var where = string.Join(" AND ", key.Select((c, i) => Quote(c.Column) + " = @p" + (set.Count + i)));
            return "UPDATE " + Table(model.Table, model.Schema) + " SET " + assignments + " WHERE " + where;
        }

        public string Delete(ModelSpec model) =>
            "DELETE FROM " + Table(model.Table, model.Schema) + " WHERE " + KeyWhere(model.Columns.Where(c => c.IsKey));

        public string Find(ModelSpec model) =>
            "SELECT " + Columns(model.Columns) + " FROM " + Table(model.Table, model.Schema) + " WHERE " + KeyWhere(model.Columns.Where(c => c.IsKey));

        private string KeyWhere(IEnumerable<ColumnSpec> key) => string.Join(" AND ", key.Select((c, i) => Quote(c.Column) + " = @p" + i));

        // ---- HasOne / HasMany: the key is on the target; @p0 is the source key, @p1 a list of target keys

        public string SelectTargets(AssociationSpec a, bool one) =>
            "SELECT " + Columns(a.Target) + " FROM " + Table(a.Target.Table, a.Target.Schema) + " WHERE " + Quote(a.ForeignKey.Column) + " = @p0" + Scope(a) + (one ? " LIMIT 1" : "");

        public string CountTargets(AssociationSpec a) =>
            "SELECT COUNT(*) FROM " + Table(a.Target.Table, a.Target.Schema) + " WHERE " + Quote(a.ForeignKey.Column) + " = @p0" + Scope(a);

        public string CountKeys(AssociationSpec a) =>
            "SELECT COUNT(*) FROM " + Table(a.Target.Table, a.Target.Schema) + " WHERE " + Quote(a.ForeignKey.Column) + " = @p0" + Scope(a) + " AND " + InKeys(Quote(a.Target.Key.Column), "@p1");

        public string Link(AssociationSpec a) =>
            "UPDATE " + Table(a.Target.Table, a.Target.Schema) + " SET " + Quote(a.ForeignKey.Column) + " = @p0"
            + (a.ScopeColumn is null ? "" : ", " + Quote(a.ScopeColumn.Column) + " = " + ScopeLiteral(a))
            + " WHERE " + InKeys(Quote(a.Target.Key.Column), "@p1");

        public string Unlink(AssociationSpec a) =>
            UnlinkPrefix(a) + " WHERE " + Quote(a.ForeignKey.Column) + " = @p0" + Scope(a) + " AND " + InKeys(Quote(a.Target.Key.Column), "@p1");

        public string UnlinkOthers(AssociationSpec a) =>
            UnlinkPrefix(a) + " WHERE " + Quote(a.ForeignKey.Column) + " = @p0" + Scope(a) + " AND NOT (" + InKeys(Quote(a.Target.Key.Column), "@p1") + ")";

        private string UnlinkPrefix(AssociationSpec a) => a.UnlinkDeletes
            ? "DELETE FROM " + Table(a.Target.Table, a.Target.Schema)
            : "UPDATE " + Table(a.Target.Table, a.Target.Schema) + " SET " + Quote(a.ForeignKey.Column) + " = NULL";

        public string LockSource(AssociationSpec a) =>
            "SELECT " + Quote(a.SourceKey.Column) + " FROM " + Table(a.Source.Table, a.Source.Schema) + " WHERE " + Quote(a.SourceKey.Column) + " = @p0" + ForUpdate;

        public string ExistingTargetKeys(AssociationSpec a, ColumnSpec key) =>
            "SELECT " + Quote(key.Column) + " FROM " + Table(a.Target.Table, a.Target.Schema) + " WHERE " + InKeys(Quote(key.Column), "@p0");

        // ---- BelongsTo: the key is on the source

        public string SelectReferenced(AssociationSpec a) =>
            "SELECT " + Columns(a.Target) + " FROM " + Table(a.Target.Table, a.Target.Schema) + " WHERE " + Quote(a.TargetKey.Column) + " = @p0";

        public string SetForeignKey(AssociationSpec a) =>
            "UPDATE " + Table(a.Source.Table, a.Source.Schema) + " SET " + Quote(a.ForeignKey.Column) + " = @p0 WHERE " + Quote(a.Source.Key.Column) + " = @p1";

        // ---- BelongsToMany: @p0 is the source key, @p1 a list of target keys

        public const string TargetAlias = "t";
        public const string JunctionAlias = "j";

        public string SelectThrough(AssociationSpec a, bool count)
        {
            var j = a.Junction!;
            var t = Quote(TargetAlias);
            var jq = Quote(JunctionAlias);
            var columns = count
                ? "COUNT(*)"
                : string.Join(", ", a.Target.Columns.Select(c => t + "." + Quote(c.Column)).Concat(j.Table.Columns.Select(c => jq + "." + Quote(c.Column))));
            return "SELECT " + columns + " FROM " + Table(a.Target.Table, a.Target.Schema) + " AS " + t
                + " INNER JOIN " + Table(j.Table.Table, j.Table.Schema) + " AS " + jq + " ON " + jq + "." + Quote(j.TargetColumn.Column) + " = " + t + "." + Quote(a.TargetKey.Column)
                + " WHERE " + jq + "." + Quote(j.SourceColumn.Column) + " = @p0" + Scope(a, JunctionAlias);
        }

        public string CountJunctionKeys(AssociationSpec a)
        {
            var j = a.Junction!;
            return "SELECT COUNT(DISTINCT " + Quote(j.TargetColumn.Column) + ") FROM " + Table(j.Table.Table, j.Table.Schema)
                + " WHERE " + Quote(j.SourceColumn.Column) + " = @p0" + Scope(a) + " AND " + InKeys(Quote(j.TargetColumn.Column), "@p1");
        }

        /// <summary>One junction row; an existing pair is left alone, or (<paramref name="update"/>) gets the new payload.</summary>
        public string InsertJunction(AssociationSpec a, bool update)
        {
            var j = a.Junction!;
            var inserted = j.Table.Columns.Where(c => !c.IsGenerated).ToList();
            var generated = j.Table.Columns.FirstOrDefault(c => c.IsGenerated);
            var sql = "INSERT INTO " + Table(j.Table.Table, j.Table.Schema) + " (" + Columns(inserted) + ") VALUES ("
                + string.Join(", ", inserted.Select((_, i) => "@p" + i)) + ")";
            if (j.Unique)
            {
                var payload = j.Payload.Where(c => !j.ConflictColumns.Contains(c.Column)).ToList();
                sql += " ON CONFLICT (" + string.Join(", ", j.ConflictColumns.Select(Quote)) + ") DO "
                    + (update && payload.Count > 0
                        ? "UPDATE SET " + string.Join(", ", payload.Select(c => Quote(c.Column) + " = excluded." + Quote(c.Column)))
                        : "NOTHING");
            }
            return generated is null ? sql : sql + " RETURNING " + Quote(generated.Column);
        }

        /// <summary>
        /// Locks source @p0 and counts the targets whose keys are in @p1, in one statement: no row when the source is missing.
        /// </summary>
        public string LockSourceAndCountTargets(AssociationSpec a) =>
            "SELECT (SELECT COUNT(*) FROM " + Table(a.Target.Table, a.Target.Schema) + " WHERE " + InKeys(Quote(a.TargetKey.Column), "@p1") + ") FROM "
            + Table(a.Source.Table, a.Source.Schema) + " WHERE " + Quote(a.SourceKey.Column) + " = @p0" + ForUpdate;

        /// <summary>
        /// Whether one statement can link @p0 to every key in @p1: a junction of the two keys only (no payload, no generated
        /// key, no association scope) whose pairs are unique.
        /// </summary>
        public static bool CanInsertPairs(AssociationSpec a)
        {
            var j = a.Junction!;
            return j.Unique && a.ScopeColumn is null && j.Table.Columns.Count == 2
                && j.Table.Columns.All(c => !c.IsGenerated && (c.Column == j.SourceColumn.Column || c.Column == j.TargetColumn.Column));
        }

        /// <summary>Links source @p0 to every target key in @p1 in one statement; linked pairs are left alone.</summary>
        public string InsertPairs(AssociationSpec a)
        {
            var j = a.Junction!;
            return "INSERT INTO " + Table(j.Table.Table, j.Table.Schema) + " (" + Quote(j.SourceColumn.Column) + ", " + Quote(j.TargetColumn.Column) + ") "
                + SelectWithEachKey("@p0", "@p1")
                + " ON CONFLICT (" + string.Join(", ", j.ConflictColumns.Select(Quote)) + ") DO NOTHING";
        }

        /// <summary><c>SELECT value, key</c> for each key of a key-list parameter.</summary>
        public abstract string SelectWithEachKey(string value, string parameter);

        public string DeleteJunction(AssociationSpec a, bool others)
        {
            var j = a.Junction!;
            var keys = InKeys(Quote(j.TargetColumn.Column), "@p1");
            return "DELETE FROM " + Table(j.Table.Table, j.Table.Schema) + " WHERE " + Quote(j.SourceColumn.Column) + " = @p0" + Scope(a) + " AND "
                + (others ? "NOT (" + keys + ")" : keys);
        }

        private sealed class SqliteSql : SqlDialect
        {
            public override string Name => "SQLite";

            public override string InKeys(string column, string parameter) => column + " IN (SELECT value FROM json_each(" + parameter + "))";

            // "WHERE true" keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
            public override string SelectWithEachKey(string value, string parameter) => "SELECT " + value + ", value FROM json_each(" + parameter + ") WHERE true";

            public override string ForUpdate => "";

            protected override string Bool(bool value) => value ? "1" : "0";

            public override string Table(string table, string? schema) => Quote(schema is null ? table : schema + "." + table);
        }

        private sealed class PostgreSqlSql : SqlDialect
        {
            public override string Name => "PostgreSQL";

            public override string InKeys(string column, string parameter) => column + " = ANY(" + parameter + ")";

            public override string SelectWithEachKey(string value, string parameter) => "SELECT " + value + ", unnest(" + parameter + ")";

            public override string ForUpdate => " FOR UPDATE";

            protected override string Bool(bool value) => value ? "TRUE" : "FALSE";

            public override string Table(string table, string? schema) => schema is null ? Quote(table) : Quote(schema) + "." + Quote(table);
        }
    }
}
