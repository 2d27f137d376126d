using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;

namespace Associations.Internal
{
    /// <summary>The statements of a BelongsToMany association, per dialect. <c>@p0</c> is always the source key.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class JunctionSql
    {
        /// <summary>Holds the statements.</summary>
        public JunctionSql(SqlText select, SqlText count, SqlText countKeys, SqlText existingKeys, SqlText insertIgnore, SqlText insertUpdate,
            SqlText deleteKeys, SqlText deleteOthers, SqlText lockSourceAndCountTargets, SqlText? insertPairs,
            string targetAlias, string junctionAlias)
        {
            LockSourceAndCountTargets = lockSourceAndCountTargets;
            InsertPairs = insertPairs;
            Select = select;
            Count = count;
            CountKeys = countKeys;
            ExistingKeys = existingKeys;
            InsertIgnore = insertIgnore;
            InsertUpdate = insertUpdate;
            DeleteKeys = deleteKeys;
            DeleteOthers = deleteOthers;
            TargetAlias = targetAlias;
            JunctionAlias = junctionAlias;
        }

        /// <summary>Targets joined with their junction rows, for source @p0.</summary>
        public SqlText Select { get; }

        /// <summary>How many targets source @p0 has.</summary>
        public SqlText Count { get; }

        /// <summary>How many of the target keys in @p1 are linked to @p0.</summary>
        public SqlText CountKeys { get; }

        /// <summary>Which of the target keys in @p0 exist.</summary>
        public SqlText ExistingKeys { get; }

        /// <summary>Inserts one junction row (the junction's insert columns); an existing pair is left alone.</summary>
        public SqlText InsertIgnore { get; }

        /// <summary>Inserts one junction row; an existing pair gets the new payload.</summary>
        public SqlText InsertUpdate { get; }

        /// <summary>Deletes the junction rows of @p0 whose target key is in @p1.</summary>
        public SqlText DeleteKeys { get; }

        /// <summary>Deletes the junction rows of @p0 whose target key is not in @p1.</summary>
        public SqlText DeleteOthers { get; }

        /// <summary>Reads (PostgreSQL: locks) source @p0 and counts the targets whose keys are in @p1; no row when the source is missing.</summary>
        public SqlText LockSourceAndCountTargets { get; }

        /// <summary>Links @p0 to every target key in @p1 in one statement (linked pairs are left alone); null when the junction has
        /// more than the two keys, a generated key or an association scope, or its pairs are not unique.</summary>
        public SqlText? InsertPairs { get; }

        /// <summary>The alias of the target table in <see cref="Select"/>.</summary>
        public string TargetAlias { get; }

        /// <summary>The alias of the junction table in <see cref="Select"/>.</summary>
        public string JunctionAlias { get; }
    }

    /// <summary>
    /// BelongsToMany: rows of a junction model link sources and targets. Adding is insert-or-ignore
    /// (insert-or-update with a payload), so concurrent adds of one pair leave one row and never fail.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class BelongsToManyAssociation<TSource, TTarget, TJunction> : Association<TSource, TTarget>
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
        where TJunction : class, IModel<TJunction>
    {
        private readonly Func<TSource, object?> _sourceKey;
        private readonly Func<TJunction?, object, object, TJunction> _junctionRow;
        private readonly Func<TTarget, TJunction?> _getJunction;
        private readonly Action<TTarget, TJunction?> _setJunction;
        private readonly Stitch<TSource, TTarget> _stitch;
        private readonly Action<TJunction, TTarget> _completeJunction;
        private readonly Func<TJunction, object?> _junctionSourceKey;
        private readonly Func<TSource, object?> _getNavigation;
        private readonly Action<TSource, object?> _setNavigation;
        private readonly Lazy<JunctionLifecycle<TJunction>?> _lifecycle;

        /// <summary>Creates the association (generated code).</summary>
        public BelongsToManyAssociation(
            string name,
            Func<TSource, object?> sourceKey,
            string sourceKeyProperty,
            Func<TTarget, object?> targetKey,
            IColumn targetKeyColumn,
            IColumn junctionSourceColumn,
            IColumn junctionTargetColumn,
            Func<TJunction?, object, object, TJunction> junctionRow,
            Func<TTarget, TJunction?> getJunction,
            Action<TTarget, TJunction?> setJunction,
            bool unique,
            JunctionSql sql,
            IColumn sourceKeyColumn,
            Func<TJunction, object?> junctionSourceKey,
            Stitch<TSource, TTarget> stitch,
            Action<TJunction, TTarget> completeJunction,
            Func<TSource, object?> getNavigation,
            Action<TSource, object?> setNavigation,
            Condition<TJunction>? junctionScope = null)
            : base(name, AssociationKind.BelongsToMany, targetKey, targetKeyColumn)
        {
            JunctionScope = junctionScope;
            SourceKeyColumn = sourceKeyColumn;
            _stitch = stitch;
            _completeJunction = completeJunction;
            _junctionSourceKey = junctionSourceKey;
            _getNavigation = getNavigation;
            _setNavigation = setNavigation;
            _sourceKey = sourceKey;
            SourceKeyProperty = sourceKeyProperty;
            JunctionSourceColumn = junctionSourceColumn;
            JunctionTargetColumn = junctionTargetColumn;
            _junctionRow = junctionRow;
            _getJunction = getJunction;
            _setJunction = setJunction;
            Unique = unique;
            Sql = sql;
            // Lazily: the junction's metadata may not be initialized yet while the generated associations are.
            _lifecycle = new Lazy<JunctionLifecycle<TJunction>?>(
                () => JunctionLifecycle<TJunction>.For(Junction, junctionSourceColumn, junctionTargetColumn, junctionScope, unique));
        }

        /// <summary>The junction's lifecycle columns at work (<c>[Paranoid]</c>, <c>[Timestamps]</c>), or null.</summary>
        private JunctionLifecycle<TJunction>? Lifecycle => _lifecycle.Value;

        /// <summary>Whether links are soft-deleted (a <c>[Paranoid]</c> junction): the generated statements do not know, so reads
        /// go through composed queries and writes through <see cref="JunctionLifecycle{TJunction}"/>.</summary>
        private bool ParanoidLinks => Lifecycle?.Paranoid == true;

        /// <summary>The property of the source the junction references.</summary>
        public string SourceKeyProperty { get; }

        /// <summary>The association scope, on junction columns: reads see only matching junction rows; adds write it.</summary>
        public Condition<TJunction>? JunctionScope { get; }

        /// <summary>What a read asks of junction rows: the <c>through</c> filter, the association scope, and — for a
        /// <c>[Paranoid]</c> junction — live links only, unless <c>through</c> says <c>WithDeleted()</c>.</summary>
        private Condition<TJunction>? JunctionFilter(Func<Query<TJunction>, Query<TJunction>>? through)
        {
            var query = through?.Invoke(new Query<TJunction>(null, Junction));
            var filter = And(query?.Filter, JunctionScope);
            return query?.IsWithDeleted == true ? filter : And(filter, Lifecycle?.LiveLinks);
        }

        private static Condition<TJunction>? And(Condition<TJunction>? a, Condition<TJunction>? b) => a is null ? b : b is null ? a : a & b;

        /// <summary>The source column the junction references.</summary>
        public IColumn SourceKeyColumn { get; }

        /// <summary>An include of this association; <paramref name="through"/> filters on junction columns.</summary>
        public Include<TSource> Include(Func<Query<TTarget>, Query<TTarget>>? configure, Func<Query<TJunction>, Query<TJunction>>? through)
        {
            var child = new Query<TTarget>(null, Target);
            if (configure is not null) child = configure(child);
            var junctionFilter = JunctionFilter(through);
            var junction = Junction;
            var setJunction = _setJunction;
            var completeJunction = _completeJunction;
            return new IncludeNode<TSource, TTarget>(Name, toOne: false, child,
                new IncludeLink(SourceKeyColumn.Name, JunctionSourceColumn.Name, SourceKeyColumn.Type, junction, JunctionTargetColumn.Name, TargetKeyColumn.Name),
                _stitch, _getNavigation, _setNavigation,
                addJunction: (plan, alias, select) => plan.AddModel(junction, alias, select, out _, skip: JunctionTargetColumn.Name),
                setJunction: (target, row) =>
                {
                    // The junction's target key is not read (it equals the target's): copy it over.
                    var junctionRow = (TJunction)row!;
                    completeJunction(junctionRow, target);
                    setJunction(target, junctionRow);
                },
                junctionFilter: junctionFilter);
        }

        /// <summary>The junction column referencing the source.</summary>
        public IColumn JunctionSourceColumn { get; }

        /// <summary>The junction column referencing the target.</summary>
        public IColumn JunctionTargetColumn { get; }

        /// <summary>Whether a pair may be linked once only.</summary>
        public bool Unique { get; }

        /// <summary>The statements, per dialect.</summary>
        public JunctionSql Sql { get; }

        private static ModelMetadata<TJunction> Junction => TJunction.Metadata;

        private object SourceKeyOf(TSource source, string operation) => SourceKeyOf(source, _sourceKey, SourceKeyProperty, operation);

        // ------------------------------------------------------------------ reads

        /// <summary>The targets of <paramref name="source"/>, each carrying its junction row.</summary>
        public Task<List<TTarget>> GetAsync(DbSession db, TSource source, Func<Query<TTarget>, Query<TTarget>>? query,
            Func<Query<TJunction>, Query<TJunction>>? through, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "get");
            return db.RunAsync(Source.Name, Name, key, "get", async c =>
            {
                if (query is null && through is null && !Target.NeedsScope && !ParanoidLinks)
                {
                    return await db.ReadAsync(Sql.Select.For(db.Dialect.Kind), new object?[] { key }, reader =>
                    {
                        var target = Target.Read(reader, 0);
                        _setJunction(target, Junction.Read(reader, Target.Columns.Count));
                        return target;
                    }, c).ConfigureAwait(false);
                }
                var targetQuery = Scoped(query);
                var plan = new SelectPlan(db.Dialect);
                var readTarget = plan.AddModel(Target, Sql.TargetAlias, targetQuery.Selected, out _);
                var readJunction = plan.AddModel(Junction, Sql.JunctionAlias, targetQuery.ThroughSelected, out _);
                var readers = targetQuery.PlanJoins(plan, Sql.TargetAlias, countOnly: false);
                var sql = new StringBuilder("SELECT ").Append(plan.ColumnList(aliased: false));
                AppendJoinedFrom(plan, sql, key, targetQuery, through);
                AppendOrderAndLimit(plan, sql, targetQuery);
                var rows = await db.ReadAsync(sql.ToString(), plan.Parameters, reader =>
                {
                    var target = readTarget(reader);
                    _setJunction(target, readJunction(reader));
                    foreach (var read in readers) read(reader, target);
                    return target;
                }, c).ConfigureAwait(false);
                await targetQuery.LoadIncludesAsync(db, rows, joined: true, c).ConfigureAwait(false);
                return rows;
            }, atomic: false, ct);
        }

        /// <summary>How many targets <paramref name="source"/> has (matching the filters, when given).</summary>
        public Task<int> CountAsync(DbSession db, TSource source, Func<Query<TTarget>, Query<TTarget>>? query,
            Func<Query<TJunction>, Query<TJunction>>? through, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "count");
            if (query is null && through is null && !Target.NeedsScope && !ParanoidLinks)
                return db.RunAsync(Source.Name, Name, key, "count",
                    c => db.CountAsync(Sql.Count.For(db.Dialect.Kind), new object?[] { key }, c), atomic: false, ct);
            var targetQuery = Scoped(query);
            var plan = new SelectPlan(db.Dialect);
            targetQuery.PlanJoins(plan, Sql.TargetAlias, countOnly: true);
            var sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT 1 AS ").Append(db.Dialect.Quote("x"));
            AppendJoinedFrom(plan, sql, key, targetQuery, through);
            AppendOrderAndLimit(plan, sql, targetQuery);
            sql.Append(") AS ").Append(db.Dialect.Quote("n"));
            return db.RunAsync(Source.Name, Name, key, "count", c => db.CountAsync(sql.ToString(), plan.Parameters, c), atomic: false, ct);
        }

        private Query<TTarget> Scoped(Func<Query<TTarget>, Query<TTarget>>? query) =>
            (query?.Invoke(new Query<TTarget>(null, Target)) ?? new Query<TTarget>(null, Target)).Scoped();

        /// <summary><c> FROM target t JOIN junction j … WHERE j.source = @key AND …</c></summary>
        private void AppendJoinedFrom(SelectPlan plan, StringBuilder sql, object key, Query<TTarget> targetQuery, Func<Query<TJunction>, Query<TJunction>>? through)
        {
            var d = plan.Dialect;
            var t = Sql.TargetAlias;
            var j = Sql.JunctionAlias;
            sql.Append(" FROM ").Append(d.QuoteTable(Target)).Append(" AS ").Append(d.Quote(t))
                .Append(" INNER JOIN ").Append(d.QuoteTable(Junction)).Append(" AS ").Append(d.Quote(j))
                .Append(" ON ").Append(plan.Column(j, JunctionTargetColumn.Name)).Append(" = ").Append(plan.Column(t, TargetKeyColumn.Name))
                .Append(plan.Joins);
            var where = plan.Writer(null);
            where.Append(" WHERE ").Append(plan.Column(j, JunctionSourceColumn.Name)).Append(" = ").Parameter(key);
            var junctionFilter = JunctionFilter(through);
            if (junctionFilter is not null)
            {
                where.Alias = j;
                where.Append(" AND ");
                junctionFilter.WriteTo(where);
            }
            sql.Append(where.Sql);
            foreach (var condition in targetQuery.Conditions(plan, t)) sql.Append(" AND ").Append(condition);
        }

        private void AppendOrderAndLimit(SelectPlan plan, StringBuilder sql, Query<TTarget> targetQuery)
        {
            for (var i = 0; i < targetQuery.Orders.Count; i++)
            {
                sql.Append(i == 0 ? " ORDER BY " : ", ").Append(targetQuery.Orders[i].Sql(plan, Sql.TargetAlias));
            }
            plan.Dialect.AppendLimit(sql, targetQuery.LimitValue, targetQuery.OffsetValue);
        }

        /// <summary>Whether every target given is linked to <paramref name="source"/>.</summary>
        public async Task<bool> HasAsync(DbSession db, TSource source, IEnumerable<TTarget>? targets, IEnumerable<object>? keys, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "check");
            var list = Keys(targets, keys, "check");
            if (list.Count == 0) return true;
            var targetKeys = db.Dialect.KeyListValue(list, TargetKeyColumn.Type);
            var count = await db.RunAsync(Source.Name, Name, key, "check",
                async c => ParanoidLinks
                    ? (await LinkedKeysAsync(db, key, targetKeys, c).ConfigureAwait(false)).Count
                    : await db.CountAsync(Sql.CountKeys.For(db.Dialect.Kind), new object?[] { key, targetKeys }, c).ConfigureAwait(false),
                atomic: false, ct).ConfigureAwait(false);
            if (count != list.Count || !Target.NeedsScope) return count == list.Count;
            // The target's default scope or [Paranoid] hides some rows: each must also be visible.
            var visible = await db.RunAsync(Source.Name, Name, key, "check",
                new Query<TTarget>(db, Target).Where(Conditions.InList<TTarget>(TargetKeyColumn, list)).CountAsync, atomic: false, ct).ConfigureAwait(false);
            return visible == list.Count;
        }

        // ------------------------------------------------------------------ writes

        /// <summary>Links the targets; a linked pair is left alone, or gets the payload when there is one: a target's junction row
        /// built in code (its source key not set), else <paramref name="through"/>.</summary>
        public async Task AddAsync(DbSession db, TSource source, IEnumerable<TTarget>? targets, IEnumerable<object>? keys, TJunction? through, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "add to");
            var rows = Rows(targets, keys, through, key, sourcesOwnRows: false, "add to");
            if (rows.Count == 0) return;
            await db.RunAsync(Source.Name, Name, key, "add to", async c =>
            {
                var targetKeys = db.Dialect.KeyListValue(rows.ConvertAll(r => r.Key), TargetKeyColumn.Type);
                await RequireTargetsAsync(db, key, rows, targetKeys, "add to", c).ConfigureAwait(false);
                if (PairsOnly(through)) await InsertPairsAsync(db, key, rows, targetKeys, c).ConfigureAwait(false);
                else await InsertAsync(db, key, rows, c).ConfigureAwait(false);
                return 0;
            }, atomic: true, ct).ConfigureAwait(false);
        }

        /// <summary>Makes the linked targets exactly the given ones, atomically.</summary>
        public async Task SetAsync(DbSession db, TSource source, IEnumerable<TTarget>? targets, IEnumerable<object>? keys, TJunction? through, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "set");
            var rows = Rows(targets, keys, through, key, sourcesOwnRows: true, "set");
            await db.RunAsync(Source.Name, Name, key, "set", async c =>
            {
                var keep = rows.ConvertAll(r => r.Key);
                var targetKeys = db.Dialect.KeyListValue(keep, TargetKeyColumn.Type);
                // One statement locks the source and checks that every target exists.
                var counted = await db.QueryValuesAsync(Sql.LockSourceAndCountTargets.For(db.Dialect.Kind), new object?[] { key, targetKeys }, c).ConfigureAwait(false);
                if (counted.Count == 0) throw NoSource(key, SourceKeyProperty, "set");
                if (Convert.ToInt64(counted[0], CultureInfo.InvariantCulture) != keep.Count)
                    await ThrowMissingAsync(db, Sql.ExistingKeys, keep, key, "set", c).ConfigureAwait(false);
                if (HookInfo<TJunction>.Delete)
                    await DeleteJunctionRowsAsync(db, key, !Conditions.InList<TJunction>(JunctionTargetColumn, keep), c).ConfigureAwait(false);
                else if (ParanoidLinks)
                    await Lifecycle!.SoftDeleteAsync(db, key, targetKeys, others: true, c).ConfigureAwait(false);
                else
                    await db.ExecuteAsync(Sql.DeleteOthers.For(db.Dialect.Kind), new object?[] { key, targetKeys }, c).ConfigureAwait(false);
                if (PairsOnly(through))
                {
                    await InsertPairsAsync(db, key, rows, targetKeys, c).ConfigureAwait(false);
                }
                else
                {
                    // Pairs that may repeat (Unique = false): a set links what is not linked yet, and leaves linked pairs alone.
                    var toLink = rows;
                    if (!Unique && rows.Count > 0)
                    {
                        var linked = await LinkedKeysAsync(db, key, targetKeys, c).ConfigureAwait(false);
                        toLink = rows.FindAll(r => !linked.Contains(Normalize(r.Key)));
                    }
                    await InsertAsync(db, key, toLink, c).ConfigureAwait(false);
                }
                return 0;
            }, atomic: true, ct).ConfigureAwait(false);
        }

        /// <summary>Which of the target keys in <paramref name="targetKeys"/> are linked to <paramref name="key"/> (normalized; live links only).</summary>
        private async Task<HashSet<string>> LinkedKeysAsync(DbSession db, object key, object targetKeys, CancellationToken c)
        {
            var d = db.Dialect;
            var w = new SqlWriter(d);
            w.Append("SELECT ").Column(JunctionTargetColumn.Name).Append(" FROM ").Append(d.QuoteTable(Junction))
                .Append(" WHERE ").Column(JunctionSourceColumn.Name).Append(" = ").Parameter(key)
                .Append(" AND ").Append(d.InKeyList(d.Quote(JunctionTargetColumn.Name), w.AddParameter(targetKeys)));
            if (JunctionFilter(null) is { } filter)
            {
                w.Append(" AND ");
                filter.WriteTo(w);
            }
            var found = await db.QueryValuesAsync(w.ToString(), w.Parameters, c).ConfigureAwait(false);
            return new HashSet<string>(found.Select(Normalize), StringComparer.Ordinal);
        }

        /// <summary>Unlinks the targets (deletes their junction rows).</summary>
        public async Task RemoveAsync(DbSession db, TSource source, IEnumerable<TTarget>? targets, IEnumerable<object>? keys, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            var key = SourceKeyOf(source, "remove from");
            var instances = targets?.ToList();
            var list = Keys(instances, keys, "remove from");
            if (list.Count == 0) return;
            await db.RunAsync(Source.Name, Name, key, "remove from", async c =>
            {
                if (HookInfo<TJunction>.Delete)
                    await DeleteJunctionRowsAsync(db, key, Conditions.InList<TJunction>(JunctionTargetColumn, list), c).ConfigureAwait(false);
                else if (ParanoidLinks)
                    await Lifecycle!.SoftDeleteAsync(db, key, db.Dialect.KeyListValue(list, TargetKeyColumn.Type), others: false, c).ConfigureAwait(false);
                else
                    await db.ExecuteAsync(Sql.DeleteKeys.For(db.Dialect.Kind),
                        new object?[] { key, db.Dialect.KeyListValue(list, TargetKeyColumn.Type) }, c).ConfigureAwait(false);
                var found = await db.QueryValuesAsync(Sql.ExistingKeys.For(db.Dialect.Kind),
                    new object?[] { db.Dialect.KeyListValue(list, TargetKeyColumn.Type) }, c).ConfigureAwait(false);
                if (found.Count != list.Count) await ThrowMissingAsync(db, Sql.ExistingKeys, list, key, "remove from", c).ConfigureAwait(false);
                return 0;
            }, atomic: true, ct).ConfigureAwait(false);
            if (instances is not null) foreach (var t in instances) SetJunction(db, t, null);
        }

        /// <summary>Inserts <paramref name="target"/> and links it, in one transaction.</summary>
        public async Task<TTarget> CreateAsync(DbSession db, TSource source, TTarget target, TJunction? through, CancellationToken ct)
        {
            if (db is null) throw new ArgumentNullException(nameof(db));
            if (target is null) throw new ArgumentNullException(nameof(target));
            var key = SourceKeyOf(source, "create in");
            await db.RunAsync(Source.Name, Name, key, "create in", async c =>
            {
                await db.InsertAsync(target, c).ConfigureAwait(false);
                await InsertAsync(db, key, Rows(new[] { target }, null, through, key, sourcesOwnRows: false, "create in"), c).ConfigureAwait(false);
                return 0;
            }, atomic: true, ct).ConfigureAwait(false);
            return target;
        }

        /// <summary>Sets a target's junction row, recording how to put the previous one back.</summary>
        private void SetJunction(DbSession db, TTarget target, TJunction? value)
        {
            var previous = _getJunction(target);
            _setJunction(target, value);
            db.RecordUndo(() => _setJunction(target, previous));
        }

        private sealed class Row
        {
            public Row(TTarget? target, object key, TJunction? payload)
            {
                Target = target;
                Key = key;
                Payload = payload;
            }

            public TTarget? Target { get; }

            public object Key { get; }

            public TJunction? Payload { get; }
        }

        /// <summary>The pairs to link, each with its payload: a target's own junction row when it is one (built in code, or — with
        /// <paramref name="sourcesOwnRows"/>, for Set — read or linked through this source), else <paramref name="through"/>.</summary>
        private List<Row> Rows(IEnumerable<TTarget>? targets, IEnumerable<object>? keys, TJunction? through, object sourceKey, bool sourcesOwnRows, string operation)
        {
            var rows = new List<Row>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (targets is not null)
            {
                foreach (var target in targets)
                {
                    if (target is null) throw new ArgumentNullException(nameof(targets), "A list of instances cannot contain null.");
                    var key = KeyOf(target, operation);
                    if (!seen.Add(Normalize(key))) continue;
                    // A target's own junction row is its payload, `through` the default (as Sequelize merges a target's through
                    // attributes over options.through). A junction row of another source (the target was read or linked through it)
                    // is that source's payload, not this one's; one of this source is a payload for Set only, so that re-adding a
                    // linked target stays a no-op and a `through` given to Add is not overridden by the row an earlier Add left.
                    var own = _getJunction(target);
                    if (own is not null && _junctionSourceKey(own) is { } ownSource && !IsUnset(ownSource) && !(sourcesOwnRows && SameKey(ownSource, sourceKey)))
                        own = null;
                    rows.Add(new Row(target, key, own ?? through));
                }
                return rows;
            }
            foreach (var key in Distinct(keys ?? throw new ArgumentNullException(nameof(keys))))
                if (seen.Add(Normalize(key))) rows.Add(new Row(null, key, through));
            return rows;
        }

        private List<object> Keys(IEnumerable<TTarget>? targets, IEnumerable<object>? keys, string operation) =>
            targets is not null
                ? Distinct(targets.Select(t => KeyOf(t ?? throw new ArgumentNullException(nameof(targets), "A list of instances cannot contain null."), operation)))
                : Distinct(keys ?? throw new ArgumentNullException(nameof(keys)));

        private async Task RequireTargetsAsync(DbSession db, object key, List<Row> rows, object targetKeys, string operation, CancellationToken c)
        {
            var found = await db.QueryValuesAsync(Sql.ExistingKeys.For(db.Dialect.Kind), new object?[] { targetKeys }, c).ConfigureAwait(false);
            if (found.Count != rows.Count) await ThrowMissingAsync(db, Sql.ExistingKeys, rows.ConvertAll(r => r.Key), key, operation, c).ConfigureAwait(false);
        }

        /// <summary>A key property left at its default (a junction row built in code, not yet linked).</summary>
        private static bool IsUnset(object key) => key switch
        {
            int i => i == 0,
            long l => l == 0,
            short s => s == 0,
            Guid g => g == Guid.Empty,
            string s => s.Length == 0,
            _ => false,
        };

        /// <summary>Whether every pair can go in one INSERT … SELECT: a junction of the two keys only (no lifecycle columns), no insert
        /// hooks, no payload given.</summary>
        private bool PairsOnly(TJunction? through) => Sql.InsertPairs is not null && through is null && !HookInfo<TJunction>.Insert && Lifecycle is null;

        /// <summary>Links <paramref name="key"/> to every target in one statement; the target instances get their junction rows.</summary>
        private async Task InsertPairsAsync(DbSession db, object key, List<Row> rows, object targetKeys, CancellationToken c)
        {
            if (rows.Count == 0) return;
            await db.ExecuteAsync(Sql.InsertPairs!.For(db.Dialect.Kind), new object?[] { key, targetKeys }, c).ConfigureAwait(false);
            foreach (var row in rows)
                if (row.Target is not null) SetJunction(db, row.Target, _junctionRow(null, key, row.Key));
        }

        /// <summary>Deletes junction rows one by one so that the junction model's delete hooks run (a <c>[Paranoid]</c> junction's live
        /// rows are soft-deleted: <see cref="DbSession.DeleteAsync{T}(T, CancellationToken)"/> does that).</summary>
        private async Task DeleteJunctionRowsAsync(DbSession db, object key, Condition<TJunction> which, CancellationToken c)
        {
            var rows = await new Query<TJunction>(db, Junction).Unscoped()
                .Where(JunctionScope is null ? Conditions.Equal<TJunction>(JunctionSourceColumn, key) & which : Conditions.Equal<TJunction>(JunctionSourceColumn, key) & which & JunctionScope)
                .ToListAsync(c).ConfigureAwait(false);
            foreach (var row in rows) await db.DeleteAsync(row, c).ConfigureAwait(false);
        }

        /// <summary>Inserts (or ignores, or updates the payload of) one junction row per target; junction hooks run around each.</summary>
        private async Task InsertAsync(DbSession db, object key, List<Row> rows, CancellationToken c)
        {
            var junction = Junction;
            foreach (var row in rows)
            {
                var entity = _junctionRow(row.Payload, key, row.Key);
                Lifecycle?.Prepare(entity);
                var sql = Lifecycle?.Insert(db.Dialect, payload: row.Payload is not null)
                    ?? (row.Payload is null ? Sql.InsertIgnore : Sql.InsertUpdate).For(db.Dialect.Kind);
                if (entity is IBeforeInsert before) await before.OnBeforeInsertAsync(db, c).ConfigureAwait(false);
                var values = junction.GetInsertValues(entity);
                bool written;
                if (junction.KeyGenerated)
                {
                    var generated = await db.ScalarAsync(sql, values, c).ConfigureAwait(false);
                    if (generated is not null) junction.SetGeneratedKey(entity, generated);
                    written = generated is not null;
                }
                else
                {
                    written = await db.ExecuteAsync(sql, values, c).ConfigureAwait(false) > 0;
                }
                if (written && entity is IAfterInsert after) await after.OnAfterInsertAsync(db, c).ConfigureAwait(false);
                if (row.Target is not null) SetJunction(db, row.Target, entity);
            }
        }

        // ------------------------------------------------------------------ graph insert

        /// <inheritdoc />
        public override bool HasLoaded(TSource source) => _getNavigation(source) is not null;

        /// <summary>New targets are inserted; every target is linked, its own junction row (built in code) as the payload.</summary>
        public override async Task SaveAfterAsync(DbSession db, TSource source, CancellationToken ct)
        {
            var targets = Loaded(_getNavigation(source)).ToList();
            if (targets.Count == 0) return;
            foreach (var target in targets)
                if (Target.IsUnsaved(target)) await db.InsertAsync(target, ct).ConfigureAwait(false);
            await AddAsync(db, source, targets, null, null, ct).ConfigureAwait(false);
        }
    }
}
