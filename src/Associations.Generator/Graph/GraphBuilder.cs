using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Associations.Generator.Diagnostics;
using Associations.Generator.Model;
using Associations.Generator.Parsing;

namespace Associations.Generator.Graph
{
    /// <summary>
    /// The analysis step: from the declarations of every model to the resolved graph — names,
    /// tables, columns, foreign keys (shared by paired declarations), related models — plus the
    /// diagnostics found on the way. Pure function of its input; no Roslyn types. The steps live beside it:
    /// <see cref="ModelDescriber"/> (each model's shape and columns), one planner per association kind
    /// (<see cref="HasPlanner"/>, <see cref="BelongsToPlanner"/>, <see cref="BelongsToManyPlanner"/>, over
    /// <see cref="AssociationChecks"/>, <see cref="KeyedPlanner"/> and <see cref="ForeignKeys"/>), the checks that need
    /// every plan (<see cref="PairCheck"/>, <see cref="CycleCheck"/>) and <see cref="SpecBuilder"/>.
    /// </summary>
    internal static class GraphBuilder
    {
        public static ModelGraph Build(ImmutableArray<ModelDeclaration> declarations, AssemblyOptions options, CancellationToken ct)
        {
            var diagnostics = new List<DiagnosticInfo>();

            // 1. Every class that is a model: declared with attributes, or the target / junction of one.
            var declared = new SortedDictionary<string, ModelDeclaration>(StringComparer.Ordinal);
            foreach (var declaration in declarations)
                if (!declared.ContainsKey(declaration.Type.FullName)) declared[declaration.Type.FullName] = declaration;

            var models = new SortedDictionary<string, ModelBuilder>(StringComparer.Ordinal);
            foreach (var declaration in declared.Values)
            {
                models[declaration.Type.FullName] = new ModelBuilder(declaration.Type);
                foreach (var association in declaration.Associations)
                {
                    if (association.Target is { } target && !models.ContainsKey(target.FullName) && !declared.ContainsKey(target.FullName))
                        models[target.FullName] = new ModelBuilder(target) { ReferencedAt = association.Location };
                    if (association.ThroughType is { } through && !models.ContainsKey(through.FullName) && !declared.ContainsKey(through.FullName))
                        models[through.FullName] = new ModelBuilder(through) { ReferencedAt = association.At("Through") };
                }
            }

            // Junctions of BelongsToMany: a model given by type, or a class generated from its name.
            foreach (var declaration in declared.Values)
                foreach (var association in declaration.Associations)
                    BelongsToManyPlanner.RegisterJunction(declaration.Type, association, models, diagnostics);

            // 2. Shape, naming and columns of each model.
            foreach (var model in models.Values)
            {
                ct.ThrowIfCancellationRequested();
                ModelDescriber.Describe(model, options, diagnostics);
            }

            // 3. Associations: names, foreign keys (created where missing, shared by pairs). Junction keys
            //    first, so that a BelongsTo declared on a junction model finds its (non-nullable) column.
            foreach (var manyToMany in new[] { true, false })
            {
                foreach (var declaration in declared.Values)
                {
                    var source = models[declaration.Type.FullName];
                    if (!source.Valid) continue;
                    foreach (var association in declaration.Associations)
                    {
                        ct.ThrowIfCancellationRequested();
                        if ((association.Kind == AssociationKind.BelongsToMany) == manyToMany)
                            PlanAssociation(source, association, models, diagnostics);
                    }
                }
            }

            PairCheck.Check(models.Values, diagnostics);
            CycleCheck.Check(models.Values.Where(m => m.Valid).ToList(), diagnostics);

            // 4. The resolved specs, with final column lists.
            foreach (var model in models.Values.Where(m => m.Valid && m.Key is null))
            {
                // A junction whose every BelongsToMany was rejected: the rejection was reported already.
                if (!model.IsJunction) diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoPrimaryKey, model.Type.Location, model.Type.Name));
                model.Valid = false;
            }
            // Nothing valid may point at a model that is not emitted.
            foreach (var model in models.Values.Where(m => m.Valid))
            {
                model.Plans.RemoveAll(p => !p.Target.Valid || p.Junction is { Valid: false } || !p.Owner.Valid);
                model.Related.RemoveWhere(name => !models.TryGetValue(name, out var related) || !related.Valid);
                model.JunctionNavigations.RemoveAll(n => !models.TryGetValue(n.Type, out var junction) || !junction.Valid);
            }
            var specs = UniqueHintNames(models.Values.Where(m => m.Valid).Select(SpecBuilder.Finish)).ToEquatableArray();
            return new ModelGraph(specs, diagnostics.ToEquatableArray());
        }

        /// <summary>One association of <paramref name="source"/>, handed to the planner of its kind.</summary>
        private static void PlanAssociation(ModelBuilder source, AssociationDecl association, SortedDictionary<string, ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            if (association.Target is null || !models.TryGetValue(association.Target.FullName, out var target) || !target.Valid) return;
            switch (association.Kind)
            {
                case AssociationKind.BelongsToMany:
                    BelongsToManyPlanner.Plan(source, target, association, models, diagnostics);
                    break;
                case AssociationKind.BelongsTo:
                    BelongsToPlanner.Plan(source, target, association, diagnostics);
                    break;
                default:
                    HasPlanner.Plan(source, target, association, diagnostics);
                    break;
            }
        }

        /// <summary>Hint names must differ even on a case-insensitive file system ("user" junction beside a "User" model):
        /// a later clash (models are in ordinal order of full name) gets a numbered suffix.</summary>
        private static IEnumerable<ModelSpec> UniqueHintNames(IEnumerable<ModelSpec> specs)
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var spec in specs)
            {
                var hint = spec.HintName;
                for (var n = 2; !used.Add(hint); n++)
                    hint = spec.HintName.Replace(".Associations.g.cs", "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".Associations.g.cs");
                yield return hint == spec.HintName ? spec : spec with { HintName = hint };
            }
        }
    }
}
