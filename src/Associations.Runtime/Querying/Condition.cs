using System.Collections.Generic;

namespace Associations
{
    /// <summary>
    /// A WHERE predicate built from typed columns: <c>Post.Columns.Title != "" &amp; Post.Columns.Id &gt; 3</c>.
    /// Combine with <c>&amp;</c>, <c>|</c> and <c>!</c>. Rendered per dialect, values as parameters.
    /// </summary>
    public abstract class Condition
    {
        /// <summary>Both conditions.</summary>
        public static Condition operator &(Condition left, Condition right) => new LogicalCondition(left, "AND", right);

        /// <summary>Either condition.</summary>
        public static Condition operator |(Condition left, Condition right) => new LogicalCondition(left, "OR", right);

        /// <summary>The negation.</summary>
        public static Condition operator !(Condition condition) => new NotCondition(condition);

        /// <summary>Writes the predicate, columns qualified by the writer's alias.</summary>
        public abstract void WriteTo(SqlWriter writer);

        /// <summary>A condition on a column by name (used by generated code for association filters).</summary>
        public static Condition Equal(IColumn column, object? value) =>
            value is null ? new NullCondition(column, true) : new ComparisonCondition(column, "=", value);

        /// <summary>True when the column is one of <paramref name="values"/>.</summary>
        public static Condition InList(IColumn column, IReadOnlyCollection<object> values) => new InCondition(column, values);
    }

    internal sealed class ComparisonCondition : Condition
    {
        private readonly IColumn _column;
        private readonly string _op;
        private readonly object? _value;

        public ComparisonCondition(IColumn column, string op, object? value)
        {
            _column = column;
            _op = op;
            _value = value;
        }

        public override void WriteTo(SqlWriter writer) =>
            writer.Column(_column.Name).Append(" ").Append(_op).Append(" ").Parameter(_value);
    }

    internal sealed class NullCondition : Condition
    {
        private readonly IColumn _column;
        private readonly bool _isNull;

        public NullCondition(IColumn column, bool isNull)
        {
            _column = column;
            _isNull = isNull;
        }

        public override void WriteTo(SqlWriter writer) =>
            writer.Column(_column.Name).Append(_isNull ? " IS NULL" : " IS NOT NULL");
    }

    internal sealed class InCondition : Condition
    {
        private readonly IColumn _column;
        private readonly IReadOnlyCollection<object> _values;

        public InCondition(IColumn column, IReadOnlyCollection<object> values)
        {
            _column = column;
            _values = values;
        }

        public override void WriteTo(SqlWriter writer)
        {
            if (_values.Count == 0)
            {
                writer.Append("1 = 0");
                return;
            }
            var column = new System.Text.StringBuilder();
            if (writer.Alias is not null) column.Append(writer.Dialect.Quote(writer.Alias)).Append('.');
            column.Append(writer.Dialect.Quote(_column.Name));
            var parameter = writer.AddParameter(writer.Dialect.KeyListValue(_values, _column.Type));
            writer.Append(writer.Dialect.InKeyList(column.ToString(), parameter));
        }
    }

    internal sealed class LogicalCondition : Condition
    {
        private readonly Condition _left;
        private readonly string _op;
        private readonly Condition _right;

        public LogicalCondition(Condition left, string op, Condition right)
        {
            _left = left;
            _op = op;
            _right = right;
        }

        public override void WriteTo(SqlWriter writer)
        {
            writer.Append("(");
            _left.WriteTo(writer);
            writer.Append(" ").Append(_op).Append(" ");
            _right.WriteTo(writer);
            writer.Append(")");
        }
    }

    internal sealed class NotCondition : Condition
    {
        private readonly Condition _inner;

        public NotCondition(Condition inner) => _inner = inner;

        public override void WriteTo(SqlWriter writer)
        {
            writer.Append("NOT (");
            _inner.WriteTo(writer);
            writer.Append(")");
        }
    }
}
