using System.Collections.Generic;
using System.Linq;

namespace Associations
{
    /// <summary>What a <see cref="SchemaChange"/> does.</summary>
    public enum SchemaChangeKind
    {
        /// <summary>CREATE TABLE for a model whose table is missing (with its keys, foreign keys and indexes).</summary>
        AddTable,
        /// <summary>ADD COLUMN for a property whose column is missing.</summary>
        AddColumn,
        /// <summary>A column's type differs from the model's (changed only when the conversion is safe).</summary>
        AlterColumnType,
        /// <summary>NULL / NOT NULL differs from the model's.</summary>
        AlterColumnNullability,
        /// <summary>The column's DEFAULT differs from the model's <c>[DefaultValue]</c>.</summary>
        AlterColumnDefault,
        /// <summary>A foreign-key constraint of the model is missing.</summary>
        AddForeignKey,
        /// <summary>A foreign-key constraint references another column or has other ON DELETE / ON UPDATE actions.</summary>
        AlterForeignKey,
        /// <summary>An index of the model (on a foreign-key column) is missing.</summary>
        AddIndex,
        /// <summary>A unique constraint or unique index of the model is missing.</summary>
        AddUnique,
        /// <summary>A column whose property is gone (only with <c>AllowDrop</c>).</summary>
        DropColumn,
        /// <summary>A foreign-key constraint the model no longer has (only with <c>AllowDrop</c>).</summary>
        DropForeignKey,
        /// <summary>An index or unique constraint the model no longer has (only with <c>AllowDrop</c>).</summary>
        DropIndex,
    }

    /// <summary>One difference between a model and its live table.</summary>
    public sealed class SchemaChange
    {
        /// <summary>Describes a change.</summary>
        public SchemaChange(SchemaChangeKind kind, string table, string? column, string? before, string? after, string? refusal = null)
        {
            Kind = kind;
            Table = table;
            Column = column;
            Before = before;
            After = after;
            Refusal = refusal;
        }

        /// <summary>What the change does.</summary>
        public SchemaChangeKind Kind { get; }

        /// <summary>The table, unquoted.</summary>
        public string Table { get; }

        /// <summary>The column, or the constraint or index name (null for <see cref="SchemaChangeKind.AddTable"/>).</summary>
        public string? Column { get; }

        /// <summary>The live definition (null when it is added).</summary>
        public string? Before { get; }

        /// <summary>The model's definition (null when it is dropped).</summary>
        public string? After { get; }

        /// <summary>Why <c>Alter</c> will not make this change (then it makes none), or null.</summary>
        public string? Refusal { get; }

        /// <inheritdoc />
        public override string ToString() =>
            Kind + " " + Table + (Column is null ? "" : "." + Column) + ": " + (Before ?? "(none)") + " -> " + (After ?? "(none)")
            + (Refusal is null ? "" : " REFUSED: " + Refusal);
    }

    /// <summary>The differences between the models and the live schema, and the SQL that <c>Alter</c> would run.</summary>
    public sealed class SchemaDiff
    {
        /// <summary>Describes a diff.</summary>
        public SchemaDiff(IReadOnlyList<SchemaChange> changes, string script)
        {
            Changes = changes;
            Script = script;
        }

        /// <summary>Every difference, one per added column, constraint or index, in the order the script makes them.</summary>
        public IReadOnlyList<SchemaChange> Changes { get; }

        /// <summary>The SQL <c>SyncAsync(new SyncOptions { Alter = true })</c> would run (empty when in step).
        /// Refused changes appear as comments.</summary>
        public string Script { get; }

        /// <summary>Whether the live schema is in step with the models.</summary>
        public bool IsEmpty => Changes.Count == 0;

        /// <summary>The changes <c>Alter</c> refuses to make.</summary>
        public IReadOnlyList<SchemaChange> Refused => Changes.Where(c => c.Refusal is not null).ToList();

        /// <inheritdoc />
        public override string ToString() => IsEmpty ? "(in step)" : string.Join("\n", Changes);
    }
}
