using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Associations.Metadata;

namespace Associations
{
    /// <summary>A column of some model: its property, column name and storage.</summary>
    public interface IColumn
    {
        /// <summary>The C# property.</summary>
        string Property { get; }

        /// <summary>The column name, unquoted.</summary>
        string Name { get; }

        /// <summary>The storage type.</summary>
        ColumnType Type { get; }

        /// <summary>Whether the column can hold NULL (decides how <c>!=</c>, <c>!</c> and ordering treat nulls).</summary>
        bool Nullable { get; }
    }

    /// <summary>A column of model <typeparamref name="TModel"/>: what <c>Select</c> accepts.</summary>
    public interface IColumn<TModel> : IColumn
    {
    }

    /// <summary>A column of <typeparamref name="TModel"/> whose values have an order: what <c>OrderBy</c> accepts
    /// (every supported type but <c>byte[]</c>).</summary>
    public interface IOrderedColumn<TModel> : IColumn<TModel>
    {
    }

    /// <summary>
    /// A typed column of a model (<c>Post.Columns.Title</c> is a <c>Column&lt;Post, string&gt;</c>): compare it with values to
    /// build a <see cref="Condition{TModel}"/> for that model only. Values always become parameters. This base offers
    /// equality and null tests (all a <c>byte[]</c> column offers); <see cref="OrderedColumn{TModel, TValue}"/> adds order.
    /// </summary>
#pragma warning disable CS0660, CS0661 // == builds a condition; equality of columns themselves is reference equality
    public class Column<TModel, TValue> : IColumn<TModel>
#pragma warning restore CS0660, CS0661
    {
        /// <summary>Creates a column (generated code does this once per property).</summary>
        public Column(string property, string name, ColumnType type, bool nullable)
        {
            Property = property ?? throw new ArgumentNullException(nameof(property));
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Type = type;
            Nullable = nullable;
        }

        /// <inheritdoc />
        public string Property { get; }

        /// <inheritdoc />
        public string Name { get; }

        /// <inheritdoc />
        public ColumnType Type { get; }

        /// <inheritdoc />
        public bool Nullable { get; }

        /// <summary><c>column = value</c>; <c>IS NULL</c> when <paramref name="value"/> is null.</summary>
        public static Condition<TModel> operator ==(Column<TModel, TValue> column, [AllowNull] TValue value) =>
            value is null ? new NullTest<TModel>(Require(column), true) : new Comparison<TModel>(Require(column), Op.Equal, value);

        /// <summary><c>column &lt;&gt; value</c> with C# null semantics: a row whose value is null is kept (<c>null != 5</c>);
        /// <c>IS NOT NULL</c> when <paramref name="value"/> is null.</summary>
        public static Condition<TModel> operator !=(Column<TModel, TValue> column, [AllowNull] TValue value) =>
            value is null ? new NullTest<TModel>(Require(column), false) : new Comparison<TModel>(Require(column), Op.NotEqual, value);

        /// <summary><c>column IS NULL</c>.</summary>
        public Condition<TModel> IsNull() => new NullTest<TModel>(this, true);

        /// <summary><c>column IS NOT NULL</c>.</summary>
        public Condition<TModel> IsNotNull() => new NullTest<TModel>(this, false);

        /// <inheritdoc />
        public override string ToString() => Name;

        private protected static Column<TModel, TValue> Require(Column<TModel, TValue> column) =>
            column ?? throw new ArgumentNullException(nameof(column));
    }

    /// <summary>A column whose values have an order (every supported type but <c>byte[]</c>): adds <c>&lt;</c>, <c>&gt;</c>,
    /// <c>&lt;=</c>, <c>&gt;=</c>, <see cref="In(IEnumerable{TValue})"/> and ordering. Comparisons follow .NET's
    /// (decimals numerically, instants by instant); see the column-type table in the README.</summary>
#pragma warning disable CS0660, CS0661
    public class OrderedColumn<TModel, TValue> : Column<TModel, TValue>, IOrderedColumn<TModel>
#pragma warning restore CS0660, CS0661
    {
        /// <summary>Creates a column (generated code does this once per property).</summary>
        public OrderedColumn(string property, string name, ColumnType type, bool nullable) : base(property, name, type, nullable) { }

        /// <summary><c>column &lt; value</c> (a null value never matches, as in C#).</summary>
        public static Condition<TModel> operator <(OrderedColumn<TModel, TValue> column, TValue value) => Compare(column, Op.Less, value);

        /// <summary><c>column &gt; value</c>.</summary>
        public static Condition<TModel> operator >(OrderedColumn<TModel, TValue> column, TValue value) => Compare(column, Op.Greater, value);

        /// <summary><c>column &lt;= value</c>.</summary>
        public static Condition<TModel> operator <=(OrderedColumn<TModel, TValue> column, TValue value) => Compare(column, Op.LessOrEqual, value);

        /// <summary><c>column &gt;= value</c>.</summary>
        public static Condition<TModel> operator >=(OrderedColumn<TModel, TValue> column, TValue value) => Compare(column, Op.GreaterOrEqual, value);

        /// <summary>True when the column is one of <paramref name="values"/> (C#'s <c>values.Contains(column)</c>: a null in the
        /// list matches a null value). One parameter however many values; false for none. <c>!column.In(…)</c> keeps nulls
        /// unless the list holds null.</summary>
        public Condition<TModel> In(IEnumerable<TValue> values)
        {
            if (values is null) throw new ArgumentNullException(nameof(values));
            var list = new List<object>();
            var seen = new HashSet<TValue>();
            var hasNull = false;
            foreach (var value in values)
            {
                if (value is null) { hasNull = true; continue; }
                if (seen.Add(value)) list.Add(value);
            }
            return new InList<TModel>(this, list, hasNull);
        }

        /// <summary>True when the column is one of <paramref name="values"/>.</summary>
        public Condition<TModel> In(params TValue[] values) => In((IEnumerable<TValue>)values);

        private static Condition<TModel> Compare(OrderedColumn<TModel, TValue> column, Op op, TValue value)
        {
            Require(column);
            // C#: a lifted comparison with null is false.
            return value is null ? Condition<TModel>.False : new Comparison<TModel>(column, op, value);
        }
    }

    /// <summary>A text column: everything <see cref="OrderedColumn{TModel, TValue}"/> has, plus <see cref="Like"/>.</summary>
#pragma warning disable CS0660, CS0661
    public sealed class StringColumn<TModel> : OrderedColumn<TModel, string>
#pragma warning restore CS0660, CS0661
    {
        /// <summary>Creates a text column.</summary>
        public StringColumn(string property, string name, bool nullable) : base(property, name, ColumnType.String, nullable) { }

        /// <summary><c>column LIKE pattern</c>: <c>%</c> any run, <c>_</c> one character, <c>\</c> escapes either on both
        /// engines; case-insensitive for ASCII on SQLite, case-sensitive on PostgreSQL (the engines' own rules).
        /// A null value never matches; <c>!Like</c> keeps nulls.</summary>
        public Condition<TModel> Like(string pattern) =>
            new Comparison<TModel>(this, Op.Like, pattern ?? throw new ArgumentNullException(nameof(pattern)));
    }
}
