using System;
using System.Data.Common;
using System.Text;
using Associations.Metadata;

namespace Associations
{
    /// <summary>SQLite: keys lists travel as one JSON parameter read by <c>json_each</c> (no variable limit).</summary>
    internal sealed class SqliteDialect : Dialect
    {
        public override DialectKind Kind => DialectKind.Sqlite;

        public override string InKeyList(string quotedColumn, string parameter) =>
            quotedColumn + " IN (SELECT value FROM json_each(" + parameter + "))";

        public override TypeMap Types { get; } = new SqliteTypeMap();

        public override string QuoteTable(string table, string? schema) => Quote(schema is null ? table : schema + "." + table);

        public override string LikeEscape => " ESCAPE '\\'";

        public override void AppendLimit(StringBuilder sql, int? limit, int? offset)
        {
            if (limit is null && offset is null) return;
            sql.Append(" LIMIT ").Append(limit ?? -1);
            if (offset is not null) sql.Append(" OFFSET ").Append(offset.Value);
        }

        public override string ColumnDefinition(ColumnInfo column, bool singleKey)
        {
            var type = Types.StoreType(column);
            var sb = new StringBuilder().Append(Quote(column.Name)).Append(' ').Append(type);
            if (column.IsKey && singleKey)
            {
                // INTEGER PRIMARY KEY is the rowid: the database generates it.
                sb.Append(column.StoreType is null && column.Type is ColumnType.Int32 or ColumnType.Int64 or ColumnType.Int16 ? " PRIMARY KEY" : " NOT NULL PRIMARY KEY");
            }
            else
            {
                sb.Append(column.Nullable ? " NULL" : " NOT NULL");
                if (column.IsUnique) sb.Append(" UNIQUE");
            }
            if (column.Type == ColumnType.Decimal && column.StoreType is null) sb.Append(" COLLATE ").Append(SqliteTypeMap.DecimalCollation);
            if (column.MaxLength is { } max && column.Type == ColumnType.String)
                sb.Append(" CHECK (length(").Append(Quote(column.Name)).Append(") <= ").Append(max.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(')');
            return sb.ToString();
        }

        public override string Literal(object? value) => value switch
        {
            bool b => b ? "1" : "0",
            TimeSpan t => t.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => base.Literal(value),
        };

        protected override string DropQuotedTable(string quotedTable) => "DROP TABLE IF EXISTS " + quotedTable;

        // SQLITE_CONSTRAINT extended codes: 2067 unique, 1555 primary key, 787 foreign key, 1299 not null.
        private static int ExtendedCode(DbException error) =>
            error is Microsoft.Data.Sqlite.SqliteException sqlite ? sqlite.SqliteExtendedErrorCode : 0;

        // RESTRICT is reported with a different extended code (a trigger-style constraint), so the message decides too.
        public override bool IsUniqueViolation(DbException error) =>
            ExtendedCode(error) is 2067 or 1555 || error.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal);

        public override bool IsForeignKeyViolation(DbException error) =>
            ExtendedCode(error) == 787 || error.Message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal);

        public override bool IsNotNullViolation(DbException error) =>
            ExtendedCode(error) == 1299 || error.Message.Contains("NOT NULL constraint failed", StringComparison.Ordinal);
    }
}
