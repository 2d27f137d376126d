using System;
using System.Collections.Generic;
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

        public override object KeyListValue(IReadOnlyCollection<object> keys, ColumnType type) => KeyListJson(keys);

        public override object ToDbValue(object? value) => value switch
        {
            // Guids are stored as text so that key lists (JSON text) compare equal to them.
            Guid g => g.ToString(),
            // TimeSpans are stored as ticks, so that they compare and sort as durations.
            TimeSpan t => t.Ticks,
            _ => base.ToDbValue(value),
        };

        public override void AppendLimit(StringBuilder sql, int? limit, int? offset)
        {
            if (limit is null && offset is null) return;
            sql.Append(" LIMIT ").Append(limit ?? -1);
            if (offset is not null) sql.Append(" OFFSET ").Append(offset.Value);
        }

        public override string TypeName(ColumnType type) => type switch
        {
            ColumnType.Int16 or ColumnType.Int32 or ColumnType.Int64 or ColumnType.Byte or ColumnType.Boolean or ColumnType.TimeSpan => "INTEGER",
            ColumnType.Double or ColumnType.Single => "REAL",
            ColumnType.Bytes => "BLOB",
            _ => "TEXT",
        };

        public override string ColumnDefinition(ColumnInfo column, bool singleKey)
        {
            var sb = new StringBuilder().Append(Quote(column.Name)).Append(' ').Append(TypeName(column.Type));
            if (column.IsKey && singleKey)
            {
                // INTEGER PRIMARY KEY is the rowid: the database generates it.
                sb.Append(column.Type is ColumnType.Int32 or ColumnType.Int64 or ColumnType.Int16 ? " PRIMARY KEY" : " NOT NULL PRIMARY KEY");
                return sb.ToString();
            }
            sb.Append(column.Nullable ? " NULL" : " NOT NULL");
            if (column.IsUnique) sb.Append(" UNIQUE");
            return sb.ToString();
        }

        public override string Literal(object? value) => value switch
        {
            bool b => b ? "1" : "0",
            TimeSpan t => t.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => base.Literal(value),
        };

        public override string DropTable(string table) => "DROP TABLE IF EXISTS " + Quote(table);

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
