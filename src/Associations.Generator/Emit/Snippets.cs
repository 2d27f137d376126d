using System.Collections.Generic;
using System.Linq;
using Associations.Generator.Graph;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// Small pieces of generated code every emitter uses: SQL per dialect as literals, the documentation of an accessor's
    /// SQL, parameter names, access modifiers, casts and key conversions.
    /// </summary>
    internal static class Snippets
    {
        private static readonly SqlDialect[] Dialects = { SqlDialect.Sqlite, SqlDialect.PostgreSql };
        private static readonly HashSet<string> ReservedParameters = new HashSet<string> { "db", "query", "key", "keys", "cancellationToken", "through" };

        /// <summary><c>new("…")</c> when every dialect has the same text, else <c>new("sqlite…", "postgres…")</c>.</summary>
        public static string SqlText(System.Func<SqlDialect, string> statement)
        {
            var texts = Dialects.Select(d => CodeWriter.Literal(statement(d))).ToList();
            return texts.Distinct().Count() == 1 ? "new(" + texts[0] + ")" : "new(" + string.Join(", ", texts) + ")";
        }

        /// <summary>Documentation with the statements the member runs, per dialect (once per group of overloads).</summary>
        public static void Doc(CodeWriter w, string summary, params System.Func<SqlDialect, string>[] statements)
        {
            w.Summary(summary);
            var sqlite = string.Join(";\n", statements.Select(s => s(SqlDialect.Sqlite)));
            var postgres = string.Join(";\n", statements.Select(s => s(SqlDialect.PostgreSql)));
            if (sqlite == postgres)
            {
                Code(w, "/// <remarks>SQL: <code>", sqlite);
                w.Line("/// </code></remarks>");
            }
            else
            {
                Code(w, "/// <remarks>SQLite: <code>", sqlite);
                Code(w, "/// </code>PostgreSQL: <code>", postgres);
                w.Line("/// </code></remarks>");
            }
        }

        private static void Code(CodeWriter w, string opening, string sql)
        {
            w.Line(opening);
            foreach (var line in sql.Split(CodeWriter.LineBreaks)) w.Line("/// " + CodeWriter.Xml(line));
        }

        /// <summary>The target of an association as a model, for its INSERT statement.</summary>
        public static ModelSpec AsModel(TableRef table) =>
            new ModelSpec(table.FullName, table.ModelName, "", table.IsPublic, "", table.Table, table.Columns,
                Model.EquatableArray<ForeignKeySpec>.Empty, Model.EquatableArray<AssociationSpec>.Empty, Model.EquatableArray<string>.Empty,
                Model.EquatableArray<UniqueSpec>.Empty, Model.EquatableArray<NavigationSpec>.Empty, false)
            { Schema = table.Schema };

        /// <summary>Members exposing the target (or junction) are public only when those types are.</summary>
        public static string Access(AssociationSpec a) =>
            a.Target.IsPublic && (a.Junction is null || a.Junction.Table.IsPublic) ? "public" : "internal";

        /// <summary>An accessor's parameter named after <paramref name="name"/>, never one of the accessor's fixed parameters.</summary>
        public static string Param(string name)
        {
            var p = Naming.Parameter(name);
            return ReservedParameters.Contains(p) ? p + "Item" : p;
        }

        /// <summary>A parameter name as <c>&lt;paramref name="…"/&gt;</c> reads it (without a verbatim <c>@</c>).</summary>
        public static string Bare(string parameter) => parameter.TrimStart('@');

        public static string Bool(bool value) => value ? "true" : "false";

        /// <summary>Converts an <c>object?</c> key back to the property's type.</summary>
        public static string Cast(ColumnSpec c, string value) =>
            c.Nullable ? $"({c.PropertyType}){value}" : $"{value} is null ? default! : ({c.PropertyType}){value}";

        /// <summary>
        /// How an include's rows find their parents: the parent's key, the key a row carries (its foreign key, its key, or its
        /// junction row's foreign key; null when it has none) and how the navigation is set.
        /// </summary>
        public static string Stitch(TypeNames n, string s, string t, AssociationSpec a, ColumnSpec parentKey, string child, bool many)
        {
            var method = (many ? "Many" : "One") + (parentKey.IsValueType ? "" : "ByReference");
            return $"{n.Stitches}.{method}<{s}, {t}, {parentKey.ValueType}>(static p => p.{parentKey.Property}, static c => {child}, static (p, c) => p.{a.Name} = c)";
        }

        /// <summary>The navigation's untyped getter and setter (the runtime's graph insert and undo use them).</summary>
        public static void Navigation(CodeWriter w, AssociationSpec a, string type, bool last = false)
        {
            w.Line($"static source => source.{a.Name},");
            w.Line($"static (source, value) => source.{a.Name} = ({type}?)value{(last ? ");" : ",")}");
        }
    }
}
