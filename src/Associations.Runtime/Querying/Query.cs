using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Associations.Internal;
using Associations.Metadata;

namespace Associations
{
    /// <summary>
    /// A query over one model: typed <c>Where</c>, ordering, paging, includes. Every builder call returns
    /// a new query and leaves this one as it was, so a query can be shared and extended safely.
    /// </summary>
    public sealed partial class Query<T> where T : class // partial: AsAsyncEnumerable in QueryStreaming.cs, bulk writes in QueryWrites.cs
    {
        private readonly DbSession? _session;
        private Condition<T>? _filter;
        private OrderTerm[] _orders = Array.Empty<OrderTerm>();
        private int? _limit;
        private int? _offset;
        private bool _required;
        private bool _unscoped;
        private bool _withDeleted;
        private bool _paranoidApplied;
        private IColumn[]? _select;
        private IColumn[]? _throughSelect;
        private Include<T>[] _includes = Array.Empty<Include<T>>();
        private CountTerm<T>[] _counts = Array.Empty<CountTerm<T>>();

        /// <summary>Creates a query; <paramref name="session"/> is null for the query inside an include or accessor.</summary>
        internal Query(DbSession? session, ModelMetadata<T> metadata)
        {
            _session = session;
            Metadata = metadata;
        }

        /// <summary>The queried model.</summary>
        internal ModelMetadata<T> Metadata { get; }

        /// <summary>The session that runs the query (null inside an include).</summary>
        internal DbSession? Session => _session;

        /// <summary>The WHERE predicate (null: every row).</summary>
        internal Condition<T>? Filter => _filter;

        /// <summary>The ORDER BY terms.</summary>
        internal IReadOnlyList<OrderTerm> Orders => _orders;

        /// <summary>The row limit (null: none).</summary>
        internal int? LimitValue => _limit;

        /// <summary>The rows skipped (null: none).</summary>
        internal int? OffsetValue => _offset;

        /// <summary>Whether an include of this query must match (INNER JOIN / parents with a match only).</summary>
        internal bool IsRequired => _required;

        /// <summary>The includes (generated <c>Include{Alias}</c> builders add them).</summary>
        internal IReadOnlyList<Include<T>> Includes => _includes;

        /// <summary>Adds an include; generated <c>Include{Alias}(…)</c> extension methods call this.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public Query<T> Include(Include<T> include)
        {
            if (include is null) throw new ArgumentNullException(nameof(include));
            var copy = Clone();
            var includes = new Include<T>[_includes.Length + 1];
            _includes.CopyTo(includes, 0);
            includes[_includes.Length] = include;
            copy._includes = includes;
            return copy;
        }

        /// <summary>Reads, with each row, the number of rows <paramref name="include"/> would load for it, and hands it to
        /// <paramref name="set"/> (generated <c>With{Alias}Count</c> builders call this).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public Query<T> WithCount(Include<T> include, Action<T, int> set)
        {
            if (include is null) throw new ArgumentNullException(nameof(include));
            if (set is null) throw new ArgumentNullException(nameof(set));
            var copy = Clone();
            var counts = new CountTerm<T>[_counts.Length + 1];
            _counts.CopyTo(counts, 0);
            counts[_counts.Length] = new CountTerm<T>(include, set);
            copy._counts = counts;
            return copy;
        }

        /// <summary>Keeps the rows that have (or, with <paramref name="none"/>, have no) row linked by <paramref name="include"/>
        /// (generated <c>WhereHas{Alias}</c>/<c>WhereHasNo{Alias}</c> call this).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public Query<T> WhereHas(Include<T> include, bool none = false) =>
            Where(new RelatedCondition<T>(include ?? throw new ArgumentNullException(nameof(include)), none));

        /// <summary>Orders by <paramref name="column"/> of the row the to-one <paramref name="include"/> links to each row (a row
        /// with none sorts as null) — generated <c>OrderBy{Alias}</c>/<c>OrderByDescending{Alias}</c> call this.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public Query<T> OrderByRelated(Include<T> include, IColumn column, bool descending)
        {
            if (include is null) throw new ArgumentNullException(nameof(include));
            if (column is null) throw new ArgumentNullException(nameof(column));
            if (!include.IsToOne) throw new ArgumentException($"{include.Name} is not a to-one association.", nameof(include));
            var copy = Clone();
            var orders = new OrderTerm[_orders.Length + 1];
            _orders.CopyTo(orders, 0);
            orders[_orders.Length] = new OrderTerm((IIncludeOrder)include, column, descending);
            copy._orders = orders;
            return copy;
        }

        /// <summary>Keeps the rows matching <paramref name="condition"/>; a second <c>Where</c> ANDs.</summary>
        public Query<T> Where(Condition<T> condition)
        {
            if (condition is null) throw new ArgumentNullException(nameof(condition));
            var copy = Clone();
            copy._filter = _filter is null ? condition : _filter & condition;
            return copy;
        }

        /// <summary>Orders ascending by <paramref name="column"/> (after any earlier ordering).</summary>
        public Query<T> OrderBy(IOrderedColumn<T> column) => AddOrder(column, false);

        /// <summary>Orders descending by <paramref name="column"/> (after any earlier ordering).</summary>
        public Query<T> OrderByDescending(IOrderedColumn<T> column) => AddOrder(column, true);

        /// <summary>At most <paramref name="count"/> rows.</summary>
        public Query<T> Limit(int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A limit cannot be negative.");
            var copy = Clone();
            copy._limit = count;
            return copy;
        }

        /// <summary>Skips the first <paramref name="count"/> rows.</summary>
        public Query<T> Offset(int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "An offset cannot be negative.");
            var copy = Clone();
            copy._offset = count;
            return copy;
        }

        /// <summary>Inside an include: the parent needs a match (INNER JOIN for to-one, parents with a child for to-many).</summary>
        public Query<T> Required()
        {
            var copy = Clone();
            copy._required = true;
            return copy;
        }

        /// <summary>Reads only <paramref name="columns"/> (plus the key and the foreign keys includes need); other properties keep their defaults.</summary>
        public Query<T> Select(params IColumn<T>[] columns)
        {
            var copy = Clone();
            copy._select = columns ?? throw new ArgumentNullException(nameof(columns));
            return copy;
        }

        /// <summary>BelongsToMany getters and includes: reads only these junction columns (plus the junction's keys) into the junction row.</summary>
        public Query<T> ThroughSelect<TJunction>(params IColumn<TJunction>[] columns)
        {
            var copy = Clone();
            copy._throughSelect = columns ?? throw new ArgumentNullException(nameof(columns));
            return copy;
        }

        /// <summary>The selected columns (null: all).</summary>
        internal IReadOnlyList<IColumn>? Selected => _select;

        /// <summary>The selected junction columns (null: all).</summary>
        internal IReadOnlyList<IColumn>? ThroughSelected => _throughSelect;

        /// <summary>Whether the model's default scope is switched off.</summary>
        internal bool IsUnscoped => _unscoped;

        /// <summary>Switches off the model's default scope (<c>[Scope(Default = true)]</c>) for this query.</summary>
        public Query<T> Unscoped()
        {
            if (_unscoped) return this;
            var copy = Clone();
            copy._unscoped = true;
            return copy;
        }

        /// <summary>This query with the model's default scope applied (itself when unscoped or when there is none).</summary>
        internal Query<T> Scoped()
        {
            var query = _unscoped || !Metadata.HasDefaultScope ? this : Metadata.ApplyDefaultScope(Unscoped()).Unscoped();
            if (query._withDeleted || query._paranoidApplied || Metadata.DeletedAt is not { } deletedAt) return query;
            // [Paranoid]: soft-deleted rows are skipped (Unscoped() does not change that; WithDeleted() does).
            var copy = query.Where(new NullTest<T>(deletedAt, true));
            copy._paranoidApplied = true;
            return copy;
        }

        /// <summary>Whether soft-deleted rows of a <c>[Paranoid]</c> model are included.</summary>
        internal bool IsWithDeleted => _withDeleted;

        /// <summary>A <c>[Paranoid]</c> model: includes soft-deleted rows (Sequelize's <c>paranoid: false</c>).</summary>
        public Query<T> WithDeleted()
        {
            if (_withDeleted) return this;
            var copy = Clone();
            copy._withDeleted = true;
            return copy;
        }

        /// <summary>Runs the query: one statement for the rows and their to-one includes, one more per to-many include level.</summary>
        public async Task<List<T>> ToListAsync(CancellationToken cancellationToken = default)
        {
            var scoped = Scoped();
            if (!ReferenceEquals(scoped, this)) return await scoped.ToListAsync(cancellationToken).ConfigureAwait(false);
            return await ReadRowsAsync(RequireSession(), total: null, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The rows (as <see cref="ToListAsync"/> reads them) and how many rows the query matches without its <c>Limit</c> and
        /// <c>Offset</c> — a page and the total for its pager, Sequelize's <c>findAndCountAll</c>. The total comes with the rows in the
        /// same statement (<c>COUNT(*) OVER ()</c>); only when the page is empty while rows were skipped or the limit is 0 does a second
        /// statement count them. To-many includes add their statements as in <see cref="ToListAsync"/>.
        /// </summary>
        public async Task<(List<T> Rows, int Total)> ToListAndCountAsync(CancellationToken cancellationToken = default)
        {
            var scoped = Scoped();
            if (!ReferenceEquals(scoped, this)) return await scoped.ToListAndCountAsync(cancellationToken).ConfigureAwait(false);
            var total = new int[1];
            var rows = await ReadRowsAsync(RequireSession(), total, cancellationToken).ConfigureAwait(false);
            if (rows.Count > 0 || (_offset is null or 0 && _limit != 0)) return (rows, total[0]);
            var unpaged = Clone();
            unpaged._limit = null;
            unpaged._offset = null;
            return (rows, await unpaged.CountAsync(cancellationToken).ConfigureAwait(false));
        }

        /// <summary>The statement of <see cref="ToListAsync"/>; with <paramref name="total"/>, also reads <c>COUNT(*) OVER ()</c> into it.</summary>
        private async Task<List<T>> ReadRowsAsync(DbSession session, int[]? total, CancellationToken cancellationToken)
        {
            using var trace = session.StartQuery(Metadata.Name, "query");
            var plan = new SelectPlan(session.Dialect);
            var read = plan.AddModel(Metadata, Alias, _select, out _);
            var readers = PlanJoins(plan, Alias, countOnly: false);
            if (total is not null)
            {
                var ordinal = plan.Columns.Count;
                plan.Columns.Add("COUNT(*) OVER ()");
                readers.Add((reader, _) => total[0] = checked((int)reader.GetInt64(ordinal)));
            }
            var sql = new StringBuilder("SELECT ").Append(plan.ColumnList(aliased: false)).Append(From(plan));
            AppendWhere(plan, sql);
            AppendOrderAndLimit(plan, sql);
            var rows = await session.ReadAsync(sql.ToString(), plan.Parameters, reader =>
            {
                var row = read(reader);
                for (var i = 0; i < readers.Count; i++) readers[i](reader, row);
                return row;
            }, cancellationToken).ConfigureAwait(false);
            await LoadIncludesAsync(session, rows, joined: true, cancellationToken, KeysSubquery).ConfigureAwait(false);
            return rows;
        }

        /// <summary>The first row (in the query's order), or null.</summary>
        public async Task<T?> FirstOrDefaultAsync(CancellationToken cancellationToken = default)
        {
            var rows = await Limit(1).ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }

        /// <summary>The number of matching rows (respecting <c>Limit</c>/<c>Offset</c>); includes count parents, never joined rows.</summary>
        public async Task<int> CountAsync(CancellationToken cancellationToken = default)
        {
            var scoped = Scoped();
            if (!ReferenceEquals(scoped, this)) return await scoped.CountAsync(cancellationToken).ConfigureAwait(false);
            var session = RequireSession();
            using var trace = session.StartQuery(Metadata.Name, "count");
            var plan = new SelectPlan(session.Dialect);
            PlanJoins(plan, Alias, countOnly: true);
            var sql = new StringBuilder();
            if (_limit is null && _offset is null)
            {
                sql.Append("SELECT COUNT(*)").Append(From(plan));
                AppendWhere(plan, sql);
            }
            else
            {
                sql.Append("SELECT COUNT(*) FROM (SELECT 1 AS ").Append(plan.Dialect.Quote("x")).Append(From(plan));
                AppendWhere(plan, sql);
                AppendOrderAndLimit(plan, sql);
                sql.Append(") AS ").Append(plan.Dialect.Quote("n"));
            }
            return await session.CountAsync(sql.ToString(), plan.Parameters, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Whether any row matches.</summary>
        public async Task<bool> AnyAsync(CancellationToken cancellationToken = default) =>
            await Limit(_limit is null ? 1 : Math.Min(1, _limit.Value)).CountAsync(cancellationToken).ConfigureAwait(false) > 0;

        private const string Alias = "t0";

        private string From(SelectPlan plan) =>
            " FROM " + plan.Dialect.QuoteTable(Metadata) + " AS " + plan.Dialect.Quote(Alias) + plan.Joins;

        private void AppendWhere(SelectPlan plan, StringBuilder sql)
        {
            var first = true;
            foreach (var condition in Conditions(plan, Alias))
            {
                sql.Append(first ? " WHERE " : " AND ").Append(condition);
                first = false;
            }
        }

        private void AppendOrderAndLimit(SelectPlan plan, StringBuilder sql)
        {
            for (var i = 0; i < _orders.Length; i++)
            {
                sql.Append(i == 0 ? " ORDER BY " : ", ").Append(_orders[i].Sql(plan, Alias));
            }
            plan.Dialect.AppendLimit(sql, _limit, _offset);
        }

        /// <summary>Plans the JOINs of the to-one includes (recursively) under <paramref name="alias"/> and, unless
        /// <paramref name="countOnly"/>, the <c>With{Alias}Count</c> columns; returns their row readers. Every statement that reads
        /// rows of this query — its own, a to-one include's JOIN, a to-many include's level, a getter, a stream — plans them here,
        /// so a count asked for inside an include is read there too.</summary>
        internal List<Action<System.Data.Common.DbDataReader, T>> PlanJoins(SelectPlan plan, string alias, bool countOnly)
        {
            var readers = new List<Action<System.Data.Common.DbDataReader, T>>();
            foreach (var include in _includes)
                if (include.IsToOne) readers.Add(include.PlanJoin(plan, alias, countOnly));
            if (countOnly) return readers;
            foreach (var count in _counts)
            {
                var ordinal = plan.Columns.Count;
                plan.Columns.Add(count.Sql(plan, alias));
                var set = count.Set;
                readers.Add((reader, row) => set(row, checked((int)reader.GetInt64(ordinal))));
            }
            return readers;
        }

        /// <summary>The WHERE conditions of this query under <paramref name="alias"/>: its filter and the EXISTS of required to-many includes.</summary>
        internal IEnumerable<string> Conditions(SelectPlan plan, string alias)
        {
            if (_filter is not null)
            {
                var writer = plan.Writer(alias);
                _filter.WriteTo(writer);
                yield return writer.ToString();
            }
            foreach (var include in _includes)
            {
                if (include.IsToOne || !include.IsRequired) continue;
                var sql = new StringBuilder();
                include.WriteExists(plan, sql, alias);
                yield return sql.ToString();
            }
        }

        /// <summary>Loads the includes of <paramref name="rows"/> (<paramref name="joined"/>: to-one rows came with their statement).</summary>
        internal async Task LoadIncludesAsync(DbSession session, IReadOnlyList<T> rows, bool joined, CancellationToken cancellationToken, ParentSelect? parentSelect = null)
        {
            if (rows.Count == 0) return;
            foreach (var include in _includes)
                await include.LoadAsync(session, rows, joined, parentSelect, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// This query as a sub-select of <paramref name="column"/> (same WHERE, required JOINs, order and paging), for the
        /// to-many includes of its rows; null when it reads the whole table.
        /// </summary>
        private string? KeysSubquery(SelectPlan outer, string column)
        {
            if (_filter is null && _limit is null && _offset is null && _includes.All(i => !i.IsRequired)) return null;
            var plan = new SelectPlan(outer.Dialect, outer.Parameters);
            PlanJoins(plan, Alias, countOnly: true);
            var sql = new StringBuilder("SELECT ").Append(plan.Column(Alias, column)).Append(From(plan));
            AppendWhere(plan, sql);
            AppendOrderAndLimit(plan, sql);
            return sql.ToString();
        }

        private Query<T> AddOrder(IColumn column, bool descending)
        {
            if (column is null) throw new ArgumentNullException(nameof(column));
            var copy = Clone();
            var orders = new OrderTerm[_orders.Length + 1];
            _orders.CopyTo(orders, 0);
            orders[_orders.Length] = new OrderTerm(column, descending);
            copy._orders = orders;
            return copy;
        }

        private Query<T> Clone() => (Query<T>)MemberwiseClone();

        private DbSession RequireSession() =>
            _session ?? throw new InvalidOperationException(
                $"This query of {Metadata.Name} has no session: it configures an include or an accessor and is run by it.");
    }

    /// <summary>One ORDER BY term: a column of the queried model, or a column of the row a to-one association links to it.</summary>
    internal readonly struct OrderTerm
    {
        /// <summary>Creates the term.</summary>
        public OrderTerm(IColumn column, bool descending)
        {
            Column = column;
            Descending = descending;
            _through = null;
        }

        /// <summary>A term ordering by <paramref name="column"/> of the row that the to-one <paramref name="through"/> links
        /// (null, first ascending, when there is none).</summary>
        internal OrderTerm(IIncludeOrder through, IColumn column, bool descending)
        {
            Column = column;
            Descending = descending;
            _through = through;
        }

        private readonly IIncludeOrder? _through;

        /// <summary>The column.</summary>
        public IColumn Column { get; }

        /// <summary>Descending order.</summary>
        public bool Descending { get; }

        /// <summary>The term under <paramref name="alias"/>, nulls placed as LINQ places them.</summary>
        public string Sql(SelectPlan plan, string alias)
        {
            if (_through is null) return plan.Dialect.OrderTerm(plan.Column(alias, Column.Name), Descending, Column.Nullable);
            var sql = new StringBuilder();
            var column = Column.Name;
            _through.WriteCorrelated(new SelectPlan(plan.Dialect, plan.Parameters, plan.AliasPrefix + "o"), sql, alias, a => plan.Column(a, column), limitOne: true);
            return plan.Dialect.OrderTerm(sql.ToString(), Descending, nullable: true);
        }
    }

    /// <summary>What an ORDER BY through a to-one association needs of its include.</summary>
    internal interface IIncludeOrder
    {
        void WriteCorrelated(SelectPlan plan, StringBuilder sql, string parentAlias, Func<string, string> select, bool limitOne);
    }
}
