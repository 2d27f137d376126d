using System.Linq;
using Associations.Generator.Model;

namespace Associations.Generator.Graph
{
    /// <summary>The last step: a finished <see cref="ModelBuilder"/> becomes its <see cref="ModelSpec"/>, each plan its <see cref="AssociationSpec"/>.</summary>
    internal static class SpecBuilder
    {
        private static TableRef Ref(ModelBuilder model) =>
            new TableRef(model.Type.FullName, model.Type.Name, model.Table, model.Columns.ToEquatableArray(), model.Key!, model.Type.IsPublic) { Schema = model.Type.Schema };

        /// <summary>The association scope (ScopeProperty/ScopeValue) of a plan, on the target or the junction.</summary>
        private static AssociationSpec WithScope(AssociationSpec spec, Plan plan)
        {
            var d = plan.Declaration;
            if (d.ScopeProperty is null || d.ScopeKind is null) return spec;
            var holder = plan.Junction ?? plan.Target;
            var column = holder.Column(d.ScopeProperty);
            return column is null ? spec : spec with { ScopeColumn = column, ScopeLiteral = d.ScopeValue, ScopeKind = d.ScopeKind, ScopeText = d.ScopeText };
        }

        /// <summary>A BelongsToMany: both ends' keys, and the junction's two key columns, payload and conflict columns.</summary>
        private static AssociationSpec ThroughJunction(Plan plan, ModelBuilder junction)
        {
            var sourceColumn = junction.Column(plan.ForeignKeyProperty)!;
            var targetColumn = junction.Column(plan.OtherKeyProperty)!;
            var conflict = junction.ConflictColumns.Select(p => junction.Column(p)!.Column).ToEquatableArray();
            var payload = junction.Columns.Where(c => !c.IsGenerated && c.Property != plan.ForeignKeyProperty && c.Property != plan.OtherKeyProperty).ToEquatableArray();
            var spec = new JunctionSpec(Ref(junction), sourceColumn, targetColumn, plan.Declaration.Unique && conflict.Count > 0, conflict, payload, Naming.Identifier(junction.Type.Name));
            return WithScope(new AssociationSpec(plan.Declaration.Kind, plan.Name, plan.Singular, Ref(plan.Source), Ref(plan.Target),
                sourceColumn, plan.Source.Column(plan.ReferencedKeyProperty)!, plan.Target.Column(plan.TargetKeyProperty)!, false, spec), plan);
        }

        /// <summary>A HasOne, HasMany or BelongsTo: its one foreign key and the key it references.</summary>
        private static AssociationSpec Keyed(Plan plan)
        {
            var belongsTo = plan.Declaration.Kind == AssociationKind.BelongsTo;
            var fkColumn = plan.Owner.Column(plan.ForeignKeyProperty)!;
            var sourceKey = belongsTo ? plan.Source.Key! : plan.Source.Column(plan.ReferencedKeyProperty)!;
            var targetKey = belongsTo ? plan.Target.Column(plan.ReferencedKeyProperty)! : plan.Target.Key!;
            var onDelete = plan.Owner.ForeignKeys.First(f => f.Property == plan.ForeignKeyProperty).OnDelete ?? (fkColumn.Nullable ? ReferentialAction.SetNull : ReferentialAction.Cascade);
            return WithScope(new AssociationSpec(plan.Declaration.Kind, plan.Name, plan.Singular, Ref(plan.Source), Ref(plan.Target),
                fkColumn, sourceKey, targetKey, !fkColumn.Nullable, null)
            {
                CascadeHooks = plan.Declaration.Hooks && !belongsTo && onDelete == ReferentialAction.Cascade,
            }, plan);
        }

        public static ModelSpec Finish(ModelBuilder model)
        {
            var foreignKeys = model.ForeignKeys.Select(fk =>
            {
                var column = model.Column(fk.Property)!;
                var onDelete = fk.OnDelete ?? (column.Nullable ? ReferentialAction.SetNull : ReferentialAction.Cascade);
                return new ForeignKeySpec(fk.Column, fk.Referenced.Table, fk.Referenced.Column(fk.ReferencedProperty)!.Column,
                    onDelete, fk.OnUpdate ?? ReferentialAction.Cascade, fk.Constraint)
                { ReferencedSchema = fk.Referenced.Type.Schema };
            }).ToEquatableArray();

            var associations = model.Plans.Select(plan => plan.Junction is { } junction ? ThroughJunction(plan, junction) : Keyed(plan)).ToEquatableArray();

            // Hint names allow letters, digits and . _ - only: "@class" namespaces and verbatim names lose their '@'. A nested
            // model's file is named by its containers too ("Shop.Retail.Order").
            var hint = new string(model.Type.FullName.Replace("global::", "")
                .Where(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-').ToArray()) + ".Associations.g.cs";
            var uniques = model.Uniques.Select(u => new UniqueSpec(u.Select(p => model.Column(p)!.Column).ToEquatableArray())).ToEquatableArray();
            return new ModelSpec(model.Type.FullName, model.Type.Name, model.Type.Namespace, model.Type.IsPublic, hint, model.Table,
                model.Columns.ToEquatableArray(), foreignKeys, associations, model.Related.ToEquatableArray(),
                uniques, model.JunctionNavigations.ToEquatableArray(), model.Synthesized)
            {
                Scopes = model.Type.Scopes.Select(s => new ScopeSpec(s.Name, s.IsDefault)).ToEquatableArray(),
                Schema = model.Type.Schema,
                IsRecord = model.Type.IsRecord,
                Containers = model.Type.Containers,
            };
        }
    }
}
