using Associations.Generator.Graph;
using static Associations.Generator.Emit.Snippets;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// HasOne: the foreign key lives on the target. Writes the navigation and accessors on the model; the runtime object
    /// is a <see cref="TargetKeyedLink"/>.
    /// </summary>
    internal static class HasOneEmitter
    {
        public static void Accessors(CodeWriter w, TypeNames n, ModelSpec model, AssociationSpec a)
        {
            var g = new AccessorSignature(n, a);
            var (access, t, query, task, db, ct, link) = (g.Access, g.Target, g.Query, g.Task, g.Db, g.Ct, g.Link);
            var k = a.Target.Key.ValueType;
            var one = Param(a.Name);
            var name = $"<c>{a.Name}</c>";
            var what = $"<c>{a.Name}</c> of this <c>{model.Name}</c> (HasOne <c>{a.Target.ModelName}</c>, foreign key <c>{a.Target.ModelName}.{a.ForeignKey.Property}</c>)";
            var unlink = a.UnlinkDeletes
                ? $" Because <c>{a.Target.ModelName}.{a.ForeignKey.Property}</c> is not nullable, the previous <c>{a.Target.ModelName}</c> is deleted."
                : $" The previous <c>{a.Target.ModelName}</c> keeps existing with <c>{a.ForeignKey.Property}</c> set to NULL.";

            w.Line($"// ---- {a.Name}: HasOne {a.Target.ModelName} through {a.Target.ModelName}.{a.ForeignKey.Property}");
            w.Line();
            w.Summary($"The {what}, filled by <c>Include{a.Name}</c> and by <c>Set{a.Name}Async</c>/<c>Create{a.Name}Async</c>; null when not loaded or none.");
            w.Line($"{access} {t}? {a.Name} {{ get; set; }}");
            w.Line();
            Doc(w, $"Loads the {name}, or null.", d => d.SelectTargets(a, true));
            w.Line($"{access} {task}<{t}?> Get{a.Name}Async({db} db, {ct} cancellationToken = default)");
            w.Line($"    => {link}.GetOneAsync(db, this, null, cancellationToken);");
            w.Line();
            w.Summary($"Loads the {name} matching <paramref name=\"query\"/>, or null.");
            w.Line($"{access} {task}<{t}?> Get{a.Name}Async({db} db, {query} query, {ct} cancellationToken = default)");
            w.Line($"    => {link}.GetOneAsync(db, this, query, cancellationToken);");
            w.Line();
            Doc(w, $"Makes <paramref name=\"{Bare(one)}\"/> the {name}, atomically; null unlinks the current one.{unlink}",
                d => d.LockSource(a), d => d.UnlinkOthers(a), d => d.Link(a));
            w.Line($"{access} {task} Set{a.Name}Async({db} db, {t}? {one}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.SetOneAsync(db, this, {one}, null, cancellationToken);");
            w.Line();
            w.Summary($"Makes the <c>{a.Target.ModelName}</c> with <paramref name=\"key\"/> the {name}, atomically.");
            w.Line($"{access} {task} Set{a.Name}Async({db} db, {k} key, {ct} cancellationToken = default)");
            w.Line($"    => {link}.SetOneAsync(db, this, null, key, cancellationToken);");
            w.Line();
            Doc(w, $"Inserts <paramref name=\"{Bare(one)}\"/> as the {name}, in one transaction that first unlinks the current one.{unlink}",
                d => d.LockSource(a), d => d.UnlinkOthers(a), d => d.Insert(AsModel(a.Target)));
            w.Line($"{access} {task}<{t}> Create{a.Name}Async({db} db, {t} {one}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.CreateAsync(db, this, {g.NotNull(one)}, cancellationToken);");
            w.Line();
        }
    }
}
