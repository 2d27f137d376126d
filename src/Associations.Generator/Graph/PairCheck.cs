using System.Collections.Generic;
using System.Linq;
using Associations.Generator.Diagnostics;
using Associations.Generator.Model;

namespace Associations.Generator.Graph
{
    /// <summary>The declarations of two models that should describe one relationship, compared once every plan is made.</summary>
    internal static class PairCheck
    {
        /// <summary>
        /// ASSOC010: a HasOne/HasMany and its inverse BelongsTo that resolved to two different columns; or two
        /// HasOne/HasMany of one model to one target stored in the same column (they would return the same rows).
        /// </summary>
        public static void Check(IEnumerable<ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            var all = models.SelectMany(m => m.Plans).ToList();
            foreach (var shared in all.Where(p => p.Declaration.Kind is AssociationKind.HasMany or AssociationKind.HasOne && p.Declaration.ScopeProperty is null)
                         .GroupBy(p => (p.Source, p.Target, p.ForeignKeyProperty)).Where(g => g.Count() > 1 && g.All(p => p.Declaration.As is not null)))
            {
                var second = shared.ElementAt(1);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AliasesShareForeignKey, second.Declaration.At("As"),
                    second.Source.Type.Name, shared.First().Name, second.Name, second.Target.Type.Name, second.ForeignKeyProperty)
                    .WithOtherSide(shared.First().Declaration.At("As") ?? shared.First().Declaration.Location));
            }
            foreach (var group in all.GroupBy(p => (p.Source.Type.FullName, p.Target.Type.FullName)))
            {
                var keyedOnTarget = group.Where(p => p.Declaration.Kind is AssociationKind.HasMany or AssociationKind.HasOne).ToList();
                if (keyedOnTarget.Count != 1) continue;
                var inverse = all.Where(p => p.Declaration.Kind == AssociationKind.BelongsTo
                    && p.Source.Type.FullName == group.Key.Item2 && p.Target.Type.FullName == group.Key.Item1).ToList();
                if (inverse.Count != 1 || inverse[0].ForeignKeyProperty == keyedOnTarget[0].ForeignKeyProperty) continue;
                var a = keyedOnTarget[0];
                var b = inverse[0];
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InverseUsesAnotherColumn, b.Declaration.Location,
                    a.Source.Type.Name, a.Name, a.Target.Type.Name, a.ForeignKeyProperty, b.Source.Type.Name, b.Name, b.ForeignKeyProperty)
                    .WithOtherSide(a.Declaration.Location));
            }
        }
    }
}
