using Associations.Generator.Graph;
using Associations.Generator.Model;
using static Associations.Generator.Emit.Snippets;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// HasOne and HasMany (the key on the target): the <c>TargetKeyedAssociation</c> field of <c>__Associations</c>, one options
    /// object with each value named, so the field reads in "Go to definition".
    /// </summary>
    internal static class TargetKeyedLink
    {
        public static void Write(CodeWriter w, TypeNames n, string s, string t, AssociationSpec a)
        {
            var many = a.Kind == AssociationKind.HasMany;
            w.Line($"public static readonly {RuntimeNames.TargetKeyedAssociation}<{s}, {t}> {a.Name} = new(new()");
            w.Line("{");
            using (w.Indent())
            {
                w.Line($"Name = {CodeWriter.Literal(a.Name)},");
                w.Line($"Kind = {RuntimeNames.AssociationKind}.{a.Kind},");
                w.Line($"SourceKey = static source => source.{a.SourceKey.Property},");
                w.Line($"SourceKeyProperty = {CodeWriter.Literal(a.SourceKey.Property)},");
                w.Line($"SourceKeyColumn = {s}.Columns.{a.SourceKey.Property},");
                w.Line($"TargetKey = static target => target.{a.Target.Key.Property},");
                w.Line($"TargetKeyColumn = {t}.Columns.{a.Target.Key.Property},");
                w.Line($"ForeignKeyColumn = {t}.Columns.{a.ForeignKey.Property},");
                w.Line($"GetForeignKey = static target => target.{a.ForeignKey.Property},");
                w.Line($"SetForeignKey = static (target, value) => target.{a.ForeignKey.Property} = {Cast(a.ForeignKey, "value")},");
                w.Line($"UnlinkDeletes = {Bool(a.UnlinkDeletes)},");
                w.Line($"Sql = new {RuntimeNames.TargetKeyedSql}(");
                w.Line($"    {SqlText(d => d.SelectTargets(a, !many))},");
                w.Line($"    {SqlText(d => d.CountTargets(a))},");
                w.Line($"    {SqlText(d => d.CountKeys(a))},");
                w.Line($"    {SqlText(d => d.Link(a))},");
                w.Line($"    {SqlText(d => d.Unlink(a))},");
                w.Line($"    {SqlText(d => d.UnlinkOthers(a))},");
                w.Line($"    {SqlText(d => d.LockSource(a))},");
                w.Line($"    {SqlText(d => d.ExistingTargetKeys(a, a.Target.Key))}),");
                var navigation = many ? $"{n.Collections}.List<{t}>" : t;
                w.Line($"GetNavigation = static source => source.{a.Name},");
                w.Line($"SetNavigation = static (source, value) => source.{a.Name} = ({navigation}?)value,");
                w.Line($"Stitch = {Stitch(n, s, t, a, a.SourceKey, "c." + a.ForeignKey.Property, many)},");
                if (a.ScopeColumn is not null)
                {
                    w.Line($"Scope = {t}.Columns.{a.ScopeColumn.Property} == {a.ScopeLiteral},");
                    w.Line($"ApplyScope = static target => target.{a.ScopeColumn.Property} = {a.ScopeLiteral},");
                }
            }
            w.Line("});");
        }
    }
}
