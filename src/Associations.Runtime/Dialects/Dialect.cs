using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Text;
using Associations.Metadata;

namespace Associations
{
    /// <summary>The SQL engines the generator writes statements for.</summary>
    public enum DialectKind
    {
        /// <summary>SQLite through Microsoft.Data.Sqlite.</summary>
        Sqlite,
        /// <summary>PostgreSQL through Npgsql.</summary>
        PostgreSql,
    }

    /// <summary>
    /// Everything that differs between engines at run time: quoting, key-list parameters, value
    /// conversion, column types, error classification. (Accessor statements are written per
    /// dialect at compile time; this covers the queries and DDL composed at run time.)
    /// </summary>
    public abstract class Dialect
    {
        /// <summary>SQLite.</summary>
        public static Dialect Sqlite { get; } = new SqliteDialect();

        /// <summary>PostgreSQL.</summary>
        public static Dialect PostgreSql { get; } = new PostgreSqlDialect();

        /// <summary>Which engine this is.</summary>
        public abstract DialectKind Kind { get; }

        /// <summary>The dialect for <paramref name="connection"/>, by its provider type.</summary>
        public static Dialect FromConnection(DbConnection connection)
        {
            var name = connection.GetType().FullName ?? "";
            if (name.StartsWith("Microsoft.Data.Sqlite.", StringComparison.Ordinal) || name.StartsWith("System.Data.SQLite.", StringComparison.Ordinal))
                return Sqlite;
            if (name.StartsWith("Npgsql.", StringComparison.Ordinal))
                return PostgreSql;
            throw new NotSupportedException($"No dialect for connection type '{name}'. Pass one to the DbSession constructor.");
        }

        /// <summary>Quotes an identifier.</summary>
        public string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

        /// <summary>A table qualified by its schema: <c>"schema"."table"</c> on PostgreSQL; SQLite has no schemas, so there the
        /// schema is part of the table's name (<c>"schema.table"</c>). The generator writes the same.</summary>
        public virtual string QuoteTable(string table, string? schema) => schema is null ? Quote(table) : Quote(schema) + "." + Quote(table);

        /// <summary>The table of <paramref name="model"/>, qualified by its schema.</summary>
        public string QuoteTable(ModelMetadata model) => QuoteTable(model.Table, model.Schema);

        /// <summary>The type map of this engine: column types, parameters, key-list elements and ordering for every supported type.</summary>
        public abstract TypeMap Types { get; }

        /// <summary>A predicate true when <paramref name="quotedColumn"/> is one of the keys bound to <paramref name="parameter"/>.</summary>
        public abstract string InKeyList(string quotedColumn, string parameter);

        /// <summary>The parameter value carrying a list of keys for <see cref="InKeyList"/> (see <see cref="TypeMap.KeyList"/>).</summary>
        public object KeyListValue(IReadOnlyCollection<object> keys, ColumnType type) => Types.KeyList(keys, type);

        /// <summary>Converts a CLR value into what the provider expects (see <see cref="TypeMap.ToParameter"/>).</summary>
        public object ToDbValue(object? value) => Types.ToParameter(value);

        /// <summary>What follows <c>LIKE @p</c> so that <c>\</c> escapes <c>%</c> and <c>_</c> on every engine.</summary>
        public abstract string LikeEscape { get; }

        /// <summary>One ORDER BY term: nulls first ascending and last descending, as LINQ orders them.</summary>
        public string OrderTerm(string column, bool descending, bool nullable) => Types.OrderTerm(column, descending, nullable);

        /// <summary>Appends LIMIT/OFFSET.</summary>
        public abstract void AppendLimit(StringBuilder sql, int? limit, int? offset);

        /// <summary>The SQL type of a column of <paramref name="type"/> (see <see cref="TypeMap.StoreType(ColumnType)"/>).</summary>
        public string TypeName(ColumnType type) => Types.StoreType(type);

        /// <summary>The definition of one column in CREATE TABLE.</summary>
        public abstract string ColumnDefinition(ColumnInfo column, bool singleKey);

        /// <summary>
        /// <paramref name="value"/> as a SQL literal, for a column's DEFAULT: numbers invariant, strings and chars quoted
        /// (quotes doubled), enums as their underlying integer, bools as the dialect writes them, Guids, dates and
        /// durations as their stored form.
        /// </summary>
        public virtual string Literal(object? value)
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            switch (value)
            {
                case null: return "NULL";
                case Enum e: return Convert.ToString(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), inv), inv)!;
                case string s: return QuoteString(s);
                case char c: return QuoteString(c.ToString());
                case bool b: return b ? "TRUE" : "FALSE";
                case double d: return d.ToString("R", inv);
                case float f: return f.ToString("R", inv);
                case decimal m: return m.ToString(inv);
                case sbyte or byte or short or ushort or int or uint or long or ulong: return Convert.ToString(value, inv)!;
                case Guid g: return QuoteString(g.ToString());
                case DateTime dt: return QuoteString(dt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", inv));
                case DateTimeOffset dto: return QuoteString(dto.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", inv));
                default: throw new NotSupportedException($"A default value of type {value.GetType().Name} cannot be written as a SQL literal.");
            }
        }

        /// <summary>A quoted SQL string literal (single quotes doubled).</summary>
        public static string QuoteString(string value) => "'" + value.Replace("'", "''") + "'";

        /// <summary>DROP TABLE statement.</summary>
        public string DropTable(string table) => DropQuotedTable(Quote(table));

        /// <summary>DROP TABLE of <paramref name="model"/>'s table (schema-qualified).</summary>
        public string DropTable(ModelMetadata model) => DropQuotedTable(QuoteTable(model));

        /// <summary>DROP TABLE of an already quoted (and qualified) table.</summary>
        protected abstract string DropQuotedTable(string quotedTable);

        /// <summary>The statement creating <paramref name="schema"/> when missing, or null where the engine has no schemas.</summary>
        public virtual string? CreateSchema(string schema) => null;

        /// <summary>A lock held until the transaction ends, on one <c>bigint</c> key (the statement's only parameter). It serializes
        /// callers that must not interleave: <c>FindOrCreateAsync</c> looking for the same rows, and <c>SyncAsync</c> in two processes
        /// (PostgreSQL's <c>CREATE … IF NOT EXISTS</c> is not safe against a concurrent create). Null when the engine's own
        /// transactions already serialize writers (SQLite: <c>BEGIN IMMEDIATE</c>).</summary>
        internal virtual string? TransactionLock => null;

        /// <summary>Whether the error is a unique or primary-key violation.</summary>
        public abstract bool IsUniqueViolation(DbException error);

        /// <summary>Whether the error is a foreign-key violation.</summary>
        public abstract bool IsForeignKeyViolation(DbException error);

        /// <summary>Whether the error is a NOT NULL violation.</summary>
        public abstract bool IsNotNullViolation(DbException error);

        /// <summary>The SQL of a referential action.</summary>
        public static string ActionSql(ReferentialAction action) => action switch
        {
            ReferentialAction.Cascade => "CASCADE",
            ReferentialAction.Restrict => "RESTRICT",
            ReferentialAction.SetNull => "SET NULL",
            ReferentialAction.SetDefault => "SET DEFAULT",
            _ => "NO ACTION",
        };
    }
}
