using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Associations.Metadata;

namespace Associations
{
    /// <summary>A column of a model, for ordering and selection.</summary>
    public interface IColumn
    {
        /// <summary>The C# property.</summary>
        string Property { get; }

        /// <summary>The column name, unquoted.</summary>
        string Name { get; }

        /// <summary>The storage type.</summary>
        ColumnType Type { get; }
    }

    /// <summary>
    /// A typed column (<c>Post.Columns.Title</c>): compare it with values to build a <see cref="Condition"/>.
    /// Values always become parameters.
    /// </summary>
#pragma warning disable CS0660, CS0661 // == builds a condition; equality of columns themselves is reference equality
    public class Column<T> : IColumn
#pragma warning restore CS0660, CS0661
    {
        /// <summary>Creates a column (generated code does this once per property).</summary>
        public Column(string property, string name, ColumnType type)
        {
            Property = property;
            Name = name;
            Type = type;
        }

        /// <inheritdoc />
        public string Property { get; }

        /// <inheritdoc />
        public string Name { get; }

        /// <inheritdoc />
        public ColumnType Type { get; }

        /// <summary><c>column = value</c> (<c>IS NULL</c> for null).</summary>
        public static Condition operator ==(Column<T> column, [AllowNull] T value) =>
            value is null ? new NullCondition(column, true) : new ComparisonCondition(column, "=", value);

        /// <summary><c>column &lt;&gt; value</c> (<c>IS NOT NULL</c> for null).</summary>
        public static Condition operator !=(Column<T> column, [AllowNull] T value) =>
            value is null ? new NullCondition(column, false) : new ComparisonCondition(column, "<>", value);

        /// <summary><c>column &lt; value</c>.</summary>
        public static Condition operator <(Column<T> column, T value) => new ComparisonCondition(column, "<", value);

        /// <summary><c>column &gt; value</c>.</summary>
        public static Condition operator >(Column<T> column, T value) => new ComparisonCondition(column, ">", value);

        /// <summary><c>column &lt;= value</c>.</summary>
        public static Condition operator <=(Column<T> column, T value) => new ComparisonCondition(column, "<=", value);

        /// <summary><c>column &gt;= value</c>.</summary>
        public static Condition operator >=(Column<T> column, T value) => new ComparisonCondition(column, ">=", value);

        /// <summary><c>column IN (values)</c>, one parameter however many values (false for none).</summary>
        public Condition In(IEnumerable<T> values) => new InCondition(this, values.Where(v => v is not null).Select(v => (object)v!).Distinct().ToArray());

        /// <summary><c>column IN (values)</c>.</summary>
        public Condition In(params T[] values) => In((IEnumerable<T>)values);

        /// <summary><c>column IS NULL</c>.</summary>
        public Condition IsNull() => new NullCondition(this, true);

        /// <summary><c>column IS NOT NULL</c>.</summary>
        public Condition IsNotNull() => new NullCondition(this, false);

        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>A text column: everything <see cref="Column{T}"/> has, plus <see cref="Like"/>.</summary>
    public sealed class StringColumn : Column<string>
    {
        /// <summary>Creates a text column.</summary>
        public StringColumn(string property, string name) : base(property, name, ColumnType.String) { }

        /// <summary><c>column LIKE pattern</c> (<c>%</c> any run, <c>_</c> one character; case-insensitive for ASCII on SQLite, case-sensitive on PostgreSQL).</summary>
        public Condition Like(string pattern) => new ComparisonCondition(this, "LIKE", pattern);
    }
}
