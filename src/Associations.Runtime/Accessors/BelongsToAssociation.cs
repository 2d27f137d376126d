using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace Associations.Internal
{
    /// <summary>BelongsTo: the foreign key lives on the source and references the target's key.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class BelongsToAssociation<TSource, TTarget> : Association<TSource, TTarget>
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
    {
        private readonly Func<TSource, object?> _getForeignKey;
        private readonly Action<TSource, object?> _setForeignKey;
        private readonly Func<TSource, object?> _getNavigation;
        private readonly Action<TSource, object?> _setNavigation;
        private readonly Stitch<TSource, TTarget> _stitch;

        /// <summary>Creates the association (generated code).</summary>
        public BelongsToAssociation(
            string name,
            string foreignKeyProperty,
            Func<TSource, object?> getForeignKey,
            Action<TSource, object?> setForeignKey,
            Func<TTarget, object?> targetKey,
            IColumn targetKeyColumn,
            SourceKeyedSql sql,
            IColumn foreignKeyColumn,
            Func<TSource, object?> getNavigation,
            Action<TSource, object?> setNavigation,
            Stitch<TSource, TTarget> stitch)
            : base(name, AssociationKind.BelongsTo, targetKey, targetKeyColumn)
        {
            _stitch = stitch;
            ForeignKeyColumn = foreignKeyColumn;
            _getNavigation = getNavigation;
            _setNavigation = setNavigation;
            ForeignKeyProperty = foreignKeyProperty;
            _getForeignKey = getForeignKey;
            _setForeignKey = setForeignKey;
            Sql = sql;
        }

        /// <summary>The foreign-key property of the source.</summary>
        public string ForeignKeyProperty { get; }

        /// <summary>The foreign-key column on the source.</summary>
        public IColumn ForeignKeyColumn { get; }

        /// <summary>An include of this association (a JOIN in the parent's statement), configured by <paramref name="configure"/>.</summary>
        public Include<TSource> Include(Func<Query<TTarget>, Query<TTarget>>? configure)
        {
            var child = new Query<TTarget>(null, Target);
            if (configure is not null) child = configure(child);
            return new IncludeNode<TSource, TTarget>(Name, toOne: true, child,
                new IncludeLink(ForeignKeyColumn.Name, TargetKeyColumn.Name, TargetKeyColumn.Type),
                _stitch, _getNavigation, _setNavigation);
        }

        /// <summary>The statements, per dialect.</summary>
        public SourceKeyedSql Sql { get; }

        /// <summary>The target <paramref name="source"/> references, or null (no query when its key is null).</summary>
        public async Task<TTarget?> GetAsync(DbSession db, TSource source, Func<Query<TTarget>, Query<TTarget>>? query, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            if (source is null) throw new ArgumentNullException(nameof(source));
            var key = _getForeignKey(source);
            if (key is null) return null;
            if (query is null && !Target.NeedsScope)
            {
                var rows = await db.RunAsync(Source.Name, Name, key, "get",
                    c => db.QueryAsync(Target, Sql.Select.For(db.Dialect.Kind), new object?[] { key }, c), atomic: false, ct).ConfigureAwait(false);
                return rows.Count == 0 ? null : rows[0];
            }
            var built = (query ?? Identity)(new Query<TTarget>(db, Target).Where(Conditions.Equal<TTarget>(TargetKeyColumn, key)));
            return await db.RunAsync(Source.Name, Name, key, "get", built.FirstOrDefaultAsync, atomic: false, ct).ConfigureAwait(false);
        }

        /// <summary>Points <paramref name="source"/> at <paramref name="target"/> (or the row with <paramref name="targetKey"/>); both null unlinks.
        /// The navigation becomes <paramref name="target"/> (null when pointed by key).</summary>
        public async Task SetAsync(DbSession db, TSource source, TTarget? target, object? targetKey, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            DbSession.RequireSaved(Source, source, Name, "set");
            var sourceKey = Source.GetKey(source);
            var value = target is not null ? KeyOf(target, "set") : targetKey;
            var previousNavigation = _getNavigation(source);
            await db.RunAsync(Source.Name, Name, value ?? sourceKey, "set", async c =>
            {
                if (value is not null)
                {
                    var one = new List<object> { value };
                    var found = await db.QueryValuesAsync(Sql.ExistingKeys.For(db.Dialect.Kind),
                        new object?[] { db.Dialect.KeyListValue(one, TargetKeyColumn.Type) }, c).ConfigureAwait(false);
                    if (found.Count == 0) await ThrowMissingAsync(db, Sql.ExistingKeys, one, sourceKey, "set", c).ConfigureAwait(false);
                }
                await WriteForeignKeyAsync(db, source, value, sourceKey, "set", c).ConfigureAwait(false);
                return 0;
            }, atomic: value is not null || HookInfo<TSource>.Update || Source.HasTimestamps, ct).ConfigureAwait(false);
            db.RecordUndo(() => _setNavigation(source, previousNavigation));
            _setNavigation(source, target);
        }

        /// <summary>Inserts <paramref name="target"/> and points <paramref name="source"/> at it (foreign key and navigation), in one transaction.</summary>
        public async Task<TTarget> CreateAsync(DbSession db, TSource source, TTarget target, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            if (target is null) throw new ArgumentNullException(nameof(target));
            DbSession.RequireSaved(Source, source, Name, "create");
            var sourceKey = Source.GetKey(source);
            var previousNavigation = _getNavigation(source);
            await db.RunAsync(Source.Name, Name, sourceKey, "create", async c =>
            {
                await db.InsertAsync(target, c).ConfigureAwait(false);
                await WriteForeignKeyAsync(db, source, TargetKey(target), sourceKey, "create", c).ConfigureAwait(false);
                return 0;
            }, atomic: true, ct).ConfigureAwait(false);
            db.RecordUndo(() => _setNavigation(source, previousNavigation));
            _setNavigation(source, target);
            return target;
        }

        /// <summary>Saves the foreign-key column only, with the source's update hooks around it; the property follows.</summary>
        private async Task WriteForeignKeyAsync(DbSession db, TSource source, object? value, object? sourceKey, string operation, CancellationToken c)
        {
            var previous = _getForeignKey(source);
            db.SetTracked(source, _getForeignKey, _setForeignKey, value);
            try
            {
                if (source is IBeforeUpdate before) await before.OnBeforeUpdateAsync(db, c).ConfigureAwait(false);
                var affected = await db.ExecuteAsync(Sql.SetForeignKey.For(db.Dialect.Kind), new object?[] { value, sourceKey }, c).ConfigureAwait(false);
                if (affected == 0)
                    throw new AssociationException($"Cannot {operation} {Qualified}: no {Source.Name} has key {sourceKey}.", Source.Name, Name, sourceKey);
                await db.TouchRowAsync(Source, source, c).ConfigureAwait(false);
                if (source is IAfterUpdate after) await after.OnAfterUpdateAsync(db, c).ConfigureAwait(false);
            }
            catch
            {
                _setForeignKey(source, previous);
                throw;
            }
        }

        // ------------------------------------------------------------------ graph insert

        /// <inheritdoc />
        public override bool HasLoaded(TSource source) => _getNavigation(source) is not null;

        /// <summary>A new target is inserted first (with its own graph); the source's foreign key then points at it.</summary>
        public override async Task SaveBeforeAsync(DbSession db, TSource source, CancellationToken ct)
        {
            if (_getNavigation(source) is not TTarget target) return;
            if (Target.IsUnsaved(target)) await db.InsertAsync(target, ct).ConfigureAwait(false);
            db.SetTracked(source, _getForeignKey, _setForeignKey, KeyOf(target, "save"));
        }
    }
}
