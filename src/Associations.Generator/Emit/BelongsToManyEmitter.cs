using System.Linq;
using Associations.Generator.Graph;
using static Associations.Generator.Emit.Snippets;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// BelongsToMany: pairs of keys in a junction table. The members are the <see cref="CollectionAccessors"/> with junction
    /// filters and payloads; the runtime object is a <c>BelongsToManyAssociation</c>.
    /// </summary>
    internal static class BelongsToManyEmitter
    {
        public static void Accessors(CodeWriter w, TypeNames n, ModelSpec model, AssociationSpec a)
        {
            var j = a.Junction!;
            // Documented as they run without a payload: a junction of the two keys links every pair in one INSERT … SELECT.
            System.Func<SqlDialect, string> linkPairs = SqlDialect.CanInsertPairs(a) ? d => d.InsertPairs(a) : d => d.InsertJunction(a, false);
            var shape = new CollectionShape(
                what: $"<c>{a.Name}</c> of this <c>{model.Name}</c> (BelongsToMany <c>{a.Target.ModelName}</c> through <c>{j.Table.ModelName}</c>)",
                unlink: $" Unlinking deletes the <c>{j.Table.ModelName}</c> row, never the <c>{a.Target.ModelName}</c>.",
                linkWord: $"inserts the <c>{j.Table.ModelName}</c> row (insert-or-ignore; with <paramref name=\"through\"/> its payload is written, and updated when the pair exists)")
            {
                Select = new System.Func<SqlDialect, string>[] { d => d.SelectThrough(a, false) },
                Count = new System.Func<SqlDialect, string>[] { d => d.SelectThrough(a, true) },
                Has = new System.Func<SqlDialect, string>[] { d => d.CountJunctionKeys(a) },
                Add = new System.Func<SqlDialect, string>[] { d => d.ExistingTargetKeys(a, a.TargetKey), linkPairs },
                Set = new System.Func<SqlDialect, string>[] { d => d.LockSourceAndCountTargets(a), d => d.DeleteJunction(a, others: true), linkPairs },
                Remove = new System.Func<SqlDialect, string>[] { d => d.DeleteJunction(a, others: false) },
                Create = new System.Func<SqlDialect, string>[] { d => d.Insert(AsModel(a.Target)), d => d.InsertJunction(a, false) },
            };
            CollectionAccessors.Write(w, n, model, a, shape);
        }

        /// <summary>The <c>BelongsToManyAssociation</c> field: junction statements, the junction row factory, key access, the stitch.</summary>
        public static void Link(CodeWriter w, TypeNames n, string s, string t, AssociationSpec a)
        {
            var j = a.Junction!;
            var jt = n.Type(j.Table.FullName);
            var copy = string.Join("", j.Payload.Where(c => a.ScopeColumn is null || c.Property != a.ScopeColumn.Property).Select(c => $"{c.Property} = payload.{c.Property}, "));
            var keys = $"{j.SourceColumn.Property} = ({j.SourceColumn.PropertyType})sourceKey, {j.TargetColumn.Property} = ({j.TargetColumn.PropertyType})targetKey"
                + (a.ScopeColumn is null ? "" : $", {a.ScopeColumn.Property} = {a.ScopeLiteral}");
            var required = string.Join("", j.Payload.Where(c => c.InInitializer).Select(c => $"{c.Property} = default!, "));
            var targetKey = $"target.{a.TargetKey.Property}" + (a.TargetKey.IsValueType ? "" : "!");
            if (a.TargetKey.PropertyType != j.TargetColumn.PropertyType) targetKey = $"({j.TargetColumn.PropertyType}){targetKey}";

            w.Line($"public static readonly {RuntimeNames.BelongsToManyAssociation}<{s}, {t}, {jt}> {a.Name} = new(");
            using (w.Indent())
            {
                w.Line($"{CodeWriter.Literal(a.Name)},");
                w.Line($"static source => source.{a.SourceKey.Property},");
                w.Line($"{CodeWriter.Literal(a.SourceKey.Property)},");
                w.Line($"static target => target.{a.TargetKey.Property},");
                w.Line($"{t}.Columns.{a.TargetKey.Property},");
                w.Line($"{jt}.Columns.{j.SourceColumn.Property},");
                w.Line($"{jt}.Columns.{j.TargetColumn.Property},");
                w.Line("static (payload, sourceKey, targetKey) => payload is null");
                w.Line($"    ? new {jt} {{ {required}{keys} }}");
                w.Line($"    : new {jt} {{ {copy}{keys} }},");
                w.Line($"static target => target.{j.NavigationProperty},");
                w.Line($"static (target, value) => target.{j.NavigationProperty} = value,");
                w.Line($"{Bool(j.Unique)},");
                w.Line($"new {RuntimeNames.JunctionSql}(");
                w.Line($"    {SqlText(d => d.SelectThrough(a, false))},");
                w.Line($"    {SqlText(d => d.SelectThrough(a, true))},");
                w.Line($"    {SqlText(d => d.CountJunctionKeys(a))},");
                w.Line($"    {SqlText(d => d.ExistingTargetKeys(a, a.TargetKey))},");
                w.Line($"    {SqlText(d => d.InsertJunction(a, false))},");
                w.Line($"    {SqlText(d => d.InsertJunction(a, true))},");
                w.Line($"    {SqlText(d => d.DeleteJunction(a, others: false))},");
                w.Line($"    {SqlText(d => d.DeleteJunction(a, others: true))},");
                w.Line($"    {SqlText(d => d.LockSourceAndCountTargets(a))},");
                w.Line($"    {(SqlDialect.CanInsertPairs(a) ? SqlText(d => d.InsertPairs(a)) : "null")},");
                w.Line($"    {CodeWriter.Literal(SqlDialect.TargetAlias)},");
                w.Line($"    {CodeWriter.Literal(SqlDialect.JunctionAlias)}),");
                w.Line($"{s}.Columns.{a.SourceKey.Property},");
                w.Line($"static junction => junction.{j.SourceColumn.Property},");
                w.Line($"{Stitch(n, s, t, a, a.SourceKey, $"c.{j.NavigationProperty}?.{j.SourceColumn.Property}", many: true)},");
                w.Line($"static (junction, target) => junction.{j.TargetColumn.Property} = {targetKey},");
                Navigation(w, a, $"{n.Collections}.List<{t}>", last: a.ScopeColumn is null);
                if (a.ScopeColumn is not null) w.Line($"junctionScope: {jt}.Columns.{a.ScopeColumn.Property} == {a.ScopeLiteral});");
            }
        }
    }
}
