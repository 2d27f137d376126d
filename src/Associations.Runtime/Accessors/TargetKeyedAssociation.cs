using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Associations.Internal
{
    /// <summary>
    /// HasOne and HasMany: the foreign key lives on the target. Every write is one transaction (or a
    /// savepoint of the ambient one); the foreign keys of the instances given are kept in step.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public class TargetKeyedAssociation<TSource, TTarget> : Association<TSource, TTarget>
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
    {
        private readonly Func<TSource, object?> _sourceKey;
        private readonly Action<TTarget, object?> _setForeignKey;
        private readonly Func<TTarget, object?> _getForeignKey;
        private readonly Func<TSource, object?> _getNavigation;
        private readonly Action<TSource, object?> _setNavigation;
        private readonly Action<TTarget>? _applyScope;
        private readonly Stitch<TSource, TTarget> _stitch;

        /// <summary>Creates the association from what the generator wrote (<paramref name="options"/>).</summary>
        public TargetKeyedAssociation(TargetKeyedAssociationOptions<TSource, TTarget> options)
            : base(
                (options ?? throw new ArgumentNullException(nameof(options))).Name,
                options.Kind,
                options.TargetKey,
                options.TargetKeyColumn)
        {
            Scope = options.Scope;
            _applyScope = options.ApplyScope;
            _stitch = options.Stitch;
            SourceKeyColumn = options.SourceKeyColumn;
            _getNavigation = options.GetNavigation;
            _setNavigation = options.SetNavigation;
            _sourceKey = options.SourceKey;
            SourceKeyProperty = options.SourceKeyProperty;
            ForeignKeyColumn = options.ForeignKeyColumn;
            _getForeignKey = options.GetForeignKey;
            _setForeignKey = options.SetForeignKey;
            UnlinkDeletes = options.UnlinkDeletes;
            Sql = options.Sql;
        }

        /// <summary>The property of the source the foreign key references.</summary>
        public string SourceKeyProperty { get; }

        /// <summary>The association scope (Sequelize's <c>scope</c>): reads see only matching targets; links write it.</summary>
        public Condition<TTarget>? Scope { get; }

        /// <summary>The filter of this association's targets: the foreign key, and the scope.</summary>
        private Condition<TTarget> Linked(object key) => Scope is null ? Conditions.Equal<TTarget>(ForeignKeyColumn, key) : Conditions.Equal<TTarget>(ForeignKeyColumn, key) & Scope;

        /// <summary>The source column the foreign key references.</summary>
        public IColumn SourceKeyColumn { get; }

        /// <summary>An include of this association, configured by <paramref name="configure"/>.</summary>
        public Include<TSource> Include(Func<Query<TTarget>, Query<TTarget>>? configure)
        {
            var child = new Query<TTarget>(null, Target);
            if (Scope is not null) child = child.Where(Scope);
            if (configure is not null) child = configure(child);
            return new IncludeNode<TSource, TTarget>(Name, Kind == AssociationKind.HasOne, child,
                new IncludeLink(SourceKeyColumn.Name, ForeignKeyColumn.Name, SourceKeyColumn.Type),
                _stitch, _getNavigation, _setNavigation);
        }

        /// <summary>The foreign-key column on the target.</summary>
        public IColumn ForeignKeyColumn { get; }

        /// <summary>Whether unlinking deletes the target (its foreign key is not nullable).</summary>
        public bool UnlinkDeletes { get; }

        /// <summary>The statements, per dialect.</summary>
        public TargetKeyedSql Sql { get; }

        /// <summary>The value targets carry in their foreign key for <paramref name="source"/>.</summary>
        public object SourceKeyOf(TSource source, string operation) => SourceKeyOf(source, _sourceKey, SourceKeyProperty, operation);

        // ------------------------------------------------------------------ reads

        /// <summary>The targets of <paramref name="source"/>, optionally filtered/ordered by <paramref name="query"/>.</summary>
        public Task<List<TTarget>> GetAsync(DbSession db, TSource source, Func<Query<TTarget>, Query<TTarget>>? query, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "get");
            if (query is null && !Target.NeedsScope)
                return db.RunAsync(Source.Name, Name, key, "get",
                    c => db.QueryAsync(Target, Sql.Select.For(db.Dialect.Kind), new object?[] { key }, c), atomic: false, ct);
            var built = (query ?? Identity)(new Query<TTarget>(db, Target).Where(Linked(key)));
            return db.RunAsync(Source.Name, Name, key, "get", built.ToListAsync, atomic: false, ct);
        }

        /// <summary>The one target of <paramref name="source"/> (HasOne), or null.</summary>
        public async Task<TTarget?> GetOneAsync(DbSession db, TSource source, Func<Query<TTarget>, Query<TTarget>>? query, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "get");
            if (query is null && !Target.NeedsScope)
            {
                var rows = await db.RunAsync(Source.Name, Name, key, "get",
                    c => db.QueryAsync(Target, Sql.Select.For(db.Dialect.Kind), new object?[] { key }, c), atomic: false, ct).ConfigureAwait(false);
                return rows.Count == 0 ? null : rows[0];
            }
            var built = (query ?? Identity)(new Query<TTarget>(db, Target).Where(Linked(key)));
            return await db.RunAsync(Source.Name, Name, key, "get", built.FirstOrDefaultAsync, atomic: false, ct).ConfigureAwait(false);
        }

        /// <summary>How many targets <paramref name="source"/> has.</summary>
        public Task<int> CountAsync(DbSession db, TSource source, Func<Query<TTarget>, Query<TTarget>>? query, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "count");
            if (query is null && !Target.NeedsScope)
                return db.RunAsync(Source.Name, Name, key, "count",
                    c => db.CountAsync(Sql.Count.For(db.Dialect.Kind), new object?[] { key }, c), atomic: false, ct);
            var built = (query ?? Identity)(new Query<TTarget>(db, Target).Where(Linked(key)));
            return db.RunAsync(Source.Name, Name, key, "count", built.CountAsync, atomic: false, ct);
        }

        /// <summary>Whether every target in <paramref name="targets"/> / <paramref name="keys"/> is associated with <paramref name="source"/>.</summary>
        public async Task<bool> HasAsync(DbSession db, TSource source, IEnumerable<TTarget>? targets, IEnumerable<object>? keys, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "check");
            var list = Keys(targets, keys, "check");
            if (list.Count == 0) return true;
            var count = await db.RunAsync(Source.Name, Name, key, "check",
                c => db.CountAsync(Sql.CountKeys.For(db.Dialect.Kind), new object?[] { key, db.Dialect.KeyListValue(list, TargetKeyColumn.Type) }, c),
                atomic: false, ct).ConfigureAwait(false);
            if (count != list.Count || !Target.NeedsScope) return count == list.Count;
            // The target's default scope or [Paranoid] hides some rows: each must also be visible.
            var visible = await db.RunAsync(Source.Name, Name, key, "check",
                new Query<TTarget>(db, Target).Where(Conditions.InList<TTarget>(TargetKeyColumn, list)).CountAsync, atomic: false, ct).ConfigureAwait(false);
            return visible == list.Count;
        }

        // ------------------------------------------------------------------ writes

        /// <summary>Links the targets to <paramref name="source"/> (already linked ones stay as they are).</summary>
        public async Task AddAsync(DbSession db, TSource source, IEnumerable<TTarget>? targets, IEnumerable<object>? keys, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "add to");
            var instances = targets?.ToList();
            var list = Keys(instances, keys, "add to");
            if (list.Count == 0) return;
            await db.RunAsync(Source.Name, Name, key, "add to", async c =>
            {
                await LinkAsync(db, key, list, "add to", c).ConfigureAwait(false);
                return 0;
            }, atomic: list.Count > 1 || RowHooks, ct).ConfigureAwait(false);
            if (instances is not null)
                foreach (var t in instances)
                {
                    db.SetTracked(t, _getForeignKey, _setForeignKey, key);
                    _applyScope?.Invoke(t);
                }
        }

        /// <summary>Unlinks the targets from <paramref name="source"/> (deletes them when the key is not nullable).</summary>
        public async Task RemoveAsync(DbSession db, TSource source, IEnumerable<TTarget>? targets, IEnumerable<object>? keys, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "remove from");
            var instances = targets?.ToList();
            var list = Keys(instances, keys, "remove from");
            if (list.Count == 0) return;
            await db.RunAsync(Source.Name, Name, key, "remove from", async c =>
            {
                var affected = RowHooks
                    ? await UnlinkRowsAsync(db, key, Conditions.InList<TTarget>(TargetKeyColumn, list), c).ConfigureAwait(false)
                    : await db.ExecuteAsync(Sql.Unlink.For(db.Dialect.Kind),
                        new object?[] { key, db.Dialect.KeyListValue(list, TargetKeyColumn.Type) }, c).ConfigureAwait(false);
                if (affected != list.Count)
                {
                    // Rows that exist but are not linked are ignored (as in Sequelize); keys of no row are an error.
                    var found = await db.QueryValuesAsync(Sql.ExistingKeys.For(db.Dialect.Kind),
                        new object?[] { db.Dialect.KeyListValue(list, TargetKeyColumn.Type) }, c).ConfigureAwait(false);
                    if (found.Count != list.Count) await ThrowMissingAsync(db, Sql.ExistingKeys, list, key, "remove from", c).ConfigureAwait(false);
                }
                return 0;
            }, atomic: true, ct).ConfigureAwait(false);
            if (instances is not null)
                foreach (var t in instances)
                    if (Equals(_getForeignKey(t), key)) db.SetTracked(t, _getForeignKey, _setForeignKey, null);
        }

        /// <summary>Makes the targets exactly the given ones, atomically: others are unlinked (or deleted when the key is not nullable).</summary>
        public async Task SetAsync(DbSession db, TSource source, IEnumerable<TTarget>? targets, IEnumerable<object>? keys, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "set");
            var instances = targets?.ToList();
            var list = Keys(instances, keys, "set");
            await db.RunAsync(Source.Name, Name, key, "set", async c =>
            {
                await LockSourceAsync(db, key, "set", c).ConfigureAwait(false);
                await UnlinkOthersAsync(db, key, list, c).ConfigureAwait(false);
                if (list.Count > 0) await LinkAsync(db, key, list, "set", c).ConfigureAwait(false);
                return 0;
            }, atomic: true, ct).ConfigureAwait(false);
            if (instances is not null) foreach (var t in instances) db.SetTracked(t, _getForeignKey, _setForeignKey, key);
        }

        /// <summary>Inserts <paramref name="target"/> linked to <paramref name="source"/> (HasOne: the previous one is unlinked first, and
        /// the source's navigation is set to it).</summary>
        public async Task<TTarget> CreateAsync(DbSession db, TSource source, TTarget target, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            if (target is null) throw new ArgumentNullException(nameof(target));
            var key = SourceKeyOf(source, "create in");
            var previous = _getForeignKey(target);
            var previousNavigation = _getNavigation(source);
            _setForeignKey(target, key);
            _applyScope?.Invoke(target);
            try
            {
                await db.RunAsync(Source.Name, Name, key, "create in", async c =>
                {
                    if (Kind == AssociationKind.HasOne)
                    {
                        await LockSourceAsync(db, key, "create in", c).ConfigureAwait(false);
                        await UnlinkOthersAsync(db, key, new List<object>(), c).ConfigureAwait(false);
                    }
                    await db.InsertAsync(target, c).ConfigureAwait(false);
                    return 0;
                }, atomic: Kind == AssociationKind.HasOne, ct).ConfigureAwait(false);
            }
            catch
            {
                _setForeignKey(target, previous);
                throw;
            }
            // Put back if an enclosing transaction rolls back: the foreign key, and (HasOne) the navigation, which is set here.
            db.RecordUndo(() => _setForeignKey(target, previous));
            if (Kind == AssociationKind.HasOne)
            {
                db.RecordUndo(() => _setNavigation(source, previousNavigation));
                _setNavigation(source, target);
            }
            return target;
        }

        /// <summary>HasOne: links <paramref name="target"/> (or the row with <paramref name="targetKey"/>) and unlinks any other; null unlinks.
        /// The source's navigation becomes <paramref name="target"/> (null when linked by key).</summary>
        public async Task SetOneAsync(DbSession db, TSource source, TTarget? target, object? targetKey, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "set");
            var list = target is not null ? new List<object> { KeyOf(target, "set") } : targetKey is not null ? new List<object> { targetKey } : new List<object>();
            var previousNavigation = _getNavigation(source);
            await db.RunAsync(Source.Name, Name, key, "set", async c =>
            {
                await LockSourceAsync(db, key, "set", c).ConfigureAwait(false);
                await UnlinkOthersAsync(db, key, list, c).ConfigureAwait(false);
                if (list.Count > 0) await LinkAsync(db, key, list, "set", c).ConfigureAwait(false);
                return 0;
            }, atomic: true, ct).ConfigureAwait(false);
            if (target is not null) db.SetTracked(target, _getForeignKey, _setForeignKey, key);
            db.RecordUndo(() => _setNavigation(source, previousNavigation));
            _setNavigation(source, target);
        }

        /// <summary>Whether rows must be written one by one so that their hooks run (the target has update or, when unlinking deletes, delete hooks).</summary>
        private static readonly bool RowHooksUpdate = HookInfo<TTarget>.Update;

        private bool RowHooks => RowHooksUpdate || Target.HasTimestamps || UnlinkDeletes && (HookInfo<TTarget>.Delete || Target.DeletedAt is not null);

        private async Task LinkAsync(DbSession db, object key, List<object> list, string operation, CancellationToken c)
        {
            if (RowHooks)
            {
                // Row by row, so that each target's update hooks run (in the accessor's transaction).
                var rows = await new Query<TTarget>(db, Target).Unscoped().Where(Conditions.InList<TTarget>(TargetKeyColumn, list)).ToListAsync(c).ConfigureAwait(false);
                if (rows.Count != list.Count) await ThrowMissingAsync(db, Sql.ExistingKeys, list, key, operation, c).ConfigureAwait(false);
                foreach (var row in rows)
                {
                    if (Equals(_getForeignKey(row), key) && _applyScope is null) continue;
                    db.SetTracked(row, _getForeignKey, _setForeignKey, key);
                    _applyScope?.Invoke(row);
                    await db.UpdateAsync(row, c).ConfigureAwait(false);
                }
                return;
            }
            var affected = await db.ExecuteAsync(Sql.Link.For(db.Dialect.Kind),
                new object?[] { key, db.Dialect.KeyListValue(list, TargetKeyColumn.Type) }, c).ConfigureAwait(false);
            if (affected != list.Count) await ThrowMissingAsync(db, Sql.ExistingKeys, list, key, operation, c).ConfigureAwait(false);
        }

        private async Task UnlinkOthersAsync(DbSession db, object key, List<object> keep, CancellationToken c)
        {
            if (RowHooks)
                await UnlinkRowsAsync(db, key, !Conditions.InList<TTarget>(TargetKeyColumn, keep), c).ConfigureAwait(false);
            else
                await db.ExecuteAsync(Sql.UnlinkOthers.For(db.Dialect.Kind),
                    new object?[] { key, db.Dialect.KeyListValue(keep, TargetKeyColumn.Type) }, c).ConfigureAwait(false);
        }

        /// <summary>Unlinks (or deletes) the linked rows matching <paramref name="which"/> one by one, running their hooks.</summary>
        private async Task<int> UnlinkRowsAsync(DbSession db, object key, Condition<TTarget> which, CancellationToken c)
        {
            var rows = await new Query<TTarget>(db, Target).Unscoped()
                .Where(Linked(key) & which).ToListAsync(c).ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (UnlinkDeletes)
                {
                    await db.DeleteAsync(row, c).ConfigureAwait(false);
                }
                else
                {
                    db.SetTracked(row, _getForeignKey, _setForeignKey, null);
                    await db.UpdateAsync(row, c).ConfigureAwait(false);
                }
            }
            return rows.Count;
        }

        /// <summary>Deletes the targets of <paramref name="source"/> through the runtime, running their hooks (<c>Hooks = true</c>).</summary>
        public async Task DeleteChildrenAsync(DbSession db, TSource source, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            if (_sourceKey(source) is not { } key) return;
            var rows = await db.QueryAsync(Target, Sql.Select.For(db.Dialect.Kind), new object?[] { key }, ct).ConfigureAwait(false);
            foreach (var row in rows) await db.DeleteAsync(row, ct).ConfigureAwait(false);
        }

        private Task LockSourceAsync(DbSession db, object key, string operation, CancellationToken c) =>
            LockSourceAsync(db, Sql.LockSource, key, SourceKeyProperty, operation, c);

        private List<object> Keys(IEnumerable<TTarget>? targets, IEnumerable<object>? keys, string operation)
        {
            if (targets is not null) return Distinct(targets.Select(t => KeyOf(t ?? throw new ArgumentNullException(nameof(targets), "A list of instances cannot contain null."), operation)));
            if (keys is not null) return Distinct(keys);
            throw new ArgumentNullException(nameof(keys));
        }

        // ------------------------------------------------------------------ graph insert

        /// <inheritdoc />
        public override bool HasLoaded(TSource source) => _getNavigation(source) is not null;

        /// <summary>New children are inserted with the foreign key (and association scope) set; saved ones are linked.</summary>
        public override async Task SaveAfterAsync(DbSession db, TSource source, CancellationToken ct)
        {
            var children = Loaded(_getNavigation(source)).ToList();
            if (children.Count == 0) return;
            var key = SourceKeyOf(source, "save");
            var existing = new List<TTarget>();
            foreach (var child in children)
            {
                if (!Target.IsUnsaved(child))
                {
                    existing.Add(child);
                    continue;
                }
                db.SetTracked(child, _getForeignKey, _setForeignKey, key);
                _applyScope?.Invoke(child);
                await db.InsertAsync(child, ct).ConfigureAwait(false);
            }
            if (existing.Count > 0) await AddAsync(db, source, existing, null, ct).ConfigureAwait(false);
        }
    }
}
