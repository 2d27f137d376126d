using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;

namespace Associations
{
    // [Timestamps] and [Paranoid]: the lifecycle columns the runtime writes.
    public sealed partial class DbSession
    {
        /// <summary>Now, in UTC, to the microsecond (PostgreSQL's resolution, so what is written reads back equal).</summary>
        internal static DateTime UtcNow()
        {
            var ticks = DateTime.UtcNow.Ticks;
            return new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
        }

        /// <summary>Sets <c>UpdatedAt</c> (and <c>CreatedAt</c> on insert) of a <c>[Timestamps]</c> model; put back on rollback.</summary>
        internal void Touch<T>(ModelMetadata<T> meta, T entity, bool inserted) where T : class
        {
            if (!meta.HasTimestamps) return;
            var (created, updated) = meta.GetTimestamps(entity);
            meta.Touch(entity, UtcNow(), inserted);
            RecordUndo(() => meta.SetTimestamps(entity, created, updated));
        }

        /// <summary>After an accessor wrote only a row's foreign key: its <c>UpdatedAt</c> too, in the database and on the instance.</summary>
        internal async Task TouchRowAsync<T>(ModelMetadata<T> meta, T entity, CancellationToken cancellationToken) where T : class
        {
            if (!meta.HasTimestamps || meta.UpdatedAtColumn is not { } column) return;
            Touch(meta, entity, inserted: false);
            var (_, updated) = meta.GetTimestamps(entity);
            await ExecuteAsync(SetColumnsByKey(meta, column), Values(new object?[] { updated }, meta.GetKey(entity)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Writes <c>DeletedAt</c> of one row by key, and its <c>UpdatedAt</c> when the model has <c>[Timestamps]</c>
        /// (Sequelize's instance <c>destroy</c> and <c>restore</c> save the row, which stamps it), in one statement and on the
        /// instance (put back on rollback); returns the rows written.</summary>
        private async Task<int> SetDeletedAtAsync<T>(ModelMetadata<T> meta, T entity, object? key, DateTime? value, CancellationToken ct) where T : class
        {
            var previous = meta.GetDeletedAt(entity);
            int affected;
            if (meta.HasTimestamps && meta.UpdatedAtColumn is { } updatedAt)
            {
                var (created, updated) = meta.GetTimestamps(entity);
                var now = UtcNow();
                affected = await ExecuteAsync(SetColumnsByKey(meta, meta.DeletedAt!, updatedAt), Values(new object?[] { value, now }, key), ct).ConfigureAwait(false);
                meta.Touch(entity, now, inserted: false);
                RecordUndo(() => meta.SetTimestamps(entity, created, updated));
            }
            else
            {
                affected = await ExecuteAsync(SetColumnsByKey(meta, meta.DeletedAt!), Values(new object?[] { value }, key), ct).ConfigureAwait(false);
            }
            meta.SetDeletedAt(entity, value);
            RecordUndo(() => meta.SetDeletedAt(entity, previous));
            return affected;
        }

        /// <summary>Clears <c>DeletedAt</c> of a soft-deleted row of a <c>[Paranoid]</c> model (Sequelize's <c>restore</c>).</summary>
        public async Task RestoreAsync<T>(T entity, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (entity is null) throw new ArgumentNullException(nameof(entity));
            using var op = EnterOperation();
            var meta = T.Metadata;
            if (meta.DeletedAt is null)
                throw new AssociationException($"Cannot restore {meta.Name}: it is not [Paranoid], so its rows are never soft-deleted.", meta.Name, null, null);
            RequireSaved(meta, entity, null, "restore");
            var key = meta.GetKey(entity);
            await RunAsync(meta.Name, null, key, "restore", async ct =>
            {
                var affected = await SetDeletedAtAsync(meta, entity, key, null, ct).ConfigureAwait(false);
                if (affected == 0)
                    throw new AssociationException($"Cannot restore {meta.Name} with key {key}: no such row.", meta.Name, null, key);
                return 0;
            }, atomic: false, cancellationToken).ConfigureAwait(false);
        }

        private static object?[] Values(object?[] set, object? key)
        {
            var keys = KeyValues(key);
            var values = new object?[set.Length + keys.Length];
            set.CopyTo(values, 0);
            keys.CopyTo(values, set.Length);
            return values;
        }

        /// <summary><c>UPDATE t SET c0 = @p0, c1 = @p1, … WHERE k0 = @pN AND …</c>: the columns by key.</summary>
        private string SetColumnsByKey(ModelMetadata meta, params ColumnInfo[] columns)
        {
            var sql = new StringBuilder("UPDATE ").Append(Dialect.QuoteTable(meta)).Append(" SET ");
            for (var i = 0; i < columns.Length; i++)
                sql.Append(i > 0 ? ", " : "").Append(Dialect.Quote(columns[i].Name)).Append(" = @p").Append(i);
            sql.Append(" WHERE ");
            for (var i = 0; i < meta.Key.Count; i++)
            {
                if (i > 0) sql.Append(" AND ");
                sql.Append(Dialect.Quote(meta.Key[i].Name)).Append(" = @p").Append(columns.Length + i);
            }
            return sql.ToString();
        }
    }
}
