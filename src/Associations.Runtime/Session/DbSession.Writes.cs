using System;
using System.Collections;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Associations.Internal;
using Associations.Metadata;

namespace Associations
{
    // Writes beyond one row by key (SPEC §12): FindOrCreateAsync, UpsertAsync, and the statement runner of the bulk
    // Query<T>.UpdateAsync/DeleteAsync (Querying/QueryWrites.cs). See docs/architecture.md, "Writes".
    public sealed partial class DbSession
    {
        /// <summary>
        /// The row of <typeparamref name="T"/> matching <paramref name="where"/>, or a new one made by <paramref name="create"/>
        /// and inserted, atomically: <c>Created</c> says which. Two sessions racing on the same condition create one row, with or
        /// without a unique index on the filtered columns — the find and the insert run in one transaction (a savepoint inside
        /// the ambient one), which on PostgreSQL first takes a transaction-level advisory lock keyed by the table and the
        /// condition (SQL text and values), and on SQLite is <c>BEGIN IMMEDIATE</c> (writers already take turns).
        /// The model's default scope applies to the find (as in <c>FindAsync</c>); the new row's insert hooks run.
        /// <paramref name="create"/> is called only when no row matches, and should make a row the condition matches
        /// (this is not checked, as in Sequelize). An insert refused by a unique constraint (another writer that does
        /// not use <c>FindOrCreateAsync</c>) re-reads: the row found then is returned, else the error is thrown.
        /// </summary>
        public async Task<(T Entity, bool Created)> FindOrCreateAsync<T>(Condition<T> where, Func<T> create, CancellationToken cancellationToken = default)
            where T : class, IModel<T>
        {
            if (where is null) throw new ArgumentNullException(nameof(where));
            if (create is null) throw new ArgumentNullException(nameof(create));
            using var op = EnterOperation();
            var meta = T.Metadata;
            var find = Query<T>().Where(where).Scoped();
            return await RunAsync(meta.Name, null, null, "find or create", async ct =>
            {
                if (Dialect.TransactionLock is { } lockSql)
                    await ExecuteAsync(lockSql, new object?[] { FindOrCreateLockKey(find) }, ct).ConfigureAwait(false);
                var found = await find.FirstOrDefaultAsync(ct).ConfigureAwait(false);
                if (found is not null) return (found, false);
                var entity = create() ?? throw new InvalidOperationException(
                    $"FindOrCreateAsync<{meta.Name}>: the create function returned null; it must return the {meta.Name} to insert.");
                try
                {
                    // A savepoint of its own: on PostgreSQL a failed statement spoils the transaction, and the re-read below needs it.
                    await AtomicAsync(async c =>
                    {
                        await InsertAsync(entity, c).ConfigureAwait(false);
                        return 0;
                    }, ct).ConfigureAwait(false);
                }
                catch (AssociationException error) when (error.InnerException is DbException inner && Dialect.IsUniqueViolation(inner))
                {
                    var again = await find.FirstOrDefaultAsync(ct).ConfigureAwait(false);
                    if (again is not null) return (again, false);
                    throw;
                }
                return (entity, true);
            }, atomic: true, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The advisory-lock key of a find: the first 8 bytes of the SHA-256 of the table, the WHERE text and its values.</summary>
        private long FindOrCreateLockKey<T>(Query<T> find) where T : class
        {
            var plan = new SelectPlan(Dialect);
            var text = new StringBuilder("Associations.FindOrCreate\n").Append(find.Metadata.Table).Append('\n');
            foreach (var condition in find.Conditions(plan, "t0")) text.Append(condition).Append('\n');
            foreach (var parameter in plan.Parameters) AppendLockValue(text, Dialect.ToDbValue(parameter));
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
            return BitConverter.ToInt64(hash, 0);
        }

        private static void AppendLockValue(StringBuilder text, object? value)
        {
            switch (value)
            {
                case null or DBNull:
                    text.Append("null");
                    break;
                case string s:
                    text.Append("s").Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s);
                    break;
                case byte[] bytes:
                    text.Append("x").Append(Convert.ToHexString(bytes));
                    break;
                case DateTime d:
                    text.Append("d").Append(d.ToString("O", CultureInfo.InvariantCulture));
                    break;
                case DateTimeOffset d:
                    text.Append("o").Append(d.ToString("O", CultureInfo.InvariantCulture));
                    break;
                case IEnumerable list:
                    text.Append('[');
                    foreach (var item in list) AppendLockValue(text, item);
                    text.Append(']');
                    break;
                case IFormattable f:
                    text.Append(value.GetType().Name).Append(':').Append(f.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(value.GetType().Name).Append(':').Append(value);
                    break;
            }
            text.Append('\u001f');
        }

        /// <summary>
        /// Inserts <paramref name="entity"/>, or — when a row with the same values in <paramref name="conflictColumns"/> (the
        /// primary key when none are given) exists — updates that row's other columns to the entity's values, in one statement
        /// on both engines: <c>INSERT … ON CONFLICT (…) DO UPDATE SET … = excluded.… RETURNING key</c>. The conflict columns need a
        /// primary-key or unique constraint. A database-generated key is written back onto the entity (the inserted row's, or
        /// the existing row's), and put back if the enclosing transaction rolls back. Insert and update hooks do not run (the
        /// statement does not say beforehand which it will do; Sequelize has separate upsert hooks, this library has none).
        /// An entity whose generated key is set is upserted with that key. A <c>[Timestamps]</c> model is stamped as an insert
        /// (<c>CreatedAt</c> and <c>UpdatedAt</c> on the instance); when the row existed it keeps its <c>CreatedAt</c> in the
        /// database and gets the new <c>UpdatedAt</c>.
        /// </summary>
        public Task<T> UpsertAsync<T>(T entity, params IColumn<T>[] conflictColumns) where T : class, IModel<T> =>
            UpsertAsync(entity, (IEnumerable<IColumn<T>>)(conflictColumns ?? throw new ArgumentNullException(nameof(conflictColumns))), CancellationToken.None);

        /// <summary>Upserts <paramref name="entity"/> on its primary key (see <see cref="UpsertAsync{T}(T, IColumn{T}[])"/>).</summary>
        public Task<T> UpsertAsync<T>(T entity, CancellationToken cancellationToken) where T : class, IModel<T> =>
            UpsertAsync(entity, Array.Empty<IColumn<T>>(), cancellationToken);

        /// <summary>Upserts <paramref name="entity"/> on <paramref name="conflictColumns"/> (see <see cref="UpsertAsync{T}(T, IColumn{T}[])"/>).</summary>
        public async Task<T> UpsertAsync<T>(T entity, IEnumerable<IColumn<T>> conflictColumns, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (entity is null) throw new ArgumentNullException(nameof(entity));
            if (conflictColumns is null) throw new ArgumentNullException(nameof(conflictColumns));
            var targets = conflictColumns.ToList();
            for (var i = 0; i < targets.Count; i++)
                if (targets[i] is null) throw new ArgumentNullException(nameof(conflictColumns), $"The conflict columns of an upsert of {T.Metadata.Name} cannot contain null (index {i}).");
            using var op = EnterOperation();
            var meta = T.Metadata;
            // [Timestamps]: stamped as an insert (put back on rollback); on conflict the row keeps its CreatedAt (below).
            Touch(meta, entity, inserted: true);
            var values = meta.GetInsertValues(entity);
            meta.CheckLengths(values, update: false);

            // The inserted columns: all but a generated key, which is written too when the entity carries one.
            var inserted = meta.Columns.Where(c => !c.IsGenerated).ToList();
            var parameters = new List<object?>(values);
            var explicitKey = meta.KeyGenerated && !meta.IsUnsaved(entity);
            if (explicitKey)
            {
                inserted.Insert(0, meta.Key[0]);
                parameters.Insert(0, meta.GetKey(entity));
            }
            var conflict = targets.Count == 0 ? meta.Key.Select(k => k.Name).ToList() : targets.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
            var updated = inserted.Where(c => !c.IsKey && !conflict.Contains(c.Name, StringComparer.Ordinal) && c.Name != meta.NotUpdated)
                .Select(c => c.Name).ToList();
            // Nothing else to write: a no-op update still makes RETURNING give the existing row's key.
            if (updated.Count == 0) updated.Add(conflict[0]);

            var sql = new StringBuilder("INSERT INTO ").Append(Dialect.QuoteTable(meta));
            if (inserted.Count == 0)
            {
                sql.Append(" DEFAULT VALUES");
            }
            else
            {
                sql.Append(" (").Append(string.Join(", ", inserted.Select(c => Dialect.Quote(c.Name)))).Append(") VALUES (")
                   .Append(string.Join(", ", inserted.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))).Append(')');
            }
            sql.Append(" ON CONFLICT (").Append(string.Join(", ", conflict.Select(Dialect.Quote))).Append(") DO UPDATE SET ")
               .Append(string.Join(", ", updated.Select(c => Dialect.Quote(c) + " = excluded." + Dialect.Quote(c))));
            if (meta.KeyGenerated) sql.Append(" RETURNING ").Append(Dialect.Quote(meta.Key[0].Name));
            var statement = sql.ToString();

            var key = explicitKey ? meta.GetKey(entity) : null;
            await RunAsync(meta.Name, null, key, "upsert", async ct =>
            {
                if (meta.KeyGenerated)
                {
                    var previous = meta.GetKey(entity);
                    var returned = await ScalarAsync(statement, parameters, ct).ConfigureAwait(false);
                    meta.SetGeneratedKey(entity, returned!);
                    if (previous is not null) RecordUndo(() => meta.SetGeneratedKey(entity, previous));
                }
                else
                {
                    await ExecuteAsync(statement, parameters, ct).ConfigureAwait(false);
                }
                return 0;
            }, atomic: false, cancellationToken).ConfigureAwait(false);
            return entity;
        }

        /// <summary>Runs the one statement of a bulk <c>Query&lt;T&gt;.UpdateAsync</c>/<c>DeleteAsync</c>; a delete refused by a
        /// foreign key names the models whose rows refuse it or would be set to a default that references nothing.</summary>
        internal async Task<int> BulkWriteAsync(ModelMetadata meta, string operation, string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
        {
            try
            {
                return await RunAsync(meta.Name, null, null, operation, ct => ExecuteAsync(sql, parameters, ct), atomic: false, cancellationToken).ConfigureAwait(false);
            }
            catch (AssociationException error) when (operation == "delete" && error.InnerException is DbException inner && Dialect.IsForeignKeyViolation(inner))
            {
                if (DeleteViolationHint(meta, "them") is not { } hint) throw;
                throw new AssociationException(
                    $"Could not {operation} {meta.Name} rows: a foreign-key constraint was violated: {hint}. {inner.Message}",
                    meta.Name, null, null, inner);
            }
        }
    }
}
