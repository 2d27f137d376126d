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
            await ExecuteAsync(SetColumnByKey(meta, column), Values(updated, meta.GetKey(entity)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Writes <c>DeletedAt</c> of one row by key (and on the instance, put back on rollback); returns the rows written.</summary>
        private async Task<int> SetDeletedAtAsync<T>(ModelMetadata<T> meta, T entity, object? key, DateTime? value, CancellationToken ct) where T : class
        {
            var previous = meta.GetDeletedAt(entity);
            var affected = await ExecuteAsync(SetColumnByKey(meta, meta.DeletedAt!), Values(value, key), ct).ConfigureAwait(false);
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

        private static object?[] Values(object? value, object? key)
        {
            var keys = KeyValues(key);
            var values = new object?[keys.Length + 1];
            values[0] = value;
            keys.CopyTo(values, 1);
            return values;
        }

        private string SetColumnByKey(ModelMetadata meta, ColumnInfo column)
        {
            var sql = new StringBuilder("UPDATE ").Append(Dialect.QuoteTable(meta)).Append(" SET ").Append(Dialect.Quote(column.Name)).Append(" = @p0 WHERE ");
            for (var i = 0; i < meta.Key.Count; i++)
            {
                if (i > 0) sql.Append(" AND ");
                sql.Append(Dialect.Quote(meta.Key[i].Name)).Append(" = @p").Append(i + 1);
            }
            return sql.ToString();
        }
    }
}
