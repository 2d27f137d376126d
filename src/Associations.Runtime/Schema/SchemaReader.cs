using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Associations
{
    /// <summary>
    /// Reads the live schema: SQLite through its pragma table-valued functions (<c>pragma_table_info</c>,
    /// <c>pragma_foreign_key_list</c>, <c>pragma_index_list</c>, <c>pragma_index_info</c>), PostgreSQL through
    /// <c>pg_catalog</c> for the session's <c>current_schema()</c>.
    /// </summary>
    internal static class SchemaReader
    {
        public static Task<List<TableSchema>> ReadAsync(DbSession db, CancellationToken ct) =>
            db.Dialect.Kind == DialectKind.PostgreSql ? ReadPostgreSqlAsync(db, ct) : ReadSqliteAsync(db, ct);

        // ------------------------------------------------------------------ SQLite

        private static async Task<List<TableSchema>> ReadSqliteAsync(DbSession db, CancellationToken ct)
        {
            var names = await db.ReadAsync(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                Array.Empty<object?>(), r => r.GetString(0), ct).ConfigureAwait(false);
            var tables = new List<TableSchema>();
            foreach (var name in names)
            {
                var args = new object?[] { name };
                var rawColumns = await db.ReadAsync(
                    "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(@p0) ORDER BY cid", args,
                    r => (Name: r.GetString(0), Type: r.IsDBNull(1) ? "" : r.GetString(1), NotNull: r.GetInt64(2) != 0,
                        Default: r.IsDBNull(3) ? null : r.GetString(3), Pk: r.GetInt64(4)), ct).ConfigureAwait(false);
                var columns = rawColumns.Select(c => new ColumnSchema(c.Name, c.Type, !c.NotNull, c.Default)).ToList();
                var key = rawColumns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
                var rawKeys = await db.ReadAsync(
                    "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(@p0) ORDER BY id, seq", args,
                    r => (Id: r.GetInt64(0), Table: r.GetString(2), From: r.GetString(3), To: r.IsDBNull(4) ? null : r.GetString(4),
                        OnUpdate: r.GetString(5), OnDelete: r.GetString(6)), ct).ConfigureAwait(false);
                var foreignKeys = new List<ForeignKeySchema>();
                foreach (var group in rawKeys.GroupBy(k => k.Id))
                {
                    if (group.Count() != 1) continue; // composite foreign keys are not ours
                    var fk = group.First();
                    foreignKeys.Add(new ForeignKeySchema(null, fk.From, fk.Table, fk.To ?? "rowid",
                        ForeignKeySchema.ParseAction(fk.OnDelete), ForeignKeySchema.ParseAction(fk.OnUpdate)));
                }
                var rawIndexes = await db.ReadAsync(
                    "SELECT l.name, l.\"unique\", l.origin, m.sql FROM pragma_index_list(@p0) AS l LEFT JOIN sqlite_master AS m ON m.type = 'index' AND m.name = l.name ORDER BY l.name", args,
                    r => (Name: r.GetString(0), Unique: r.GetInt64(1) != 0, Origin: r.GetString(2), Sql: r.IsDBNull(3) ? null : r.GetString(3)), ct).ConfigureAwait(false);
                var indexes = new List<IndexSchema>();
                foreach (var index in rawIndexes)
                {
                    if (index.Origin == "pk") continue;
                    var indexColumns = await db.ReadAsync(
                        "SELECT name FROM pragma_index_info(@p0) ORDER BY seqno", new object?[] { index.Name },
                        r => r.IsDBNull(0) ? "" : r.GetString(0), ct).ConfigureAwait(false);
                    if (indexColumns.Any(c => c.Length == 0)) indexColumns.Clear(); // an expression index
                    indexes.Add(new IndexSchema(index.Name, index.Unique, indexColumns, index.Origin == "u", index.Sql));
                }
                tables.Add(new TableSchema(name, columns, key, foreignKeys, indexes));
            }
            return tables;
        }

        // ------------------------------------------------------------------ PostgreSQL

        private const string PgTables =
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname";

        private const string PgColumns =
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid) " +
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum " +
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped " +
            "ORDER BY c.relname, a.attnum";

        private const string PgForeignKeys =
            "SELECT cl.relname, con.conname, att.attname, rcl.relname, ratt.attname, con.confdeltype::text, con.confupdtype::text " +
            "FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace " +
            "JOIN pg_class rcl ON rcl.oid = con.confrelid " +
            "JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1] " +
            "JOIN pg_attribute ratt ON ratt.attrelid = con.confrelid AND ratt.attnum = con.confkey[1] " +
            "WHERE con.contype = 'f' AND n.nspname = current_schema() AND array_length(con.conkey, 1) = 1 " +
            "ORDER BY cl.relname, con.conname";

        private const string PgIndexes =
            "SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary, con.conname IS NOT NULL, " +
            "ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) " +
            "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), " +
            "0 = ANY(ix.indkey::int2[]) OR ix.indpred IS NOT NULL " +
            "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid " +
            "JOIN pg_namespace n ON n.oid = t.relnamespace " +
            "LEFT JOIN pg_constraint con ON con.conindid = ix.indexrelid AND con.conrelid = t.oid AND con.contype IN ('u', 'p') " +
            "WHERE n.nspname = current_schema() ORDER BY t.relname, i.relname";

        private static async Task<List<TableSchema>> ReadPostgreSqlAsync(DbSession db, CancellationToken ct)
        {
            var none = Array.Empty<object?>();
            var names = await db.ReadAsync(PgTables, none, r => r.GetString(0), ct).ConfigureAwait(false);
            var columns = await db.ReadAsync(PgColumns, none,
                r => (Table: r.GetString(0), Column: new ColumnSchema(r.GetString(1), r.GetString(2), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetString(4))), ct).ConfigureAwait(false);
            var foreignKeys = await db.ReadAsync(PgForeignKeys, none,
                r => (Table: r.GetString(0), Key: new ForeignKeySchema(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    ForeignKeySchema.ParseAction(r.GetString(5)), ForeignKeySchema.ParseAction(r.GetString(6)))), ct).ConfigureAwait(false);
            var indexes = await db.ReadAsync(PgIndexes, none,
                r => (Table: r.GetString(0), Name: r.GetString(1), Unique: r.GetBoolean(2), Primary: r.GetBoolean(3), Constraint: r.GetBoolean(4),
                    Columns: (string[])r.GetValue(5), Partial: r.GetBoolean(6)), ct).ConfigureAwait(false);
            var tables = new List<TableSchema>();
            foreach (var name in names)
            {
                var key = indexes.Where(i => i.Table == name && i.Primary).Select(i => (IReadOnlyList<string>)i.Columns).FirstOrDefault() ?? Array.Empty<string>();
                tables.Add(new TableSchema(name,
                    columns.Where(c => c.Table == name).Select(c => c.Column).ToList(),
                    key,
                    foreignKeys.Where(f => f.Table == name).Select(f => f.Key).ToList(),
                    indexes.Where(i => i.Table == name && !i.Primary)
                        .Select(i => new IndexSchema(i.Name, i.Unique, i.Partial ? Array.Empty<string>() : i.Columns, i.Constraint, null)).ToList()));
            }
            return tables;
        }
    }
}
