using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Associations.Metadata;

namespace Associations
{
    /// <summary>
    /// The DDL of a set of models: tables with keys, foreign keys (ON DELETE / ON UPDATE), indexes on
    /// foreign-key columns and unique constraints, in dependency order. <c>SyncAsync</c> runs it;
    /// <see cref="Script(Dialect, Type[])"/> gives it as text for migration tools.
    /// </summary>
    public static partial class Schema
    {
        /// <summary>The DDL creating <paramref name="roots"/> and every model connected to them, as one script.</summary>
        public static string Script(Dialect dialect, params Type[] roots) =>
            Script(dialect, roots.Select(ModelRegistry.Find));

        /// <summary>The DDL creating <paramref name="roots"/> and every model connected to them, as one script.</summary>
        public static string Script(Dialect dialect, IEnumerable<ModelMetadata> roots)
        {
            var statements = Statements(dialect, Order(Connected(roots)), force: false);
            return string.Join(";\n", statements) + ";\n";
        }

        /// <summary><paramref name="roots"/> and every model reachable from them through associations declared on either side.</summary>
        public static IReadOnlyList<ModelMetadata> Connected(IEnumerable<ModelMetadata> roots)
        {
            var seen = new List<ModelMetadata>();
            var stack = new Stack<ModelMetadata>(roots.Reverse());
            while (stack.Count > 0)
            {
                var model = stack.Pop();
                if (seen.Contains(model)) continue;
                seen.Add(model);
                foreach (var related in model.Related.Reverse()) stack.Push(related);
            }
            return seen;
        }

        /// <summary>Orders models so that every table comes after the tables its constraints reference.</summary>
        public static IReadOnlyList<ModelMetadata> Order(IEnumerable<ModelMetadata> models)
        {
            var all = models.Distinct().ToList();
            var byTable = all.GroupBy(m => m.Table, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var ordered = new List<ModelMetadata>();
            var state = new Dictionary<ModelMetadata, int>(); // 1 visiting, 2 done
            void Visit(ModelMetadata model)
            {
                if (state.TryGetValue(model, out var s) && s != 0) return; // done, or a cycle: keep the order reached
                state[model] = 1;
                foreach (var fk in model.ForeignKeys)
                {
                    if (!fk.Constraint || fk.ReferencedTable == model.Table) continue;
                    if (byTable.TryGetValue(fk.ReferencedTable, out var target)) Visit(target);
                }
                state[model] = 2;
                ordered.Add(model);
            }
            foreach (var model in all) Visit(model);
            return ordered;
        }

        /// <summary>The statements creating <paramref name="ordered"/> (dropping them first, in reverse, when <paramref name="force"/>).</summary>
        public static IReadOnlyList<string> Statements(Dialect dialect, IReadOnlyList<ModelMetadata> ordered, bool force)
        {
            var statements = new List<string>();
            if (force)
                for (var i = ordered.Count - 1; i >= 0; i--) statements.Add(dialect.DropTable(ordered[i]));
            foreach (var schema in ordered.Select(m => m.Schema).Where(s => s is not null).Distinct(StringComparer.Ordinal))
                if (dialect.CreateSchema(schema!) is { } create) statements.Add(create);
            foreach (var model in ordered)
            {
                statements.Add(CreateTable(dialect, model));
                statements.AddRange(CreateIndexes(dialect, model));
            }
            return statements;
        }

        /// <summary>CREATE TABLE IF NOT EXISTS for one model.</summary>
        public static string CreateTable(Dialect dialect, ModelMetadata model)
        {
            var sb = new StringBuilder("CREATE TABLE IF NOT EXISTS ").Append(dialect.QuoteTable(model)).Append(" (\n");
            sb.Append(string.Join(",\n", TableLines(dialect, model).Select(l => "  " + l)));
            return sb.Append("\n)").ToString();
        }

        /// <summary>The definition of one column: <see cref="Dialect.ColumnDefinition"/>, then its DEFAULT when the property has one.</summary>
        public static string ColumnSql(Dialect dialect, ColumnInfo column, bool singleKey)
        {
            var definition = dialect.ColumnDefinition(column, singleKey);
            if (column.DefaultValue is null || column.IsKey) return definition;
            return definition + " DEFAULT " + dialect.Literal(column.DefaultValue);
        }

        /// <summary>The lines inside CREATE TABLE: the columns (in model order), a composite primary key, the foreign keys.</summary>
        internal static IEnumerable<string> TableLines(Dialect dialect, ModelMetadata model)
        {
            var singleKey = model.Key.Count == 1;
            foreach (var column in model.Columns) yield return ColumnSql(dialect, column, singleKey);
            if (!singleKey && model.Key.Count > 0)
                yield return "PRIMARY KEY (" + string.Join(", ", model.Key.Select(k => dialect.Quote(k.Name))) + ")";
            foreach (var fk in model.ForeignKeys.Where(f => f.Constraint))
            {
                yield return "CONSTRAINT " + dialect.Quote(ConstraintName("FK_", model.Table, fk.Column))
                    + " FOREIGN KEY (" + dialect.Quote(fk.Column) + ") REFERENCES " + dialect.QuoteTable(fk.ReferencedTable, fk.ReferencedSchema)
                    + " (" + dialect.Quote(fk.ReferencedColumn) + ") ON DELETE " + Dialect.ActionSql(fk.OnDelete)
                    + " ON UPDATE " + Dialect.ActionSql(fk.OnUpdate);
            }
        }

        /// <summary>
        /// The name of a constraint or index the library makes: <c>{prefix}{table}_{columns}</c>, or — when that is longer than the
        /// 63 bytes PostgreSQL keeps — its first bytes and a hash of the whole name, so that two long names never meet
        /// (SQLite gets the same names, so a database moves between engines unchanged).
        /// </summary>
        public static string ConstraintName(string prefix, string table, string columns)
        {
            var name = prefix + table + "_" + columns;
            if (Encoding.UTF8.GetByteCount(name) <= 63) return name;
            var hash = 2166136261u; // FNV-1a over the UTF-8 bytes: stable across runs and machines
            foreach (var b in Encoding.UTF8.GetBytes(name)) hash = (hash ^ b) * 16777619u;
            var suffix = "_" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            var keep = new StringBuilder();
            foreach (var ch in name)
            {
                if (Encoding.UTF8.GetByteCount(keep.ToString() + ch) + suffix.Length > 63 || char.IsSurrogate(ch)) break;
                keep.Append(ch);
            }
            return keep + suffix;
        }

        /// <summary>Indexes on the foreign-key columns and unique constraints of one model.</summary>
        public static IEnumerable<string> CreateIndexes(Dialect dialect, ModelMetadata model)
        {
            var indexed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var unique in model.UniqueConstraints)
            {
                var name = ConstraintName("UX_", model.Table, string.Join("_", unique));
                yield return "CREATE UNIQUE INDEX IF NOT EXISTS " + dialect.Quote(name) + " ON " + dialect.QuoteTable(model)
                    + " (" + string.Join(", ", unique.Select(dialect.Quote)) + ")";
                indexed.Add(unique[0]);
            }
            foreach (var fk in model.ForeignKeys)
            {
                // A column leading the primary key or a unique index is indexed already.
                if (model.Key.Count > 0 && model.Key[0].Name == fk.Column) continue;
                if (!indexed.Add(fk.Column)) continue;
                yield return "CREATE INDEX IF NOT EXISTS " + dialect.Quote(ConstraintName("IX_", model.Table, fk.Column))
                    + " ON " + dialect.QuoteTable(model) + " (" + dialect.Quote(fk.Column) + ")";
            }
        }
    }
}
