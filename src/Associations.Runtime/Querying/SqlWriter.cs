using System.Collections.Generic;
using System.ComponentModel;
using System.Text;

namespace Associations.Internal
{
    /// <summary>Builds one statement at run time: SQL text, positional parameters <c>@p0…</c>, the current table alias.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class SqlWriter
    {
        internal SqlWriter(Dialect dialect, List<object?>? parameters = null)
        {
            Dialect = dialect;
            Parameters = parameters ?? new List<object?>();
        }

        /// <summary>The dialect being written.</summary>
        public Dialect Dialect { get; }

        /// <summary>The text so far.</summary>
        public StringBuilder Sql { get; } = new StringBuilder(256);

        /// <summary>The parameter values so far.</summary>
        public List<object?> Parameters { get; }

        /// <summary>The alias columns are qualified with (null: unqualified).</summary>
        public string? Alias { get; set; }

        /// <summary>The alias prefix of the statement being written (see <see cref="SelectPlan.AliasPrefix"/>).</summary>
        public string AliasPrefix { get; set; } = "";

        /// <summary>Appends raw SQL text.</summary>
        public SqlWriter Append(string text)
        {
            Sql.Append(text);
            return this;
        }

        /// <summary>Appends a column, qualified by <see cref="Alias"/>.</summary>
        public SqlWriter Column(string name)
        {
            if (Alias is not null) Sql.Append(Dialect.Quote(Alias)).Append('.');
            Sql.Append(Dialect.Quote(name));
            return this;
        }

        /// <summary>Adds a parameter and appends its placeholder.</summary>
        public SqlWriter Parameter(object? value)
        {
            Sql.Append(AddParameter(value));
            return this;
        }

        /// <summary>Adds a parameter and returns its placeholder.</summary>
        public string AddParameter(object? value)
        {
            Parameters.Add(value);
            return "@p" + (Parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <inheritdoc />
        public override string ToString() => Sql.ToString();
    }
}
