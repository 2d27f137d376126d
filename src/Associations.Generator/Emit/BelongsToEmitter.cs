using Associations.Generator.Graph;
using static Associations.Generator.Emit.Snippets;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// BelongsTo: the foreign key lives on this model. Writes the navigation and accessors on the model, and the
    /// association's runtime object (<c>BelongsToAssociation</c>) in <c>__Associations</c>.
    /// </summary>
    internal static class BelongsToEmitter
    {
        public static void Accessors(CodeWriter w, TypeNames n, ModelSpec model, AssociationSpec a)
        {
            var g = new AccessorSignature(n, a);
            var (access, t, query, task, db, ct, link) = (g.Access, g.Target, g.Query, g.Task, g.Db, g.Ct, g.Link);
            var k = a.TargetKey.ValueType;
            var one = Param(a.Name);
            var name = $"<c>{a.Name}</c>";
            var what = $"<c>{a.Name}</c> of this <c>{model.Name}</c> (BelongsTo <c>{a.Target.ModelName}</c> through <c>{a.ForeignKey.Property}</c>)";

            w.Line($"// ---- {a.Name}: BelongsTo {a.Target.ModelName} through {model.Name}.{a.ForeignKey.Property}");
            w.Line();
            w.Summary($"The {what}, filled by <c>Include{a.Name}</c> and by <c>Set{a.Name}Async</c>/<c>Create{a.Name}Async</c>; null when not loaded or none.");
            w.Line($"{access} {t}? {a.Name} {{ get; set; }}");
            w.Line();
            Doc(w, $"Loads the {name}, or null (no query runs when <c>{a.ForeignKey.Property}</c> is null).", d => d.SelectReferenced(a));
            w.Line($"{access} {task}<{t}?> Get{a.Name}Async({db} db, {ct} cancellationToken = default)");
            w.Line($"    => {link}.GetAsync(db, this, null, cancellationToken);");
            w.Line();
            w.Summary($"Loads the {name} if it matches <paramref name=\"query\"/>, or null.");
            w.Line($"{access} {task}<{t}?> Get{a.Name}Async({db} db, {query} query, {ct} cancellationToken = default)");
            w.Line($"    => {link}.GetAsync(db, this, query, cancellationToken);");
            w.Line();
            Doc(w, $"Points this <c>{model.Name}</c> at <paramref name=\"{Bare(one)}\"/> (null unlinks) and saves <c>{a.ForeignKey.Property}</c>; the target must exist.",
                d => d.ExistingTargetKeys(a, a.TargetKey), d => d.SetForeignKey(a));
            w.Line($"{access} {task} Set{a.Name}Async({db} db, {t}? {one}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.SetAsync(db, this, {one}, null, cancellationToken);");
            w.Line();
            w.Summary($"Points this <c>{model.Name}</c> at the <c>{a.Target.ModelName}</c> with <paramref name=\"key\"/>; that row must exist.");
            w.Line($"{access} {task} Set{a.Name}Async({db} db, {k} key, {ct} cancellationToken = default)");
            w.Line($"    => {link}.SetAsync(db, this, null, key, cancellationToken);");
            w.Line();
            Doc(w, $"Inserts <paramref name=\"{Bare(one)}\"/> and points this <c>{model.Name}</c> at it, in one transaction.",
                d => d.Insert(AsModel(a.Target)), d => d.SetForeignKey(a));
            w.Line($"{access} {task}<{t}> Create{a.Name}Async({db} db, {t} {one}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.CreateAsync(db, this, {g.NotNull(one)}, cancellationToken);");
            w.Line();
        }

        /// <summary>The <c>BelongsToAssociation</c> field: statements per dialect, typed key access, the include's stitch.</summary>
        public static void Link(CodeWriter w, TypeNames n, string s, string t, AssociationSpec a)
        {
            w.Line($"public static readonly {RuntimeNames.BelongsToAssociation}<{s}, {t}> {a.Name} = new(");
            using (w.Indent())
            {
                w.Line($"{CodeWriter.Literal(a.Name)},");
                w.Line($"{CodeWriter.Literal(a.ForeignKey.Property)},");
                w.Line($"static source => source.{a.ForeignKey.Property},");
                w.Line($"static (source, value) => source.{a.ForeignKey.Property} = {Cast(a.ForeignKey, "value")},");
                w.Line($"static target => target.{a.TargetKey.Property},");
                w.Line($"{t}.Columns.{a.TargetKey.Property},");
                w.Line($"new {RuntimeNames.SourceKeyedSql}(");
                w.Line($"    {SqlText(d => d.SelectReferenced(a))},");
                w.Line($"    {SqlText(d => d.SetForeignKey(a))},");
                w.Line($"    {SqlText(d => d.ExistingTargetKeys(a, a.TargetKey))}),");
                w.Line($"{s}.Columns.{a.ForeignKey.Property},");
                Navigation(w, a, t);
                w.Line($"{Stitch(n, s, t, a, a.ForeignKey, "c." + a.TargetKey.Property, many: false)});");
            }
        }
    }
}
