using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;

namespace Associations
{
    /// <summary>The changes between models and the live schema, and the statements that make them.</summary>
    internal sealed class SchemaPlan
    {
        public List<SchemaChange> Changes { get; } = new List<SchemaChange>();

        /// <summary>The statements, in order, run in one transaction.</summary>
        public List<string> Statements { get; } = new List<string>();

        /// <summary>SQLite tables rebuilt: foreign keys go off around the transaction, and are checked for these tables before it commits.</summary>
        public List<string> Rebuilt { get; } = new List<string>();

        public bool ForeignKeysOff => Rebuilt.Count > 0;

        public string Script(Dialect dialect)
        {
            if (Changes.Count == 0) return "";
            var sb = new StringBuilder();
            foreach (var refused in Changes.Where(c => c.Refusal is not null))
                sb.Append("-- REFUSED ").Append(refused.Kind).Append(' ').Append(refused.Table)
                  .Append(refused.Column is null ? "" : "." + refused.Column).Append(": ").Append(refused.Refusal!.Replace("\n", " ")).Append('\n');
            if (ForeignKeysOff)
                sb.Append("-- SQLite table rebuild: foreign keys must be off outside the transaction (https://www.sqlite.org/lang_altertable.html#otheralter)\n")
                  .Append("PRAGMA foreign_keys = OFF;\nBEGIN;\n");
            foreach (var statement in Statements) sb.Append(statement).Append(";\n");
            if (ForeignKeysOff)
            {
                foreach (var table in Rebuilt) sb.Append("PRAGMA foreign_key_check(").Append(dialect.Quote(table)).Append(");\n");
                sb.Append("COMMIT;\nPRAGMA foreign_keys = ON;\n");
            }
            return sb.ToString();
        }
    }

    /// <summary>
    /// Compares models with the live schema and plans the statements of <c>Alter</c>: in one transaction, drops
    /// (AllowDrop) first, then new columns, type/nullability/default changes (SQLite: table rebuilds), indexes,
    /// new tables, and foreign keys last (they may reference any of those).
    /// </summary>
    internal sealed class SchemaPlanner
    {
        private readonly DbSession _db;
        private readonly Dialect _dialect;
        private readonly bool _allowDrop;
        private readonly StringComparer _names;
        private readonly Dictionary<string, TableSchema> _live;
        private readonly SchemaPlan _plan = new SchemaPlan();
        private readonly List<string> _drops = new(), _columns = new(), _alters = new(), _indexes = new(), _creates = new(), _foreignKeys = new();

        private SchemaPlanner(DbSession db, IEnumerable<TableSchema> live, bool allowDrop)
        {
            _db = db;
            _dialect = db.Dialect;
            _allowDrop = allowDrop;
            _names = _dialect.Kind == DialectKind.Sqlite ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            _live = new Dictionary<string, TableSchema>(_names);
            foreach (var table in live) _live[table.Name] = table;
        }

        public static async Task<SchemaPlan> PlanAsync(DbSession db, IEnumerable<ModelMetadata> models, bool allowDrop, CancellationToken ct)
        {
            await db.EnsureOpenAsync(ct).ConfigureAwait(false);
            var live = await SchemaReader.ReadAsync(db, ct).ConfigureAwait(false);
            var planner = new SchemaPlanner(db, live, allowDrop);
            foreach (var model in Schema.Order(models))
                await planner.PlanModelAsync(model, ct).ConfigureAwait(false);
            var plan = planner._plan;
            var views = new List<(string Name, string Sql)>();
            if (plan.Rebuilt.Count > 0)
            {
                // Step 2 of SQLite's procedure: views may name a rebuilt table, and the rename re-checks them; drop and make them again.
                views = await db.ReadAsync("SELECT name, sql FROM sqlite_master WHERE type = 'view' AND sql IS NOT NULL ORDER BY rowid", Array.Empty<object?>(),
                    r => (r.GetString(0), r.GetString(1)), ct).ConfigureAwait(false);
                plan.Statements.AddRange(views.Select(v => "DROP VIEW " + db.Dialect.Quote(v.Name)));
            }
            foreach (var phase in new[] { planner._drops, planner._columns, planner._alters, planner._indexes, planner._creates, planner._foreignKeys })
                plan.Statements.AddRange(phase);
            plan.Statements.AddRange(views.Select(v => v.Sql));
            return plan;
        }

        // ------------------------------------------------------------------ one model

        private sealed record ExpectedIndex(string Name, bool Unique, IReadOnlyList<string> Columns, bool ColumnConstraint);

        private async Task PlanModelAsync(ModelMetadata model, CancellationToken ct)
        {
            // The live schema read is the connection's default one; a table of another schema ([Table(Schema)]) is created
            // by SyncAsync and otherwise left alone here.
            if (model.Schema is not null) return;
            if (!_live.TryGetValue(model.Table, out var table))
            {
                _plan.Changes.Add(new SchemaChange(SchemaChangeKind.AddTable, model.Table, null, null,
                    string.Join(", ", model.Columns.Select(c => Schema.ColumnSql(_dialect, c, model.Key.Count == 1)))));
                _creates.Add(Schema.CreateTable(_dialect, model));
                _creates.AddRange(Schema.CreateIndexes(_dialect, model));
                return;
            }

            var singleKey = model.Key.Count == 1;
            var rebuild = false;
            var changes = new List<SchemaChange>();
            var columnStatements = new List<string>();
            var alterStatements = new List<string>();
            var indexStatements = new List<string>();
            var fkStatements = new List<string>();
            var dropStatements = new List<string>();
            var sqlite = _dialect.Kind == DialectKind.Sqlite;
            long? rows = null;
            async Task<long> RowsAsync() => rows ??= await CountAsync("SELECT COUNT(*) FROM " + Q(table.Name), ct).ConfigureAwait(false);

            // Columns.
            var newColumns = new HashSet<string>(_names);
            foreach (var column in model.Columns)
            {
                var live = table.Columns.FirstOrDefault(c => _names.Equals(c.Name, column.Name));
                var definition = Schema.ColumnSql(_dialect, column, singleKey);
                if (live is null)
                {
                    newColumns.Add(column.Name);
                    string? refusal = null;
                    if (!column.Nullable && column.DefaultValue is null && !column.IsGenerated && await RowsAsync().ConfigureAwait(false) > 0)
                        refusal = $"cannot add NOT NULL column \"{table.Name}\".\"{column.Name}\" to a table with {rows} row(s): it has no default. "
                            + "Give the property a [DefaultValue(…)], make it nullable, or fill the table by hand first.";
                    changes.Add(new SchemaChange(SchemaChangeKind.AddColumn, table.Name, column.Name, null, definition, refusal));
                    if (sqlite && (column.IsKey || column.IsUnique || (!column.Nullable && column.DefaultValue is null))) rebuild = true;
                    else columnStatements.Add("ALTER TABLE " + Q(table.Name) + " ADD COLUMN " + definition);
                    continue;
                }

                var expectedType = ExpectedType(column, singleKey);
                if (NormalizeType(live.Type) != NormalizeType(expectedType))
                {
                    var safe = SafeConversion(live.Type, expectedType);
                    var limit = Regex.Match(NormalizeType(expectedType), @"^character varying\((\d+)\)$");
                    if (!safe && !sqlite && limit.Success && NormalizeType(live.Type) is var from && (from == "text" || from.StartsWith("character varying", StringComparison.Ordinal)))
                        // A length limit (say [MaxLength] → varchar(50)) on text is safe when no value is longer.
                        safe = await CountAsync("SELECT COUNT(*) FROM " + Q(table.Name) + " WHERE length(" + Q(column.Name) + ") > " + limit.Groups[1].Value, ct).ConfigureAwait(false) == 0;
                    var refusal = safe ? null : $"changing \"{table.Name}\".\"{column.Name}\" from {live.Type} to {expectedType} may lose or reject values; "
                        + "safe conversions only (see README, \"Changing your models\"). Convert it by hand.";
                    if (refusal is null && !sqlite)
                    {
                        var views = await _db.ReadAsync(
                            "SELECT DISTINCT v.relname FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class "
                            + "JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = t.relnamespace "
                            + "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
                            + "WHERE n.nspname = current_schema() AND t.relname = @p0 AND a.attname = @p1 AND v.oid <> t.oid ORDER BY 1",
                            new object?[] { table.Name, column.Name }, r => r.GetString(0), ct).ConfigureAwait(false);
                        if (views.Count > 0)
                            refusal = $"changing the type of \"{table.Name}\".\"{column.Name}\": PostgreSQL cannot while view(s) {string.Join(", ", views)} use it. "
                                + "Drop them, Alter, then create them again.";
                    }
                    changes.Add(new SchemaChange(SchemaChangeKind.AlterColumnType, table.Name, column.Name, live.Type, expectedType, refusal));
                    if (sqlite) rebuild = true;
                    else alterStatements.Add("ALTER TABLE " + Q(table.Name) + " ALTER COLUMN " + Q(column.Name) + " TYPE " + expectedType
                        + " USING " + Q(column.Name) + "::" + expectedType);
                }
                if (column.DefaultValue is not null && NormalizeDefault(live.DefaultSql) != NormalizeDefault(_dialect.Literal(column.DefaultValue)))
                {
                    changes.Add(new SchemaChange(SchemaChangeKind.AlterColumnDefault, table.Name, column.Name, live.DefaultSql, _dialect.Literal(column.DefaultValue)));
                    if (sqlite) rebuild = true;
                    else alterStatements.Add("ALTER TABLE " + Q(table.Name) + " ALTER COLUMN " + Q(column.Name) + " SET DEFAULT " + _dialect.Literal(column.DefaultValue));
                }
                if (!column.IsKey && column.Nullable != live.Nullable)
                {
                    string? refusal = null;
                    if (!column.Nullable)
                    {
                        var nulls = await CountAsync("SELECT COUNT(*) FROM " + Q(table.Name) + " WHERE " + Q(column.Name) + " IS NULL", ct).ConfigureAwait(false);
                        if (nulls > 0 && column.DefaultValue is null)
                            refusal = $"cannot make \"{table.Name}\".\"{column.Name}\" NOT NULL: {nulls} row(s) hold NULL and it has no default. "
                                + "Give the property a [DefaultValue(…)] (NULLs then take it), or fill them by hand first.";
                        else if (nulls > 0 && !sqlite)
                            alterStatements.Add("UPDATE " + Q(table.Name) + " SET " + Q(column.Name) + " = " + _dialect.Literal(column.DefaultValue) + " WHERE " + Q(column.Name) + " IS NULL");
                    }
                    changes.Add(new SchemaChange(SchemaChangeKind.AlterColumnNullability, table.Name, column.Name,
                        live.Nullable ? "NULL" : "NOT NULL", column.Nullable ? "NULL" : "NOT NULL", refusal));
                    if (sqlite) rebuild = true;
                    else alterStatements.Add("ALTER TABLE " + Q(table.Name) + " ALTER COLUMN " + Q(column.Name) + (column.Nullable ? " DROP NOT NULL" : " SET NOT NULL"));
                }
            }

            // Columns whose property is gone.
            var dropped = new HashSet<string>(_names);
            if (_allowDrop)
                foreach (var live in table.Columns.Where(c => !model.Columns.Any(m => _names.Equals(m.Name, c.Name))))
                {
                    if (table.PrimaryKey.Contains(live.Name, _names)) continue; // never a key column
                    dropped.Add(live.Name);
                }

            // Foreign keys.
            var keptForeignKeys = new List<ForeignKeySchema>();
            var matchedForeignKeys = new HashSet<ForeignKeySchema>();
            foreach (var fk in model.ForeignKeys.Where(f => f.Constraint))
            {
                var candidates = table.ForeignKeys.Where(l => _names.Equals(l.Column, fk.Column) && !matchedForeignKeys.Contains(l)).ToList();
                var same = candidates.FirstOrDefault(l => SameForeignKey(l, fk));
                var after = "(" + fk.Column + ") REFERENCES " + fk.ReferencedTable + " (" + fk.ReferencedColumn + ") ON DELETE "
                    + Dialect.ActionSql(fk.OnDelete) + " ON UPDATE " + Dialect.ActionSql(fk.OnUpdate);
                var name = Schema.ConstraintName("FK_", model.Table, fk.Column);
                if (same is not null) { matchedForeignKeys.Add(same); continue; }
                var other = candidates.FirstOrDefault();
                string? refusal = null;
                if (!newColumns.Contains(fk.Column) && _live.TryGetValue(fk.ReferencedTable, out var target)
                    && target.Columns.Any(c => _names.Equals(c.Name, fk.ReferencedColumn)))
                {
                    var orphans = await CountAsync("SELECT COUNT(*) FROM " + Q(table.Name) + " AS c WHERE c." + Q(fk.Column) + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                        + Q(fk.ReferencedTable) + " AS p WHERE p." + Q(fk.ReferencedColumn) + " = c." + Q(fk.Column) + ")", ct).ConfigureAwait(false);
                    if (orphans > 0)
                        refusal = $"cannot add foreign key \"{table.Name}\".\"{fk.Column}\" → \"{fk.ReferencedTable}\".\"{fk.ReferencedColumn}\": {orphans} row(s) reference no row. "
                            + "Fix or clear them first.";
                }
                if (other is not null)
                {
                    matchedForeignKeys.Add(other);
                    changes.Add(new SchemaChange(SchemaChangeKind.AlterForeignKey, table.Name, name, other.ToString(), after, refusal));
                    if (!sqlite)
                    {
                        fkStatements.Add("ALTER TABLE " + Q(table.Name) + " DROP CONSTRAINT " + Q(other.Name!));
                        fkStatements.Add(AddForeignKey(model.Table, fk));
                    }
                }
                else
                {
                    changes.Add(new SchemaChange(SchemaChangeKind.AddForeignKey, table.Name, name, null, after, refusal));
                    if (!sqlite) fkStatements.Add(AddForeignKey(model.Table, fk));
                }
                if (sqlite) rebuild = true;
            }
            foreach (var live in table.ForeignKeys.Where(l => !matchedForeignKeys.Contains(l)))
            {
                if (_allowDrop)
                {
                    changes.Add(new SchemaChange(SchemaChangeKind.DropForeignKey, table.Name, live.Name ?? Schema.ConstraintName("FK_", table.Name, live.Column), live.ToString(), null));
                    if (sqlite) rebuild = true;
                    else dropStatements.Add("ALTER TABLE " + Q(table.Name) + " DROP CONSTRAINT " + Q(live.Name!));
                }
                else keptForeignKeys.Add(live);
            }

            // Indexes and unique constraints.
            var expected = ExpectedIndexes(model);
            var matchedIndexes = new HashSet<IndexSchema>();
            foreach (var index in expected)
            {
                var match = table.Indexes.FirstOrDefault(l => !matchedIndexes.Contains(l) && (l.Unique || !index.Unique) && l.Columns.SequenceEqual(index.Columns, _names));
                if (match is null && index.Unique && table.PrimaryKey.SequenceEqual(index.Columns, _names)) continue;
                if (match is not null) { matchedIndexes.Add(match); continue; }
                var kind = index.Unique ? SchemaChangeKind.AddUnique : SchemaChangeKind.AddIndex;
                var after = (index.Unique ? "UNIQUE (" : "(") + string.Join(", ", index.Columns) + ")";
                if (index.ColumnConstraint)
                {
                    changes.Add(new SchemaChange(kind, table.Name, _dialect.Kind == DialectKind.PostgreSql ? PgUniqueName(table.Name, index.Columns[0]) : index.Name, null, after));
                    if (newColumns.Contains(index.Columns[0])) continue; // the column's definition carries UNIQUE
                    if (sqlite) indexStatements.Add("CREATE UNIQUE INDEX IF NOT EXISTS " + Q(index.Name) + " ON " + Q(table.Name) + " (" + Q(index.Columns[0]) + ")");
                    else indexStatements.Add("ALTER TABLE " + Q(table.Name) + " ADD CONSTRAINT " + Q(PgUniqueName(table.Name, index.Columns[0])) + " UNIQUE (" + Q(index.Columns[0]) + ")");
                    continue;
                }
                changes.Add(new SchemaChange(kind, table.Name, index.Name, null, after));
                indexStatements.Add(CreateIndex(index, table.Name));
            }
            var keptIndexes = new List<IndexSchema>();
            foreach (var live in table.Indexes.Where(l => !matchedIndexes.Contains(l)))
            {
                var onDropped = live.Columns.Any(dropped.Contains);
                var ours = live.Name.StartsWith("IX_", StringComparison.Ordinal) || live.Name.StartsWith("UX_", StringComparison.Ordinal)
                    || live.IsConstraint;
                if (_allowDrop && (onDropped || ours))
                {
                    changes.Add(new SchemaChange(SchemaChangeKind.DropIndex, table.Name, live.Name, live.ToString(), null));
                    if (live.IsConstraint)
                    {
                        if (sqlite) rebuild = true;
                        else dropStatements.Add("ALTER TABLE " + Q(table.Name) + " DROP CONSTRAINT IF EXISTS " + Q(live.Name));
                    }
                    else dropStatements.Add("DROP INDEX IF EXISTS " + Q(live.Name));
                }
                else keptIndexes.Add(live);
            }
            foreach (var column in dropped)
            {
                changes.Add(new SchemaChange(SchemaChangeKind.DropColumn, table.Name, column, table.Column(column)?.Type, null));
                if (sqlite) rebuild = true;
                else dropStatements.Add("ALTER TABLE " + Q(table.Name) + " DROP COLUMN IF EXISTS " + Q(column));
            }

            _plan.Changes.AddRange(changes);
            if (sqlite && rebuild)
            {
                _drops.AddRange(dropStatements.Where(s => s.StartsWith("DROP INDEX", StringComparison.Ordinal)));
                _alters.AddRange(Rebuild(model, table, dropped, keptForeignKeys, keptIndexes));
                // Triggers go with the dropped table: make them again on the new one.
                _alters.AddRange(await _db.ReadAsync("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = @p0 AND sql IS NOT NULL ORDER BY rowid",
                    new object?[] { table.Name }, r => r.GetString(0), ct).ConfigureAwait(false));
                _plan.Rebuilt.Add(model.Table);
                return;
            }
            _drops.AddRange(dropStatements);
            _columns.AddRange(columnStatements);
            _alters.AddRange(alterStatements);
            _indexes.AddRange(indexStatements);
            _foreignKeys.AddRange(fkStatements);
        }

        // ------------------------------------------------------------------ SQLite rebuild

        /// <summary>
        /// SQLite's documented table rebuild (https://www.sqlite.org/lang_altertable.html#otheralter): a new table in the
        /// model's shape (plus the live columns, foreign keys and indexes kept because AllowDrop is off), the rows copied,
        /// the old table dropped, the new one renamed, the indexes made again. Foreign keys are off around the transaction
        /// and checked for the table before it commits.
        /// </summary>
        private IEnumerable<string> Rebuild(ModelMetadata model, TableSchema table, HashSet<string> dropped,
            List<ForeignKeySchema> keptForeignKeys, List<IndexSchema> keptIndexes)
        {
            var temp = model.Table + "__rebuild";
            var lines = Schema.TableLines(_dialect, model).ToList();
            var extra = table.Columns.Where(c => !model.Columns.Any(m => _names.Equals(m.Name, c.Name)) && !dropped.Contains(c.Name)).ToList();
            var insertAt = model.Columns.Count;
            foreach (var column in extra)
                lines.Insert(insertAt++, Q(column.Name) + (column.Type.Length > 0 ? " " + column.Type : "") + (column.Nullable ? " NULL" : " NOT NULL")
                    + (column.DefaultSql is null ? "" : " DEFAULT " + column.DefaultSql));
            foreach (var fk in keptForeignKeys.Where(f => !dropped.Contains(f.Column)
                && !model.ForeignKeys.Any(m => m.Constraint && _names.Equals(m.Column, f.Column))))
                lines.Add("FOREIGN KEY (" + Q(fk.Column) + ") REFERENCES " + Q(fk.ReferencedTable) + " (" + Q(fk.ReferencedColumn) + ") ON DELETE "
                    + Dialect.ActionSql(fk.OnDelete) + " ON UPDATE " + Dialect.ActionSql(fk.OnUpdate));
            // UNIQUE constraints written by hand in the old CREATE TABLE (SQLite keeps no SQL for them, only their automatic index).
            foreach (var unique in keptIndexes.Where(i => i.IsConstraint && i.Sql is null && i.Columns.Count > 0 && !i.Columns.Any(dropped.Contains)))
                lines.Add("UNIQUE (" + string.Join(", ", unique.Columns.Select(Q)) + ")");
            yield return "CREATE TABLE " + Q(temp) + " (\n" + string.Join(",\n", lines.Select(l => "  " + l)) + "\n)";

            var targets = new List<string>();
            var sources = new List<string>();
            foreach (var column in model.Columns)
            {
                var live = table.Columns.FirstOrDefault(c => _names.Equals(c.Name, column.Name)); // SQLite names are case-insensitive
                if (live is null) continue;
                targets.Add(Q(column.Name));
                sources.Add(!column.IsKey && !column.Nullable && column.DefaultValue is not null && live.Nullable
                    ? "COALESCE(" + Q(live.Name) + ", " + _dialect.Literal(column.DefaultValue) + ")"
                    : Q(live.Name));
            }
            foreach (var column in extra)
            {
                targets.Add(Q(column.Name));
                sources.Add(Q(column.Name));
            }
            yield return "INSERT INTO " + Q(temp) + " (" + string.Join(", ", targets) + ") SELECT " + string.Join(", ", sources) + " FROM " + Q(table.Name);
            yield return "DROP TABLE " + Q(table.Name);
            yield return "ALTER TABLE " + Q(temp) + " RENAME TO " + Q(model.Table);
            foreach (var statement in Schema.CreateIndexes(_dialect, model)) yield return statement;
            foreach (var index in keptIndexes)
                if (index.Sql is not null && !index.Columns.Any(dropped.Contains)) yield return index.Sql;
        }

        // ------------------------------------------------------------------ helpers

        private string Q(string identifier) => _dialect.Quote(identifier);

        private async Task<long> CountAsync(string sql, CancellationToken ct) =>
            Convert.ToInt64(await _db.ScalarAsync(sql, Array.Empty<object?>(), ct).ConfigureAwait(false), CultureInfo.InvariantCulture);

        private bool SameForeignKey(ForeignKeySchema live, ForeignKeyInfo fk) =>
            _names.Equals(live.ReferencedTable, fk.ReferencedTable) && _names.Equals(live.ReferencedColumn, fk.ReferencedColumn)
            && live.OnDelete == fk.OnDelete && live.OnUpdate == fk.OnUpdate;

        private string AddForeignKey(string table, ForeignKeyInfo fk) =>
            "ALTER TABLE " + Q(table) + " ADD CONSTRAINT " + Q(Schema.ConstraintName("FK_", table, fk.Column)) + " FOREIGN KEY (" + Q(fk.Column) + ") REFERENCES "
            + Q(fk.ReferencedTable) + " (" + Q(fk.ReferencedColumn) + ") ON DELETE " + Dialect.ActionSql(fk.OnDelete) + " ON UPDATE " + Dialect.ActionSql(fk.OnUpdate);

        private string CreateIndex(ExpectedIndex index, string table) =>
            (index.Unique ? "CREATE UNIQUE INDEX IF NOT EXISTS " : "CREATE INDEX IF NOT EXISTS ") + Q(index.Name) + " ON " + Q(table)
            + " (" + string.Join(", ", index.Columns.Select(Q)) + ")";

        /// <summary>PostgreSQL's name for a column's inline UNIQUE constraint.</summary>
        private static string PgUniqueName(string table, string column)
        {
            var name = table + "_" + column + "_key";
            return name.Length <= 63 ? name : name.Substring(0, 63);
        }

        /// <summary>The indexes and unique constraints <see cref="Schema.CreateTable"/> and <see cref="Schema.CreateIndexes"/> make for a model.</summary>
        private static List<ExpectedIndex> ExpectedIndexes(ModelMetadata model)
        {
            var list = new List<ExpectedIndex>();
            foreach (var column in model.Columns.Where(c => c.IsUnique && !(c.IsKey && model.Key.Count == 1)))
                list.Add(new ExpectedIndex(Schema.ConstraintName("UX_", model.Table, column.Name), true, new[] { column.Name }, true));
            var indexed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var unique in model.UniqueConstraints)
            {
                list.Add(new ExpectedIndex(Schema.ConstraintName("UX_", model.Table, string.Join("_", unique)), true, unique, false));
                indexed.Add(unique[0]);
            }
            foreach (var fk in model.ForeignKeys)
            {
                if (model.Key.Count > 0 && model.Key[0].Name == fk.Column) continue;
                if (!indexed.Add(fk.Column)) continue;
                list.Add(new ExpectedIndex(Schema.ConstraintName("IX_", model.Table, fk.Column), false, new[] { fk.Column }, false));
            }
            return list;
        }

        private static readonly HashSet<string> DefinitionKeywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "NULL", "NOT", "PRIMARY", "GENERATED", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "CONSTRAINT", "AUTOINCREMENT",
        };

        /// <summary>The type part of what <see cref="Dialect.ColumnDefinition"/> writes for <paramref name="column"/>, so that
        /// whatever the dialect writes into CREATE TABLE is what the live column is compared with.</summary>
        internal string ExpectedType(ColumnInfo column, bool singleKey)
        {
            var definition = _dialect.ColumnDefinition(column, singleKey);
            var prefix = _dialect.Quote(column.Name);
            var rest = definition.StartsWith(prefix, StringComparison.Ordinal) ? definition.Substring(prefix.Length) : definition;
            var tokens = new List<string>();
            var current = new StringBuilder();
            var depth = 0;
            foreach (var ch in rest + " ")
            {
                if (ch == '(') depth++;
                if (ch == ')') depth--;
                if (char.IsWhiteSpace(ch) && depth == 0)
                {
                    if (current.Length > 0)
                    {
                        var token = current.ToString();
                        current.Clear();
                        if (DefinitionKeywords.Contains(token)) break;
                        tokens.Add(token);
                    }
                    continue;
                }
                current.Append(ch);
            }
            return string.Join(" ", tokens);
        }

        private static readonly Dictionary<string, string> PgAliases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["int"] = "integer", ["int4"] = "integer", ["int2"] = "smallint", ["int8"] = "bigint", ["varchar"] = "character varying",
            ["char"] = "character", ["bpchar"] = "character", ["bool"] = "boolean", ["float8"] = "double precision", ["float4"] = "real",
            ["decimal"] = "numeric", ["timestamp"] = "timestamp without time zone", ["timestamptz"] = "timestamp with time zone",
            ["time"] = "time without time zone", ["timetz"] = "time with time zone",
        };

        /// <summary>A type name in one spelling: SQLite's declared types compared case- and space-insensitively,
        /// PostgreSQL's aliases (<c>int4</c>, <c>varchar(50)</c>) mapped to <c>format_type</c>'s names.</summary>
        internal string NormalizeType(string type)
        {
            var t = Regex.Replace(type.Trim(), @"\s+", " ");
            t = Regex.Replace(t, @"\s*\(\s*", "(");
            t = Regex.Replace(t, @"\s*,\s*", ",");
            t = Regex.Replace(t, @"\s*\)", ")");
            if (_dialect.Kind == DialectKind.Sqlite) return t.ToUpperInvariant();
            t = t.ToLowerInvariant();
            var paren = t.IndexOf('(');
            var name = paren < 0 ? t : t.Substring(0, paren);
            var args = paren < 0 ? "" : t.Substring(paren);
            return (PgAliases.TryGetValue(name, out var canonical) ? canonical : name) + args;
        }

        /// <summary>A default expression without PostgreSQL's casts and parentheses, numbers unquoted, booleans lower-case.</summary>
        internal static string? NormalizeDefault(string? sql)
        {
            if (sql is null) return null;
            var s = sql.Trim();
            while (true)
            {
                var before = s;
                s = Regex.Replace(s, @"::[A-Za-z_][A-Za-z0-9_ ]*(\(\d+(\s*,\s*\d+)?\))?(\[\])?$", "").Trim();
                if (s.Length >= 2 && s[0] == '(' && s[s.Length - 1] == ')') s = s.Substring(1, s.Length - 2).Trim();
                if (s == before) break;
            }
            if (s.Length >= 2 && s[0] == '\'' && s[s.Length - 1] == '\'')
            {
                var inner = s.Substring(1, s.Length - 2);
                if (decimal.TryParse(inner, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) s = inner;
                // A timestamp with an offset reads back in the session's time zone on PostgreSQL: compare the instant.
                else if (Regex.IsMatch(inner, @"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?[+-]\d\d(:?\d\d)?$")
                    && DateTimeOffset.TryParse(inner, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                    s = "'" + instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z'";
            }
            if (decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !s.Contains('\''))
                s = number.ToString(CultureInfo.InvariantCulture);
            if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase)) s = s.ToLowerInvariant();
            return s;
        }

        /// <summary>
        /// Whether <c>Alter</c> changes a column from <paramref name="from"/> to <paramref name="to"/>: conversions that keep every value.
        /// PostgreSQL: smallint → integer → bigint, integers → numeric, smallint/integer/real → double precision,
        /// numeric(p,s) → numeric, varchar(n) → varchar(m ≥ n), character types → text, anything → text
        /// (and, checked against the rows while planning, text or varchar → varchar(n) when no value is longer than n).
        /// SQLite (values keep their storage class; the declared type sets the affinity): the same affinity,
        /// INTEGER → REAL/NUMERIC, REAL → NUMERIC, anything → TEXT or BLOB.
        /// </summary>
        internal bool SafeConversion(string from, string to)
        {
            if (_dialect.Kind == DialectKind.Sqlite)
            {
                var a = Affinity(from);
                var b = Affinity(to);
                return a == b || b is "TEXT" or "BLOB" || (a == "INTEGER" && b is "REAL" or "NUMERIC") || (a == "REAL" && b == "NUMERIC");
            }
            var f = NormalizeType(from);
            var t = NormalizeType(to);
            if (t == "text") return true;
            int Rank(string x) => x switch { "smallint" => 1, "integer" => 2, "bigint" => 3, _ => 0 };
            if (Rank(f) > 0 && Rank(t) > 0) return Rank(t) >= Rank(f);
            if (Rank(f) > 0 && t == "numeric") return true;
            if ((f is "smallint" or "integer" or "real") && t == "double precision") return true;
            if (f.StartsWith("numeric", StringComparison.Ordinal) && t == "numeric") return true;
            var fv = Regex.Match(f, @"^character varying\((\d+)\)$");
            var tv = Regex.Match(t, @"^character varying(\((\d+)\))?$");
            if (fv.Success && tv.Success) return !tv.Groups[2].Success || int.Parse(tv.Groups[2].Value, CultureInfo.InvariantCulture) >= int.Parse(fv.Groups[1].Value, CultureInfo.InvariantCulture);
            return false;
        }

        /// <summary>SQLite's affinity rules for a declared type (https://www.sqlite.org/datatype3.html#determination_of_column_affinity).</summary>
        internal static string Affinity(string declared)
        {
            var t = declared.ToUpperInvariant();
            if (t.Contains("INT")) return "INTEGER";
            if (t.Contains("CHAR") || t.Contains("CLOB") || t.Contains("TEXT")) return "TEXT";
            if (t.Length == 0 || t.Contains("BLOB")) return "BLOB";
            if (t.Contains("REAL") || t.Contains("FLOA") || t.Contains("DOUB")) return "REAL";
            return "NUMERIC";
        }
    }
}
