using System.ComponentModel;

namespace Associations.Internal
{
    /// <summary>
    /// The statements of a HasOne or HasMany association (the foreign key is on the target), per
    /// dialect, written by the generator. <c>@p0</c> is always the source key.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class TargetKeyedSql
    {
        /// <summary>Holds the statements.</summary>
        public TargetKeyedSql(SqlText select, SqlText count, SqlText countKeys, SqlText link, SqlText unlink, SqlText unlinkOthers, SqlText lockSource, SqlText existingKeys)
        {
            Select = select;
            Count = count;
            CountKeys = countKeys;
            Link = link;
            Unlink = unlink;
            UnlinkOthers = unlinkOthers;
            LockSource = lockSource;
            ExistingKeys = existingKeys;
        }

        /// <summary>Targets of a source: <c>SELECT … WHERE fk = @p0</c>.</summary>
        public SqlText Select { get; }

        /// <summary><c>SELECT COUNT(*) … WHERE fk = @p0</c>.</summary>
        public SqlText Count { get; }

        /// <summary>How many of the keys in @p1 are associated with @p0.</summary>
        public SqlText CountKeys { get; }

        /// <summary>Points the targets with keys in @p1 at @p0.</summary>
        public SqlText Link { get; }

        /// <summary>Unlinks (or deletes, for a non-nullable key) the targets in @p1 linked to @p0.</summary>
        public SqlText Unlink { get; }

        /// <summary>Unlinks (or deletes) every target linked to @p0 whose key is not in @p1.</summary>
        public SqlText UnlinkOthers { get; }

        /// <summary>Reads (PostgreSQL: locks) the source row, so concurrent replacements serialize.</summary>
        public SqlText LockSource { get; }

        /// <summary>Which of the target keys in @p0 exist.</summary>
        public SqlText ExistingKeys { get; }
    }

    /// <summary>The statements of a BelongsTo association (the foreign key is on the source), per dialect.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class SourceKeyedSql
    {
        /// <summary>Holds the statements.</summary>
        public SourceKeyedSql(SqlText select, SqlText setForeignKey, SqlText existingKeys)
        {
            Select = select;
            SetForeignKey = setForeignKey;
            ExistingKeys = existingKeys;
        }

        /// <summary>The target with key @p0.</summary>
        public SqlText Select { get; }

        /// <summary>Sets the source's foreign key to @p0 where its primary key is @p1.</summary>
        public SqlText SetForeignKey { get; }

        /// <summary>Which of the target keys in @p0 exist.</summary>
        public SqlText ExistingKeys { get; }
    }
}
