using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Data.Common;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;

namespace Associations.Internal
{
    /// <summary>
    /// One SELECT being planned: its column list (in reader order), its JOINs and its parameters. To-one
    /// includes add their columns and a JOIN here; the generated readers then read each part by ordinal.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class SelectPlan
    {
        private int _aliases;

        internal SelectPlan(Dialect dialect, List<object?>? parameters = null, string aliasPrefix = "")
        {
            Dialect = dialect;
            Parameters = parameters ?? new List<object?>();
            AliasPrefix = aliasPrefix;
        }

        /// <summary>What this plan's aliases start with: a sub-query nested in another gets a longer prefix, so its aliases
        /// never shadow the ones of the statements around it.</summary>
        public string AliasPrefix { get; }

        /// <summary>The dialect.</summary>
        public Dialect Dialect { get; }

        /// <summary>The parameters of the whole statement.</summary>
        public List<object?> Parameters { get; }

        /// <summary>Selected column expressions, in reader order.</summary>
        public List<string> Columns { get; } = new List<string>();

        /// <summary>The JOIN clauses.</summary>
        public StringBuilder Joins { get; } = new StringBuilder();

        /// <summary>A fresh table alias.</summary>
        public string NextAlias() => AliasPrefix + "t" + (++_aliases).ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Selects every column of <paramref name="model"/> under <paramref name="alias"/>; returns the first ordinal.</summary>
        public int AddColumns(ModelMetadata model, string alias)
        {
            var offset = Columns.Count;
            var quoted = Dialect.Quote(alias) + ".";
            foreach (var column in model.Columns) Columns.Add(quoted + Dialect.Quote(column.Name));
            return offset;
        }

        /// <summary>
        /// Selects the columns of <paramref name="model"/> under <paramref name="alias"/> — all of them, or the keys, foreign keys,
        /// <paramref name="alsoRead"/> and <paramref name="select"/>, never <paramref name="skip"/> — and returns the reader of that part of a row.
        /// </summary>
        public Func<DbDataReader, T> AddModel<T>(ModelMetadata<T> model, string alias, IReadOnlyList<IColumn>? select, out int keyOrdinal,
            string? alsoRead = null, string? skip = null) where T : class
        {
            var keyIndex = 0;
            for (var i = 0; i < model.Columns.Count; i++)
                if (model.Columns[i].IsKey) { keyIndex = i; break; }
            if (select is null && skip is null)
            {
                var offset = AddColumns(model, alias);
                keyOrdinal = offset + keyIndex;
                return reader => model.Read(reader, offset);
            }
            var ordinals = new int[model.Columns.Count];
            var quoted = Dialect.Quote(alias) + ".";
            for (var i = 0; i < model.Columns.Count; i++)
            {
                var column = model.Columns[i];
                var wanted = select is null || model.AlwaysRead(column) || column.Name == alsoRead;
                for (var j = 0; !wanted && j < select!.Count; j++) wanted = select[j].Name == column.Name;
                if (column.Name == skip) wanted = false;
                ordinals[i] = wanted ? Columns.Count : -1;
                if (wanted) Columns.Add(quoted + Dialect.Quote(column.Name));
            }
            keyOrdinal = ordinals[keyIndex];
            return reader => model.ReadPartial(reader, ordinals);
        }

        /// <summary>A writer appending to nothing but sharing this plan's parameters.</summary>
        public SqlWriter Writer(string? alias) => new SqlWriter(Dialect, Parameters) { Alias = alias, AliasPrefix = AliasPrefix };

        /// <summary>The column list; with <paramref name="aliased"/> each column is named <c>c0</c>, <c>c1</c>… (for a subquery).</summary>
        public string ColumnList(bool aliased) => aliased
            ? string.Join(", ", Columns.Select((c, i) => c + " AS " + Dialect.Quote("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            : string.Join(", ", Columns);

        /// <summary><c>"alias"."column"</c>.</summary>
        public string Column(string alias, string column) => Dialect.Quote(alias) + "." + Dialect.Quote(column);
    }

    /// <summary>
    /// How a to-many level finds its parents' rows without a key list: the parent query itself as a sub-select
    /// of <paramref name="parentColumn"/>, written into <paramref name="plan"/> (sharing its parameters); null
    /// when the parents are every row of their table.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public delegate string? ParentSelect(SelectPlan plan, string parentColumn);

    /// <summary>
    /// An include of a query of <typeparamref name="TParent"/> (generated <c>Include{Alias}</c> builders create them).
    /// To-one includes join into the parent's statement; to-many includes load in one statement per level,
    /// keyed on the parents' keys.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class Include<TParent> where TParent : class
    {
        /// <summary>The association's name.</summary>
        public abstract string Name { get; }

        /// <summary>HasOne / BelongsTo.</summary>
        public abstract bool IsToOne { get; }

        /// <summary>Whether parents need a match.</summary>
        public abstract bool IsRequired { get; }

        /// <summary>Adds the JOIN (and nested to-one JOINs) to <paramref name="plan"/>; returns the row reader that fills the navigation.</summary>
        public abstract Action<DbDataReader, TParent> PlanJoin(SelectPlan plan, string parentAlias, bool countOnly);

        /// <summary>Loads what the include needs beyond the parent's statement (<paramref name="joined"/>: to-one rows came with it;
        /// <paramref name="parents"/> are found by <paramref name="parentSelect"/> when given, else by a list of their keys).</summary>
        public abstract Task LoadAsync(DbSession db, IReadOnlyList<TParent> parents, bool joined, ParentSelect? parentSelect, CancellationToken ct);

        /// <summary>Writes <c>EXISTS (…)</c> for a required to-many include into the parent's WHERE.</summary>
        public abstract void WriteExists(SelectPlan plan, StringBuilder sql, string parentAlias);

        /// <summary>Writes <c>(SELECT select FROM … WHERE …matching the parent…)</c>, the associated rows of one parent row as a
        /// correlated sub-query (<c>WhereHas</c>, <c>WithCount</c>, <c>OrderBy</c> of a to-one association).</summary>
        internal abstract void WriteCorrelated(SelectPlan plan, StringBuilder sql, string parentAlias, Func<string, string> select, bool limitOne);

        /// <summary>Whether this include needs statements of its own (a to-many level here or below a to-one), so it cannot come
        /// with the parent's statement alone (as <c>AsAsyncEnumerable</c> needs).</summary>
        public virtual bool NeedsMoreStatements => !IsToOne;
    }

    /// <summary>How an include finds its rows: which column of which table holds the parent's key.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class IncludeLink
    {
        /// <summary>Describes the link.</summary>
        public IncludeLink(string parentColumn, string childColumn, ColumnType keyType, ModelMetadata? junction = null, string? junctionTargetColumn = null, string? targetKeyColumn = null)
        {
            ParentColumn = parentColumn;
            ChildColumn = childColumn;
            KeyType = keyType;
            Junction = junction;
            JunctionTargetColumn = junctionTargetColumn;
            TargetKeyColumn = targetKeyColumn;
        }

        /// <summary>The parent column the key comes from.</summary>
        public string ParentColumn { get; }

        /// <summary>The column holding the parent's key: on the child, or on the junction.</summary>
        public string ChildColumn { get; }

        /// <summary>The key's storage type.</summary>
        public ColumnType KeyType { get; }

        /// <summary>BelongsToMany: the junction joined between parent and child.</summary>
        public ModelMetadata? Junction { get; }

        /// <summary>BelongsToMany: the junction column referencing the child.</summary>
        public string? JunctionTargetColumn { get; }

        /// <summary>BelongsToMany: the child column the junction references.</summary>
        public string? TargetKeyColumn { get; }
    }

    /// <summary>The include machinery shared by every association kind.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class IncludeNode<TParent, TChild> : Include<TParent>, IIncludeOrder
        where TParent : class
        where TChild : class
    {
        private readonly Query<TChild> _child;
        private readonly IncludeLink _link;
        private readonly bool _toOne;
        private readonly Stitch<TParent, TChild> _stitch;
        private readonly Action<TParent, object?> _setNavigation;
        private readonly Func<TParent, object?> _getNavigation;
        private readonly Func<SelectPlan, string, IReadOnlyList<IColumn>?, Func<DbDataReader, object>>? _addJunction;
        private readonly Action<TChild, object?>? _setJunction;
        private readonly ISqlCondition? _junctionFilter;

        /// <summary>Creates the include (association objects do this).</summary>
        public IncludeNode(
            string name,
            bool toOne,
            Query<TChild> child,
            IncludeLink link,
            Stitch<TParent, TChild> stitch,
            Func<TParent, object?> getNavigation,
            Action<TParent, object?> setNavigation,
            Func<SelectPlan, string, IReadOnlyList<IColumn>?, Func<DbDataReader, object>>? addJunction = null,
            Action<TChild, object?>? setJunction = null,
            ISqlCondition? junctionFilter = null)
        {
            Name = name;
            _toOne = toOne;
            _child = child.Scoped(); // the target's default scope applies to includes of it
            _link = link;
            _stitch = stitch ?? throw new ArgumentNullException(nameof(stitch));
            _getNavigation = getNavigation;
            _setNavigation = setNavigation;
            _addJunction = addJunction;
            _setJunction = setJunction;
            _junctionFilter = junctionFilter;
        }

        /// <inheritdoc />
        public override string Name { get; }

        /// <inheritdoc />
        public override bool IsToOne => _toOne;

        /// <inheritdoc />
        public override bool IsRequired => _child.IsRequired;

        private ModelMetadata<TChild> Child => _child.Metadata;

        /// <inheritdoc />
        public override Action<DbDataReader, TParent> PlanJoin(SelectPlan plan, string parentAlias, bool countOnly)
        {
            if (countOnly && !_child.IsRequired) return static (_, _) => { };
            var alias = plan.NextAlias();
            var keyOrdinal = -1;
            var read = countOnly ? null : plan.AddModel(Child, alias, _child.Selected, out keyOrdinal);
            var on = new StringBuilder()
                .Append(plan.Column(alias, _link.ChildColumn)).Append(" = ").Append(plan.Column(parentAlias, _link.ParentColumn));
            if (_child.Filter is not null)
            {
                var writer = plan.Writer(alias);
                _child.Filter.WriteTo(writer);
                on.Append(" AND ").Append(writer.Sql);
            }
            plan.Joins.Append(_child.IsRequired ? " INNER JOIN " : " LEFT JOIN ")
                .Append(plan.Dialect.QuoteTable(Child)).Append(" AS ").Append(plan.Dialect.Quote(alias)).Append(" ON ").Append(on);
            var nested = _child.PlanJoins(plan, alias, countOnly);
            if (countOnly) return static (_, _) => { };
            var setNavigation = _setNavigation;
            return (reader, parent) =>
            {
                if (reader.IsDBNull(keyOrdinal))
                {
                    setNavigation(parent, null);
                    return;
                }
                var row = read!(reader);
                foreach (var read in nested) read(reader, row);
                setNavigation(parent, row);
            };
        }

        /// <inheritdoc />
        public override async Task LoadAsync(DbSession db, IReadOnlyList<TParent> parents, bool joined, ParentSelect? parentSelect, CancellationToken ct)
        {
            if (_toOne && joined)
            {
                // The rows came with the parent's statement; load what is nested below them.
                if (_child.Includes.Count == 0) return;
                var loaded = new List<TChild>();
                var seen = new HashSet<TChild>(ReferenceEqualityComparer.Instance);
                foreach (var parent in parents)
                    if (_getNavigation(parent) is TChild child && seen.Add(child)) loaded.Add(child);
                if (loaded.Count > 0) await _child.LoadIncludesAsync(db, loaded, joined: true, ct).ConfigureAwait(false);
                return;
            }

            var batch = _stitch.Begin(parents);
            if (batch.KeyCount == 0)
            {
                batch.Finish();
                return;
            }

            var plan = new SelectPlan(db.Dialect);
            var sql = KeyedSelect(plan, batch, parentSelect, out var readChild, out var joins, out var readJunction);
            // Rows are kept only when includes nested below them need them as parents.
            var children = _child.Includes.Count > 0 ? new List<TChild>() : null;
            var setJunction = _setJunction;
            await db.ReadEachAsync(sql, plan.Parameters, reader =>
            {
                var row = readChild(reader);
                for (var i = 0; i < joins.Count; i++) joins[i](reader, row);
                if (readJunction is not null) setJunction!(row, readJunction(reader));
                batch.Add(row);
                children?.Add(row);
            }, ct).ConfigureAwait(false);
            batch.Finish();
            if (children is not null) await _child.LoadIncludesAsync(db, children, joined: true, ct).ConfigureAwait(false);
        }

        /// <summary>SELECT of the children of the parents in <paramref name="batch"/>, with per-parent paging as a window function.</summary>
        private string KeyedSelect(SelectPlan plan, StitchBatch<TChild> batch, ParentSelect? parentSelect,
            out Func<DbDataReader, TChild> readChild, out List<Action<DbDataReader, TChild>> joins, out Func<DbDataReader, object>? readJunction)
        {
            var d = plan.Dialect;
            const string alias = "c";
            const string junctionAlias = "cj";
            // The column a row is matched by is always read. Through a junction that is the child's key, read once:
            // the junction's copy of it is set from the child's.
            readChild = plan.AddModel(Child, alias, _child.Selected, out _, alsoRead: _link.Junction is null ? _link.ChildColumn : _link.TargetKeyColumn);
            readJunction = null;
            var from = new StringBuilder(" FROM ").Append(d.QuoteTable(Child)).Append(" AS ").Append(d.Quote(alias));
            string partition;
            if (_link.Junction is { } junction)
            {
                readJunction = _addJunction!(plan, junctionAlias, _child.ThroughSelected);
                from.Append(" INNER JOIN ").Append(d.QuoteTable(junction)).Append(" AS ").Append(d.Quote(junctionAlias))
                    .Append(" ON ").Append(plan.Column(junctionAlias, _link.JunctionTargetColumn!)).Append(" = ").Append(plan.Column(alias, _link.TargetKeyColumn!));
                partition = plan.Column(junctionAlias, _link.ChildColumn);
            }
            else
            {
                partition = plan.Column(alias, _link.ChildColumn);
            }
            joins = _child.PlanJoins(plan, alias, countOnly: false);
            from.Append(plan.Joins);

            var where = plan.Writer(null);
            var parents = parentSelect?.Invoke(plan, _link.ParentColumn);
            if (parentSelect is not null && parents is null)
                where.Append(" WHERE ").Append(partition).Append(" IS NOT NULL"); // every parent is loaded: a scan beats a key list
            else if (parents is not null)
                where.Append(" WHERE ").Append(partition).Append(" IN (").Append(parents).Append(")"); // the parent query, as the database plans it best
            else
                where.Append(" WHERE ").Append(d.InKeyList(partition, where.AddParameter(d.KeyListValue(batch.Keys(), _link.KeyType))));
            if (_junctionFilter is not null)
            {
                where.Alias = junctionAlias;
                where.Append(" AND ");
                _junctionFilter.WriteTo(where);
            }
            foreach (var condition in _child.Conditions(plan, alias)) where.Append(" AND ").Append(condition);

            var sql = new StringBuilder();
            var paged = !_toOne && (_child.LimitValue is not null || _child.OffsetValue is not null);
            var order = new StringBuilder();
            foreach (var term in _child.Orders)
                order.Append(order.Length == 0 ? "" : ", ").Append(term.Sql(plan, alias));
            if (paged)
            {
                if (order.Length == 0) order.Append(plan.Column(alias, Child.Key[0].Name));
                var rn = d.Quote("__rn");
                sql.Append("SELECT ").Append(string.Join(", ", plan.Columns.Select((_, i) => d.Quote("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
                    .Append(" FROM (SELECT ").Append(plan.ColumnList(aliased: true))
                    .Append(", ROW_NUMBER() OVER (PARTITION BY ").Append(partition).Append(" ORDER BY ").Append(order).Append(") AS ").Append(rn)
                    .Append(from).Append(where.Sql).Append(") AS ").Append(d.Quote("w"))
                    .Append(" WHERE ").Append(rn).Append(" > ").Append(_child.OffsetValue ?? 0);
                if (_child.LimitValue is { } limit) sql.Append(" AND ").Append(rn).Append(" <= ").Append((_child.OffsetValue ?? 0) + limit);
                sql.Append(" ORDER BY ").Append(rn);
            }
            else
            {
                sql.Append("SELECT ").Append(plan.ColumnList(aliased: false)).Append(from).Append(where.Sql);
                if (order.Length > 0) sql.Append(" ORDER BY ").Append(order);
            }
            return sql.ToString();
        }

        /// <inheritdoc />
        public override bool NeedsMoreStatements => !_toOne || _child.Includes.Any(i => i.NeedsMoreStatements);

        /// <inheritdoc />
        public override void WriteExists(SelectPlan plan, StringBuilder sql, string parentAlias)
        {
            sql.Append("EXISTS ");
            WriteCorrelated(plan, sql, parentAlias, static _ => "1", limitOne: false);
        }

        void IIncludeOrder.WriteCorrelated(SelectPlan plan, StringBuilder sql, string parentAlias, Func<string, string> select, bool limitOne) =>
            WriteCorrelated(plan, sql, parentAlias, select, limitOne);

        internal override void WriteCorrelated(SelectPlan plan, StringBuilder sql, string parentAlias, Func<string, string> select, bool limitOne)
        {
            var d = plan.Dialect;
            var alias = plan.NextAlias();
            sql.Append("(SELECT ").Append(select(alias)).Append(" FROM ").Append(d.QuoteTable(Child)).Append(" AS ").Append(d.Quote(alias));
            string parentColumn;
            if (_link.Junction is { } junction)
            {
                var junctionAlias = plan.NextAlias();
                sql.Append(" INNER JOIN ").Append(d.QuoteTable(junction)).Append(" AS ").Append(d.Quote(junctionAlias))
                    .Append(" ON ").Append(plan.Column(junctionAlias, _link.JunctionTargetColumn!)).Append(" = ").Append(plan.Column(alias, _link.TargetKeyColumn!));
                parentColumn = plan.Column(junctionAlias, _link.ChildColumn);
                if (_junctionFilter is not null)
                {
                    var jw = plan.Writer(junctionAlias);
                    _junctionFilter.WriteTo(jw);
                    sql.Append(" AND ").Append(jw.Sql);
                }
            }
            else
            {
                parentColumn = plan.Column(alias, _link.ChildColumn);
            }
            sql.Append(" WHERE ").Append(parentColumn).Append(" = ").Append(plan.Column(parentAlias, _link.ParentColumn));
            foreach (var condition in _child.Conditions(plan, alias)) sql.Append(" AND ").Append(condition);
            if (limitOne) d.AppendLimit(sql, 1, null);
            sql.Append(')');
        }

    }
}
