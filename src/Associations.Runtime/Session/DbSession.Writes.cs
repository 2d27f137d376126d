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
using Associations.Metadata;

namespace Associations
{
    // Writes beyond one row by key (SPEC §12). See docs/architecture.md, "Writes".
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
                if (Dialect.FindOrCreateLock is { } lockSql)
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
    }
}
