using System.Linq;
using Associations.Generator.Graph;
using Associations.Generator.Model;
using static Associations.Generator.Emit.Snippets;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// The include builders and named scopes of a model, as extension methods on <c>Query&lt;Model&gt;</c>: a top-level
    /// static class written at the end of the model's file (one file per model: each file costs the compiler its own
    /// alias bindings and declarations, measured at 11% of compiling the output when every model had two).
    /// </summary>
    internal static class IncludesEmitter
    {
        /// <summary>
        /// <c>{Model}QueryExtensions</c>; for a nested model the containers' names come first (<c>RetailOrderQueryExtensions</c>
        /// for <c>Retail.Order</c>), since extension methods live in a top-level class and two containers may nest equal names.
        /// </summary>
        private static string QueryExtensionsName(ModelSpec model) =>
            string.Concat(model.Containers.Select(c => c.Substring(c.LastIndexOf(' ') + 1))) + model.Name + "QueryExtensions";

        /// <summary>The <c>Include{Alias}</c> builders of a model, as extension methods on <c>Query&lt;Model&gt;</c>.</summary>
        public static void Write(CodeWriter w, TypeNames n, ModelSpec model)
        {
            var q = n.QueryOf(model.FullName);
            w.Summary($"Include builders and named scopes for queries of <c>{model.Name}</c>.");
            w.Line(n.GeneratedCode);
            w.Open($"{(model.IsPublic ? "public" : "internal")} static class {QueryExtensionsName(model)}");
            var first = true;
            foreach (var scope in model.Scopes)
            {
                if (!first) w.Line();
                first = false;
                w.Summary($"Applies the scope <c>{model.Name}.{scope.Name}</c>{(scope.IsDefault ? " (also a default scope: it applies to every query until <c>Unscoped()</c>)" : "")}.");
                w.Line($"{(model.IsPublic ? "public" : "internal")} static {q} {scope.Name}(this {q} query) => {n.Type(model.FullName)}.__Scope_{scope.Name}(query);");
            }
            foreach (var a in model.Associations)
            {
                if (!first) w.Line();
                first = false;
                var shape = n.QueryShape(a.Target.FullName);
                var access = Access(a) == "public" && model.IsPublic ? "public" : "internal";
                var link = $"{n.Links(model.FullName)}.{a.Name}";
                switch (a.Kind)
                {
                    case AssociationKind.HasOne:
                    case AssociationKind.BelongsTo:
                        w.Summary($"Includes the <c>{a.Name}</c> ({a.Kind} <c>{a.Target.ModelName}</c>) in the same statement: a LEFT JOIN, or an INNER JOIN when <paramref name=\"configure\"/> calls <c>Required()</c>; its filters go into the ON clause.");
                        w.Line($"{access} static {q} Include{a.Name}(this {q} query, {shape}? configure = null)");
                        w.Line($"    => query.Include({link}.Include(configure));");
                        w.Line();
                        var column = $"{n.Runtime}.IOrderedColumn<{n.Type(a.Target.FullName)}>";
                        w.Summary($"Orders by <paramref name=\"column\"/> of the <c>{a.Name}</c>, after any earlier ordering (none sorts as null, first).");
                        w.Line($"{access} static {q} OrderBy{a.Name}(this {q} query, {column} column)");
                        w.Line($"    => query.OrderByRelated({link}.Include(null), column, descending: false);");
                        w.Line();
                        w.Summary($"Orders descending by <paramref name=\"column\"/> of the <c>{a.Name}</c> (none sorts as null, last).");
                        w.Line($"{access} static {q} OrderByDescending{a.Name}(this {q} query, {column} column)");
                        w.Line($"    => query.OrderByRelated({link}.Include(null), column, descending: true);");
                        break;
                    case AssociationKind.HasMany:
                        w.Summary($"Includes the <c>{a.Name}</c> (HasMany <c>{a.Target.ModelName}</c>) with one more statement for all parents; paging in <paramref name=\"configure\"/> applies per parent, <c>Required()</c> keeps parents with a match.");
                        w.Line($"{access} static {q} Include{a.Name}(this {q} query, {shape}? configure = null)");
                        w.Line($"    => query.Include({link}.Include(configure));");
                        break;
                    default:
                        w.Summary($"Includes the <c>{a.Name}</c> (BelongsToMany <c>{a.Target.ModelName}</c> through <c>{a.Junction!.Table.ModelName}</c>) with one more statement for all parents, each row with its junction row in <c>{a.Junction.NavigationProperty}</c>; <paramref name=\"through\"/> filters junction columns, paging applies per parent.");
                        w.Line($"{access} static {q} Include{a.Name}(this {q} query, {shape}? configure = null, {n.QueryShape(a.Junction.Table.FullName)}? through = null)");
                        w.Line($"    => query.Include({link}.Include(configure, through));");
                        break;
                }
                var m2m = a.Kind == AssociationKind.BelongsToMany;
                var include = m2m ? $"{link}.Include(filter, null)" : $"{link}.Include(filter)";
                w.Line();
                w.Summary($"Keeps the rows with a <c>{a.Name}</c> matching <paramref name=\"filter\"/> (an <c>EXISTS</c>).");
                w.Line($"{access} static {q} WhereHas{a.Name}(this {q} query, {shape}? filter = null)");
                w.Line($"    => query.WhereHas({include});");
                w.Line();
                w.Summary($"Keeps the rows with no <c>{a.Name}</c> matching <paramref name=\"filter\"/> (a <c>NOT EXISTS</c>).");
                w.Line($"{access} static {q} WhereHasNo{a.Name}(this {q} query, {shape}? filter = null)");
                w.Line($"    => query.WhereHas({include}, none: true);");
                if (a.Kind is AssociationKind.HasMany or AssociationKind.BelongsToMany)
                {
                    w.Line();
                    w.Summary($"Fills <c>{a.Name}Count</c> with the number of <c>{a.Name}</c> matching <paramref name=\"filter\"/>, in the same statement.");
                    w.Line($"{access} static {q} With{a.Name}Count(this {q} query, {shape}? filter = null)");
                    w.Line($"    => query.WithCount({include}, static (row, count) => row.{a.Name}Count = count);");
                }
            }
            w.Close();
        }
    }
}
