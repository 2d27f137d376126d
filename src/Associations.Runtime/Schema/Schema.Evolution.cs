using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;

namespace Associations
{
    // Schema evolution (SPEC §11): read the live schema, compare it with the models, and bring it in step.
    public static partial class Schema
    {
        /// <summary>
        /// The differences between <paramref name="roots"/> (and every model connected to them; no roots = every registered
        /// model, as <c>SyncAsync()</c>) and the live schema of <paramref name="db"/>, with the SQL <c>Alter</c> would run.
        /// Drops are not listed (they need <see cref="SyncOptions.AllowDrop"/>: use the overload taking options).
        /// </summary>
        public static Task<SchemaDiff> DiffAsync(DbSession db, params Type[] roots)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            return DiffAsync(db, ModelsFor(roots), null);
        }

        /// <summary>As <see cref="DiffAsync(DbSession, Type[])"/>, with the options <c>SyncAsync</c> would get
        /// (<see cref="SyncOptions.AllowDrop"/> adds the drops).</summary>
        public static Task<SchemaDiff> DiffAsync(DbSession db, SyncOptions options, params Type[] roots)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            return DiffAsync(db, ModelsFor(roots), options);
        }

        /// <summary>The differences between exactly <paramref name="models"/> and the live schema of <paramref name="db"/>.</summary>
        public static async Task<SchemaDiff> DiffAsync(DbSession db, IEnumerable<ModelMetadata> models, SyncOptions? options, CancellationToken cancellationToken = default)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            if (models is null) throw new ArgumentNullException(nameof(models));
            var plan = await SchemaPlanner.PlanAsync(db, models, options?.AllowDrop == true, cancellationToken).ConfigureAwait(false);
            return new SchemaDiff(plan.Changes, plan.Script(db.Dialect));
        }

        /// <summary>The live schema of <paramref name="db"/>: its tables (SQLite: the main database; PostgreSQL: <c>current_schema()</c>).</summary>
        public static async Task<IReadOnlyList<TableSchema>> ReadAsync(DbSession db, CancellationToken cancellationToken = default)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            await db.EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            return await SchemaReader.ReadAsync(db, cancellationToken).ConfigureAwait(false);
        }

        // No roots: every registered model (the generated registries; no reflection, so Native AOT is fine), as SyncAsync().
        private static IReadOnlyList<ModelMetadata> ModelsFor(Type[]? roots) =>
            roots is { Length: > 0 } ? Connected(roots.Select(ModelRegistry.Find)) : ModelRegistry.All;

        /// <summary>
        /// <c>SyncAsync(new SyncOptions { Alter = true })</c>: plans the changes, refuses them all when one is refused,
        /// and runs them in one transaction (SQLite rebuilds: foreign keys off around it, checked before it commits).
        /// </summary>
        internal static async Task AlterAsync(DbSession db, IEnumerable<ModelMetadata> models, SyncOptions options, CancellationToken ct)
        {
            var plan = await SchemaPlanner.PlanAsync(db, models, options.AllowDrop, ct).ConfigureAwait(false);
            var refused = plan.Changes.Where(c => c.Refusal is not null).ToList();
            if (refused.Count > 0)
                throw new AssociationException("Schema not changed (Alter is all or nothing): " + string.Join(" ", refused.Select(r => r.Refusal)),
                    refused[0].Table, null, refused[0].Column);
            if (plan.Statements.Count == 0) return;
            if (plan.ForeignKeysOff && db.CurrentTransaction is not null)
                throw new InvalidOperationException(
                    "Alter must rebuild SQLite table(s) " + string.Join(", ", plan.Rebuilt) + ", which needs foreign keys off, and SQLite cannot turn them off "
                    + "inside a transaction. Call SyncAsync with Alter outside InTransactionAsync/BeginTransactionAsync/UseTransaction.");
            if (plan.ForeignKeysOff) await db.ExecuteAsync("PRAGMA foreign_keys = OFF", Array.Empty<object?>(), ct).ConfigureAwait(false);
            try
            {
                string? current = null;
                try
                {
                    await db.InTransactionAsync(async () =>
                    {
                        await db.LockSchemaAsync(ct).ConfigureAwait(false);
                        foreach (var statement in plan.Statements)
                        {
                            current = statement;
                            await db.ExecuteAsync(statement, Array.Empty<object?>(), ct).ConfigureAwait(false);
                        }
                        current = null;
                        foreach (var table in plan.Rebuilt)
                        {
                            var violations = await db.ReadAsync("PRAGMA foreign_key_check(" + db.Dialect.Quote(table) + ")", Array.Empty<object?>(),
                            r => r.GetValue(2)?.ToString() ?? "", ct).ConfigureAwait(false);
                            if (violations.Count > 0)
                                throw new AssociationException(
                                    $"Schema not changed: after rebuilding \"{table}\", {violations.Count} row(s) violate its foreign keys (referencing {string.Join(", ", violations.Distinct())}).",
                                table, null, null);
                        }
                    }, ct).ConfigureAwait(false);
                }
                catch (System.Data.Common.DbException error)
                {
                    throw new AssociationException("Schema not changed (Alter is all or nothing): " + error.Message
                        + (current is null ? "" : " — while running: " + current), null, null, null, error);
                }
            }
            finally
            {
                if (plan.ForeignKeysOff) await db.ExecuteAsync("PRAGMA foreign_keys = ON", Array.Empty<object?>(), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
