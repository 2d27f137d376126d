using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Associations.Internal;

namespace Associations
{
    // Bulk writes (SPEC §12): one UPDATE or DELETE for every row the query matches.
    public sealed partial class Query<T>
    {
        /// <summary>
        /// Writes the columns <paramref name="set"/> sets into every row this query matches, in one <c>UPDATE</c>, and returns
        /// the number of rows written. The default scope applies (unless <c>Unscoped()</c>); <c>Where</c>, <c>WhereHas…</c> and
        /// required includes filter; <c>OrderBy</c>/<c>Limit</c>/<c>Offset</c> pick the rows through a key sub-select
        /// (<c>WHERE key IN (SELECT key … ORDER BY … LIMIT …)</c>). Hooks do not run, and in-memory instances are not changed.
        /// A model with a <c>Hooks = true</c> cascade is refused (like <c>DeleteAsync</c>, the cascade needs each row), and so is
        /// setting a primary-key column.
        /// </summary>
        public async Task<int> UpdateAsync(Action<Setter<T>> set, CancellationToken cancellationToken = default)
        {
            if (set is null) throw new ArgumentNullException(nameof(set));
            var session = RequireSession();
            using var op = session.EnterOperation();
            RefuseRuntimeCascade("UpdateAsync");
            var setter = new Setter<T>(Metadata);
            set(setter);
            if (setter.Assignments.Count == 0)
                throw new ArgumentException($"The bulk update of {Metadata.Name} sets no column: call Set(column, value) at least once.", nameof(set));
            var plan = new SelectPlan(session.Dialect);
            var writer = plan.Writer(null);
            var sql = new StringBuilder("UPDATE ").Append(plan.Dialect.QuoteTable(Metadata)).Append(" SET ");
            for (var i = 0; i < setter.Assignments.Count; i++)
            {
                var (column, value) = setter.Assignments[i];
                if (i > 0) sql.Append(", ");
                sql.Append(plan.Dialect.Quote(column.Name)).Append(" = ").Append(writer.AddParameter(value));
            }
            // [Timestamps]: a bulk update is an update path too (SPEC §12; Sequelize's Model.update stamps updatedAt), unless
            // the setter writes UpdatedAt itself.
            if (Metadata.HasTimestamps && Metadata.UpdatedAtColumn is { } updatedAt && setter.Assignments.All(a => a.Column.Name != updatedAt.Name))
                sql.Append(", ").Append(plan.Dialect.Quote(updatedAt.Name)).Append(" = ").Append(writer.AddParameter(DbSession.UtcNow()));
            Scoped().AppendTarget(plan, sql);
            return await session.BulkWriteAsync(Metadata, "update", sql.ToString(), plan.Parameters, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Deletes every row this query matches, in one statement, and returns the number of rows deleted. Which rows: as
        /// <see cref="UpdateAsync"/>. On a <c>[Paranoid]</c> model the rows are soft-deleted (one <c>UPDATE</c> setting
        /// <c>DeletedAt</c> on the live rows that match, as Sequelize's <c>Model.destroy</c>); <see cref="DeleteAsync(bool, CancellationToken)"/>
        /// with <c>force: true</c> deletes them. Hooks do not run; the database's own <c>ON DELETE</c> actions do. A model with a
        /// <c>Hooks = true</c> cascade is refused (the cascade needs each row: delete those with <c>db.DeleteAsync(entity)</c>).
        /// </summary>
        public Task<int> DeleteAsync(CancellationToken cancellationToken = default) => DeleteAsync(force: false, cancellationToken);

        /// <summary>
        /// <see cref="DeleteAsync(CancellationToken)"/>; with <paramref name="force"/> a <c>[Paranoid]</c> model's rows are deleted,
        /// not soft-deleted (add <c>WithDeleted()</c> to reach rows already soft-deleted).
        /// </summary>
        public async Task<int> DeleteAsync(bool force, CancellationToken cancellationToken = default)
        {
            var session = RequireSession();
            using var op = session.EnterOperation();
            RefuseRuntimeCascade("DeleteAsync");
            var plan = new SelectPlan(session.Dialect);
            StringBuilder sql;
            var target = this;
            if (Metadata.DeletedAt is { } deletedAt && !force)
            {
                sql = new StringBuilder("UPDATE ").Append(plan.Dialect.QuoteTable(Metadata)).Append(" SET ")
                    .Append(plan.Dialect.Quote(deletedAt.Name)).Append(" = ").Append(plan.Writer(null).AddParameter(DbSession.UtcNow()));
                if (_withDeleted)
                {
                    // Soft-deleting touches live rows only: an earlier DeletedAt is kept.
                    target = Clone();
                    target._withDeleted = false;
                }
            }
            else
            {
                sql = new StringBuilder("DELETE FROM ").Append(plan.Dialect.QuoteTable(Metadata));
            }
            target.Scoped().AppendTarget(plan, sql);
            return await session.BulkWriteAsync(Metadata, "delete", sql.ToString(), plan.Parameters, cancellationToken).ConfigureAwait(false);
        }

        private void RefuseRuntimeCascade(string method)
        {
            if (Metadata.CascadesThroughRuntime)
                throw new AssociationException(
                    $"Query<{Metadata.Name}>.{method} cannot run: an association of {Metadata.Name} has Hooks = true, so deleting a {Metadata.Name} " +
                    $"deletes its children through the runtime, row by row, which a single statement cannot do. Use db.DeleteAsync/UpdateAsync per row.",
                    Metadata.Name, null, null);
        }

        /// <summary>
        /// The WHERE of a bulk statement on this (scoped) query's table: nothing for every row, the conditions qualified by the
        /// table name when only they restrict, else <c>key IN (SELECT key FROM … ORDER BY … LIMIT …)</c>.
        /// </summary>
        private void AppendTarget(SelectPlan plan, StringBuilder sql)
        {
            var dialect = plan.Dialect;
            var direct = _limit is null && _offset is null && _orders.Length == 0 && _includes.All(i => !i.IsRequired);
            if (direct)
            {
                var first = true;
                foreach (var condition in Conditions(plan, Metadata.Table))
                {
                    sql.Append(first ? " WHERE " : " AND ").Append(condition);
                    first = false;
                }
                return;
            }
            var keys = Metadata.Key;
            var sub = new SelectPlan(dialect, plan.Parameters);
            PlanJoins(sub, Alias, countOnly: true);
            var select = new StringBuilder("SELECT ").Append(string.Join(", ", keys.Select(k => sub.Column(Alias, k.Name)))).Append(From(sub));
            AppendWhere(sub, select);
            AppendOrderAndLimit(sub, select);
            sql.Append(" WHERE ");
            if (keys.Count == 1) sql.Append(dialect.Quote(keys[0].Name));
            else sql.Append('(').Append(string.Join(", ", keys.Select(k => dialect.Quote(k.Name)))).Append(')');
            sql.Append(" IN (").Append(select).Append(')');
        }
    }
}
