using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;

namespace Associations
{
    /// <summary>
    /// A query over one model: typed <c>Where</c>, ordering, paging, includes. Every builder call returns
    /// a new query and leaves this one as it was, so a query can be shared and extended safely.
    /// </summary>
    public sealed class Query<T> where T : class
    {
        private readonly DbSession? _session;
        private Condition? _filter;
        private OrderTerm[] _orders = Array.Empty<OrderTerm>();
        private int? _limit;
        private int? _offset;
        private bool _required;

        /// <summary>Creates a query; <paramref name="session"/> is null for the query inside an include or accessor.</summary>
        public Query(DbSession? session, ModelMetadata<T> metadata)
        {
            _session = session;
            Metadata = metadata;
        }

        /// <summary>The queried model.</summary>
        public ModelMetadata<T> Metadata { get; }

        /// <summary>The session that runs the query (null inside an include).</summary>
        public DbSession? Session => _session;

        /// <summary>The WHERE predicate (null: every row).</summary>
        public Condition? Filter => _filter;

        /// <summary>The ORDER BY terms.</summary>
        public IReadOnlyList<OrderTerm> Orders => _orders;

        /// <summary>The row limit (null: none).</summary>
        public int? LimitValue => _limit;

        /// <summary>The rows skipped (null: none).</summary>
        public int? OffsetValue => _offset;

        /// <summary>Whether an include of this query must match (INNER JOIN / parents with a match only).</summary>
        public bool IsRequired => _required;

        /// <summary>Keeps the rows matching <paramref name="condition"/>; a second <c>Where</c> ANDs.</summary>
        public Query<T> Where(Condition condition)
        {
            if (condition is null) throw new ArgumentNullException(nameof(condition));
            var copy = Clone();
            copy._filter = _filter is null ? condition : _filter & condition;
            return copy;
        }

        /// <summary>Orders ascending by <paramref name="column"/> (after any earlier ordering).</summary>
        public Query<T> OrderBy(IColumn column) => AddOrder(column, false);

        /// <summary>Orders descending by <paramref name="column"/> (after any earlier ordering).</summary>
        public Query<T> OrderByDescending(IColumn column) => AddOrder(column, true);

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

        /// <summary>Runs the query.</summary>
        public Task<List<T>> ToListAsync(CancellationToken cancellationToken = default)
        {
            var session = RequireSession();
            var writer = new SqlWriter(session.Dialect);
            WriteSelect(writer);
            return session.QueryAsync(Metadata, writer.ToString(), writer.Parameters, cancellationToken);
        }

        /// <summary>The first row (in the query's order), or null.</summary>
        public async Task<T?> FirstOrDefaultAsync(CancellationToken cancellationToken = default)
        {
            var rows = await Limit(1).ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }

        /// <summary>The number of matching rows (respecting <c>Limit</c>/<c>Offset</c>).</summary>
        public async Task<int> CountAsync(CancellationToken cancellationToken = default)
        {
            var session = RequireSession();
            var writer = new SqlWriter(session.Dialect);
            if (_limit is null && _offset is null)
            {
                writer.Append("SELECT COUNT(*) FROM ").Append(session.Dialect.Quote(Metadata.Table)).Append(" AS ").Append(session.Dialect.Quote("t0"));
                WriteWhere(writer);
            }
            else
            {
                writer.Append("SELECT COUNT(*) FROM (SELECT 1 AS ").Append(session.Dialect.Quote("x")).Append(" FROM ").Append(session.Dialect.Quote(Metadata.Table)).Append(" AS ").Append(session.Dialect.Quote("t0"));
                WriteWhere(writer);
                WriteOrderAndLimit(writer);
                writer.Append(") AS ").Append(session.Dialect.Quote("c"));
            }
            return await session.CountAsync(writer.ToString(), writer.Parameters, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Whether any row matches.</summary>
        public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
        {
            var session = RequireSession();
            var writer = new SqlWriter(session.Dialect);
            writer.Append("SELECT COUNT(*) FROM (SELECT 1 AS ").Append(session.Dialect.Quote("x")).Append(" FROM ").Append(session.Dialect.Quote(Metadata.Table)).Append(" AS ").Append(session.Dialect.Quote("t0"));
            WriteWhere(writer);
            var limited = _limit is null ? 1 : Math.Min(1, _limit.Value);
            writer.Alias = "t0";
            WriteOrder(writer);
            session.Dialect.AppendLimit(writer.Sql, limited, _offset);
            writer.Append(") AS ").Append(session.Dialect.Quote("c"));
            return await session.CountAsync(writer.ToString(), writer.Parameters, cancellationToken).ConfigureAwait(false) > 0;
        }

        /// <summary>Writes <c>SELECT … FROM … AS "t0" WHERE … ORDER BY … LIMIT …</c>.</summary>
        public void WriteSelect(SqlWriter writer)
        {
            var dialect = writer.Dialect;
            writer.Append("SELECT ");
            var columns = Metadata.Columns;
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) writer.Append(", ");
                writer.Append(dialect.Quote("t0")).Append(".").Append(dialect.Quote(columns[i].Name));
            }
            writer.Append(" FROM ").Append(dialect.Quote(Metadata.Table)).Append(" AS ").Append(dialect.Quote("t0"));
            WriteWhere(writer);
            WriteOrderAndLimit(writer);
        }

        private void WriteWhere(SqlWriter writer)
        {
            if (_filter is null) return;
            writer.Alias = "t0";
            writer.Append(" WHERE ");
            _filter.WriteTo(writer);
        }

        private void WriteOrderAndLimit(SqlWriter writer)
        {
            writer.Alias = "t0";
            WriteOrder(writer);
            writer.Dialect.AppendLimit(writer.Sql, _limit, _offset);
        }

        private void WriteOrder(SqlWriter writer)
        {
            for (var i = 0; i < _orders.Length; i++)
            {
                writer.Append(i == 0 ? " ORDER BY " : ", ");
                writer.Column(_orders[i].Column.Name);
                if (_orders[i].Descending) writer.Append(" DESC");
            }
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

    /// <summary>One ORDER BY term.</summary>
    public readonly struct OrderTerm
    {
        /// <summary>Creates the term.</summary>
        public OrderTerm(IColumn column, bool descending)
        {
            Column = column;
            Descending = descending;
        }

        /// <summary>The column.</summary>
        public IColumn Column { get; }

        /// <summary>Descending order.</summary>
        public bool Descending { get; }
    }
}
