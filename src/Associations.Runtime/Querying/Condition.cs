using System;
using System.Collections.Generic;
using System.ComponentModel;
using Associations.Internal;

namespace Associations
{
    /// <summary>
    /// A WHERE predicate over model <typeparamref name="TModel"/>, built from its typed columns:
    /// <c>Post.Columns.Title != "" &amp; Post.Columns.Id &gt; 3</c>. Combine with <c>&amp;</c>, <c>|</c> and <c>!</c>.
    /// Rendered per dialect with values as parameters, and with C#'s null semantics: a condition is true in SQL exactly
    /// when it is true in C# for the row (<c>!(x == 5)</c> keeps rows whose <c>x</c> is null).
    /// </summary>
    public abstract class Condition<TModel> : ISqlCondition
    {
        private protected Condition() { }

        /// <summary>A condition no row satisfies.</summary>
        internal static Condition<TModel> False { get; } = new Constant<TModel>(false);

        /// <summary>Both conditions.</summary>
        public static Condition<TModel> operator &(Condition<TModel> left, Condition<TModel> right) =>
            new Logical<TModel>(left ?? throw new ArgumentNullException(nameof(left)), true, right ?? throw new ArgumentNullException(nameof(right)));

        /// <summary>Either condition.</summary>
        public static Condition<TModel> operator |(Condition<TModel> left, Condition<TModel> right) =>
            new Logical<TModel>(left ?? throw new ArgumentNullException(nameof(left)), false, right ?? throw new ArgumentNullException(nameof(right)));

        /// <summary>The negation (C# semantics: true for the rows where the condition is false, nulls included).</summary>
        public static Condition<TModel> operator !(Condition<TModel> condition) =>
            (condition ?? throw new ArgumentNullException(nameof(condition))).Negate();

        /// <summary>Writes the predicate, columns qualified by the writer's alias. It never evaluates to NULL where C# says true
        /// or false would differ: negations are pushed down to the comparisons, each of which is written null-safe.</summary>
        internal abstract void WriteTo(SqlWriter writer);

        void ISqlCondition.WriteTo(SqlWriter writer) => WriteTo(writer);

        /// <summary>The negation, pushed down to the leaves (De Morgan).</summary>
        internal abstract Condition<TModel> Negate();
    }

    /// <summary>Conditions the runtime builds from untyped columns and key values (accessor plumbing).</summary>
    internal static class Conditions
    {
        public static Condition<T> Equal<T>(IColumn column, object? value) =>
            value is null ? new NullTest<T>(column, true) : new Comparison<T>(column, Op.Equal, value);

        public static Condition<T> InList<T>(IColumn column, IReadOnlyCollection<object> values) => new InList<T>(column, values, false);
    }

    internal enum Op
    {
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Like,
    }

    internal sealed class Constant<T> : Condition<T>
    {
        private readonly bool _value;

        public Constant(bool value) => _value = value;

        internal override void WriteTo(SqlWriter writer) => writer.Append(_value ? "1 = 1" : "1 = 0");

        internal override Condition<T> Negate() => new Constant<T>(!_value);
    }

    internal sealed class Comparison<T> : Condition<T>
    {
        private readonly IColumn _column;
        private readonly Op _op;
        private readonly object _value;
        private readonly bool _negated;

        public Comparison(IColumn column, Op op, object value, bool negated = false)
        {
            _column = column;
            _op = op;
            _value = value;
            _negated = negated;
        }

        internal override Condition<T> Negate() => _op switch
        {
            Op.Like => new Comparison<T>(_column, _op, _value, !_negated),
            _ => new Comparison<T>(_column, Inverse(_op), _value, !_negated),
        };

        private static Op Inverse(Op op) => op switch
        {
            Op.Equal => Op.NotEqual,
            Op.NotEqual => Op.Equal,
            Op.Less => Op.GreaterOrEqual,
            Op.GreaterOrEqual => Op.Less,
            Op.Greater => Op.LessOrEqual,
            _ => Op.Greater,
        };

        internal override void WriteTo(SqlWriter writer)
        {
            // SQL's comparison with NULL is unknown (the row is dropped). C# agrees for a plain comparison (null < 5 is false),
            // but says true for `null != 5` and for any negated comparison: those keep null rows explicitly.
            var keepNulls = _column.Nullable && _op switch { Op.Equal => false, Op.NotEqual => true, _ => _negated };
            if (keepNulls) writer.Append("(").Column(_column.Name).Append(" IS NULL OR ");
            writer.Column(_column.Name);
            if (_op == Op.Like)
            {
                writer.Append(_negated ? " NOT LIKE " : " LIKE ").Parameter(_value).Append(writer.Dialect.LikeEscape);
            }
            else
            {
                writer.Append(_op switch
                {
                    Op.Equal => " = ",
                    Op.NotEqual => " <> ",
                    Op.Less => " < ",
                    Op.LessOrEqual => " <= ",
                    Op.Greater => " > ",
                    _ => " >= ",
                }).Parameter(_value);
            }
            if (keepNulls) writer.Append(")");
        }
    }

    internal sealed class NullTest<T> : Condition<T>
    {
        private readonly IColumn _column;
        private readonly bool _isNull;

        public NullTest(IColumn column, bool isNull)
        {
            _column = column;
            _isNull = isNull;
        }

        internal override Condition<T> Negate() => new NullTest<T>(_column, !_isNull);

        internal override void WriteTo(SqlWriter writer) =>
            writer.Column(_column.Name).Append(_isNull ? " IS NULL" : " IS NOT NULL");
    }

    internal sealed class InList<T> : Condition<T>
    {
        private readonly IColumn _column;
        private readonly IReadOnlyCollection<object> _values;
        private readonly bool _hasNull;
        private readonly bool _negated;

        public InList(IColumn column, IReadOnlyCollection<object> values, bool hasNull, bool negated = false)
        {
            _column = column;
            _values = values;
            _hasNull = hasNull;
            _negated = negated;
        }

        internal override Condition<T> Negate() => new InList<T>(_column, _values, _hasNull, !_negated);

        internal override void WriteTo(SqlWriter writer)
        {
            if (_values.Count == 0)
            {
                if (_hasNull) writer.Column(_column.Name).Append(_negated ? " IS NOT NULL" : " IS NULL");
                else writer.Append(_negated ? "1 = 1" : "1 = 0");
                return;
            }
            var column = new System.Text.StringBuilder();
            if (writer.Alias is not null) column.Append(writer.Dialect.Quote(writer.Alias)).Append('.');
            column.Append(writer.Dialect.Quote(_column.Name));
            var parameter = writer.AddParameter(writer.Dialect.KeyListValue(_values, _column.Type));
            var test = writer.Dialect.InKeyList(column.ToString(), parameter);
            if (!_negated)
            {
                if (_hasNull) writer.Append("(").Append(test).Append(" OR ").Column(_column.Name).Append(" IS NULL)");
                else writer.Append(test);
                return;
            }
            // C#: !list.Contains(x) is true for a null x unless the list holds null.
            if (_hasNull) writer.Append("(NOT (").Append(test).Append(") AND ").Column(_column.Name).Append(" IS NOT NULL)");
            else if (_column.Nullable) writer.Append("(").Column(_column.Name).Append(" IS NULL OR NOT (").Append(test).Append("))");
            else writer.Append("NOT (").Append(test).Append(")");
        }
    }

    internal sealed class Logical<T> : Condition<T>
    {
        private readonly Condition<T> _left;
        private readonly bool _and;
        private readonly Condition<T> _right;

        public Logical(Condition<T> left, bool and, Condition<T> right)
        {
            _left = left;
            _and = and;
            _right = right;
        }

        internal override Condition<T> Negate() => new Logical<T>(_left.Negate(), !_and, _right.Negate());

        internal override void WriteTo(SqlWriter writer)
        {
            writer.Append("(");
            _left.WriteTo(writer);
            writer.Append(_and ? " AND " : " OR ");
            _right.WriteTo(writer);
            writer.Append(")");
        }
    }
}

namespace Associations.Internal
{
    /// <summary>A condition of any model, as the runtime writes it (plumbing; build conditions with typed columns).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface ISqlCondition
    {
        /// <summary>Writes the predicate, columns qualified by the writer's alias.</summary>
        void WriteTo(SqlWriter writer);
    }
}
