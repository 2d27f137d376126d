namespace Associations.Metadata
{
    /// <summary>The storage kinds a column can have; each dialect maps them to its own SQL types.</summary>
    public enum ColumnType
    {
        /// <summary><see cref="short"/>.</summary>
        Int16,
        /// <summary><see cref="int"/>.</summary>
        Int32,
        /// <summary><see cref="long"/>.</summary>
        Int64,
        /// <summary><see cref="byte"/>.</summary>
        Byte,
        /// <summary><see cref="bool"/>.</summary>
        Boolean,
        /// <summary><see cref="string"/> or <see cref="char"/>.</summary>
        String,
        /// <summary><see cref="double"/>.</summary>
        Double,
        /// <summary><see cref="float"/>.</summary>
        Single,
        /// <summary><see cref="decimal"/>.</summary>
        Decimal,
        /// <summary><see cref="System.Guid"/>.</summary>
        Guid,
        /// <summary><see cref="System.DateTime"/>.</summary>
        DateTime,
        /// <summary><see cref="System.DateTimeOffset"/>.</summary>
        DateTimeOffset,
        /// <summary><c>byte[]</c>.</summary>
        Bytes,
        /// <summary><see cref="System.TimeSpan"/>: <c>interval</c> on PostgreSQL, ticks in an <c>INTEGER</c> on SQLite (so that it compares and sorts).</summary>
        TimeSpan,
        /// <summary><see cref="System.DateOnly"/>: <c>date</c> on PostgreSQL, <c>yyyy-MM-dd</c> text on SQLite.</summary>
        DateOnly,
        /// <summary><see cref="System.TimeOnly"/>: <c>time</c> on PostgreSQL, <c>HH:mm:ss.FFFFFFF</c> text on SQLite.</summary>
        TimeOnly,
    }

    /// <summary>One mapped property: its column name, storage type and constraints.</summary>
    public sealed class ColumnInfo : IColumn
    {
        /// <summary>Describes a column.</summary>
        /// <param name="property">The C# property.</param>
        /// <param name="name">The column name, unquoted.</param>
        /// <param name="type">The storage type.</param>
        /// <param name="nullable">Whether NULL is allowed.</param>
        /// <param name="isKey">Part of the primary key.</param>
        /// <param name="isGenerated">Value produced by the database (identity / rowid).</param>
        /// <param name="isUnique">A UNIQUE constraint on this column alone.</param>
        /// <param name="defaultValue">The column default (<c>[System.ComponentModel.DefaultValue(x)]</c> on the property): a number,
        /// string, char, bool, enum, Guid, TimeSpan or DateTime, written into DDL as a literal; null for none.</param>
        /// <param name="maxLength">The longest text allowed (<c>[MaxLength]</c>/<c>[StringLength]</c>).</param>
        /// <param name="storeType">The column type written verbatim in DDL (<c>[Column(TypeName = "…")]</c>).</param>
        public ColumnInfo(string property, string name, ColumnType type, bool nullable, bool isKey = false, bool isGenerated = false, bool isUnique = false,
            object? defaultValue = null, int? maxLength = null, string? storeType = null)
        {
            DefaultValue = defaultValue;
            MaxLength = maxLength;
            StoreType = storeType;
            Property = property;
            Name = name;
            Type = type;
            Nullable = nullable;
            IsKey = isKey;
            IsGenerated = isGenerated;
            IsUnique = isUnique;
        }

        /// <summary>The C# property.</summary>
        public string Property { get; }

        /// <summary>The column name, unquoted.</summary>
        public string Name { get; }

        /// <summary>The storage type.</summary>
        public ColumnType Type { get; }

        /// <summary>Whether NULL is allowed.</summary>
        public bool Nullable { get; }

        /// <summary>Part of the primary key.</summary>
        public bool IsKey { get; }

        /// <summary>Value produced by the database (identity / rowid).</summary>
        public bool IsGenerated { get; }

        /// <summary>A UNIQUE constraint on this column alone (a non-primary key referenced by a foreign key).</summary>
        public bool IsUnique { get; }

        /// <summary>The longest text allowed (<c>[MaxLength]</c>/<c>[StringLength]</c>): <c>varchar(n)</c> on PostgreSQL, a <c>CHECK</c> on SQLite,
        /// and checked before every write.</summary>
        public int? MaxLength { get; }

        /// <summary>The column type written verbatim in DDL (<c>[Column(TypeName = "…")]</c>), or null for the dialect's own.</summary>
        public string? StoreType { get; }

        /// <summary>The column default used in CREATE TABLE and ADD COLUMN (<c>[DefaultValue(x)]</c>), or null for none.
        /// It lets a NOT NULL column be added to a table that has rows.</summary>
        public object? DefaultValue { get; }
    }

    /// <summary>A foreign key of a table: what the schema emits for an association.</summary>
    public sealed class ForeignKeyInfo
    {
        /// <summary>Describes a foreign key.</summary>
        public ForeignKeyInfo(string column, string referencedTable, string referencedColumn, ReferentialAction onDelete, ReferentialAction onUpdate, bool constraint = true,
            string? referencedSchema = null)
        {
            ReferencedSchema = referencedSchema;
            Column = column;
            ReferencedTable = referencedTable;
            ReferencedColumn = referencedColumn;
            OnDelete = onDelete;
            OnUpdate = onUpdate;
            Constraint = constraint;
        }

        /// <summary>The referencing column of this table.</summary>
        public string Column { get; }

        /// <summary>The referenced table.</summary>
        public string ReferencedTable { get; }

        /// <summary>The referenced table's schema, or null for the connection's default.</summary>
        public string? ReferencedSchema { get; }

        /// <summary>The referenced column.</summary>
        public string ReferencedColumn { get; }

        /// <summary>ON DELETE action.</summary>
        public ReferentialAction OnDelete { get; }

        /// <summary>ON UPDATE action.</summary>
        public ReferentialAction OnUpdate { get; }

        /// <summary><c>false</c> when the association says <c>Constraints = false</c>: index only, no constraint.</summary>
        public bool Constraint { get; }
    }
}
