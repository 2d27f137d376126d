using System;
using System.Text;
using Associations.Internal;

namespace Associations
{
    /// <summary>
    /// <c>EXISTS (…)</c> / <c>NOT EXISTS (…)</c> over the rows an association links to the row being filtered: what the
    /// generated <c>WhereHas{Alias}</c> and <c>WhereHasNo{Alias}</c> build, for any association kind (through the junction
    /// for BelongsToMany). The associated model's default scope and the filter apply inside.
    /// </summary>
    internal sealed class RelatedCondition<T> : Condition<T> where T : class
    {
        private readonly Include<T> _include;
        private readonly bool _negated;

        public RelatedCondition(Include<T> include, bool negated = false)
        {
            _include = include;
            _negated = negated;
        }

        internal override Condition<T> Negate() => new RelatedCondition<T>(_include, !_negated);

        internal override void WriteTo(SqlWriter writer)
        {
            var parent = writer.Alias ?? throw new InvalidOperationException(
                $"A condition on the association {_include.Name} needs the row it filters to have an alias (use it in a query's Where).");
            var plan = new SelectPlan(writer.Dialect, writer.Parameters, writer.AliasPrefix + "w");
            var sql = new StringBuilder(_negated ? "NOT EXISTS " : "EXISTS ");
            _include.WriteCorrelated(plan, sql, parent, static _ => "1", limitOne: false);
            writer.Append(sql.ToString());
        }
    }

    /// <summary>A count of associated rows read with each row (<c>With{Alias}Count</c>).</summary>
    internal sealed class CountTerm<T> where T : class
    {
        public CountTerm(Include<T> include, Action<T, int> set)
        {
            Include = include;
            Set = set;
        }

        public Include<T> Include { get; }

        public Action<T, int> Set { get; }

        /// <summary><c>(SELECT COUNT(*) FROM … WHERE …)</c> for the row under <paramref name="alias"/>.</summary>
        public string Sql(SelectPlan plan, string alias)
        {
            var sql = new StringBuilder();
            Include.WriteCorrelated(new SelectPlan(plan.Dialect, plan.Parameters, plan.AliasPrefix + "n"), sql, alias, static _ => "COUNT(*)", limitOne: false);
            return sql.ToString();
        }
    }
}
