using System.Collections.Generic;
using System.Linq;

namespace Associations
{
    /// <summary>A table as the database describes it (read by <see cref="Schema.ReadAsync"/>).</summary>
    public sealed class TableSchema
    {
        /// <summary>Describes a table.</summary>
        public TableSchema(string name, IReadOnlyList<ColumnSchema> columns, IReadOnlyList<string> primaryKey,
            IReadOnlyList<ForeignKeySchema> foreignKeys, IReadOnlyList<IndexSchema> indexes)
        {
            Name = name;
            Columns = columns;
            PrimaryKey = primaryKey;
            ForeignKeys = foreignKeys;
            Indexes = indexes;
        }

        /// <summary>The table name, unquoted.</summary>
        public string Name { get; }

        /// <summary>The columns, in table order.</summary>
        public IReadOnlyList<ColumnSchema> Columns { get; }

        /// <summary>The primary-key columns, in key order (empty when none).</summary>
        public IReadOnlyList<string> PrimaryKey { get; }

        /// <summary>The single-column foreign keys.</summary>
        public IReadOnlyList<ForeignKeySchema> ForeignKeys { get; }

        /// <summary>Indexes and unique constraints (not the primary key).</summary>
        public IReadOnlyList<IndexSchema> Indexes { get; }

        /// <summary>The column named <paramref name="name"/>, or null.</summary>
        public ColumnSchema? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
    }

    /// <summary>A column as the database describes it.</summary>
    public sealed class ColumnSchema
    {
        /// <summary>Describes a column.</summary>
        public ColumnSchema(string name, string type, bool nullable, string? defaultSql)
        {
            Name = name;
            Type = type;
            Nullable = nullable;
            DefaultSql = defaultSql;
        }

        /// <summary>The column name, unquoted.</summary>
        public string Name { get; }

        /// <summary>The type: SQLite's declared type as written, PostgreSQL's <c>format_type</c> (<c>integer</c>, <c>character varying(50)</c>).</summary>
        public string Type { get; }

        /// <summary>Whether NULL is allowed.</summary>
        public bool Nullable { get; }

        /// <summary>The default expression as the database keeps it (<c>'x'</c>, <c>'x'::text</c>, <c>0</c>), or null.</summary>
        public string? DefaultSql { get; }
    }

    /// <summary>A single-column foreign key as the database describes it.</summary>
    public sealed class ForeignKeySchema
    {
        /// <summary>Describes a foreign key.</summary>
        public ForeignKeySchema(string? name, string column, string referencedTable, string referencedColumn, ReferentialAction onDelete, ReferentialAction onUpdate)
        {
            Name = name;
            Column = column;
            ReferencedTable = referencedTable;
            ReferencedColumn = referencedColumn;
            OnDelete = onDelete;
            OnUpdate = onUpdate;
        }

        /// <summary>The constraint name (PostgreSQL; SQLite does not report it).</summary>
        public string? Name { get; }

        /// <summary>The referencing column.</summary>
        public string Column { get; }

        /// <summary>The referenced table.</summary>
        public string ReferencedTable { get; }

        /// <summary>The referenced column.</summary>
        public string ReferencedColumn { get; }

        /// <summary>ON DELETE action.</summary>
        public ReferentialAction OnDelete { get; }

        /// <summary>ON UPDATE action.</summary>
        public ReferentialAction OnUpdate { get; }

        /// <summary>The definition, as the diff shows it.</summary>
        public override string ToString() =>
            $"({Column}) REFERENCES {ReferencedTable} ({ReferencedColumn}) ON DELETE {Dialect.ActionSql(OnDelete)} ON UPDATE {Dialect.ActionSql(OnUpdate)}";

        internal static ReferentialAction ParseAction(string? text) => (text ?? "").Trim().ToUpperInvariant() switch
        {
            "CASCADE" or "C" => ReferentialAction.Cascade,
            "RESTRICT" or "R" => ReferentialAction.Restrict,
            "SET NULL" or "N" => ReferentialAction.SetNull,
            "SET DEFAULT" or "D" => ReferentialAction.SetDefault,
            _ => ReferentialAction.NoAction,
        };
    }

    /// <summary>An index or unique constraint as the database describes it.</summary>
    public sealed class IndexSchema
    {
        /// <summary>Describes an index.</summary>
        public IndexSchema(string name, bool unique, IReadOnlyList<string> columns, bool isConstraint, string? sql)
        {
            Name = name;
            Unique = unique;
            Columns = columns;
            IsConstraint = isConstraint;
            Sql = sql;
        }

        /// <summary>The index (or constraint) name.</summary>
        public string Name { get; }

        /// <summary>Whether it is unique.</summary>
        public bool Unique { get; }

        /// <summary>The indexed columns, in order (empty for an expression index).</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>A UNIQUE constraint (PostgreSQL) or the automatic index of one (SQLite), rather than a CREATE INDEX.</summary>
        public bool IsConstraint { get; }

        /// <summary>SQLite: the CREATE INDEX statement as stored (null for automatic indexes and on PostgreSQL).</summary>
        public string? Sql { get; }

        /// <summary>The definition, as the diff shows it.</summary>
        public override string ToString() => (Unique ? "UNIQUE " : "") + Name + " (" + string.Join(", ", Columns) + ")";
    }
}
