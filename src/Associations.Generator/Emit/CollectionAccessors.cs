using Associations.Generator.Graph;
using static Associations.Generator.Emit.Snippets;

namespace Associations.Generator.Emit
{
    /// <summary>What differs between the to-many kinds' members: the words of their docs and the SQL each group documents.</summary>
    internal sealed class CollectionShape
    {
        public CollectionShape(string what, string unlink, string linkWord)
        {
            What = what;
            Unlink = unlink;
            LinkWord = linkWord;
        }

        /// <summary>"<c>Roles</c> of this <c>User</c> (BelongsToMany …)".</summary>
        public string What { get; }

        /// <summary>What unlinking does to a row, a sentence starting with a space.</summary>
        public string Unlink { get; }

        /// <summary>What adding does ("sets its <c>UserId</c>").</summary>
        public string LinkWord { get; }

        public System.Func<SqlDialect, string>[] Select { get; set; } = new System.Func<SqlDialect, string>[0];
        public System.Func<SqlDialect, string>[] Count { get; set; } = new System.Func<SqlDialect, string>[0];
        public System.Func<SqlDialect, string>[] Has { get; set; } = new System.Func<SqlDialect, string>[0];
        public System.Func<SqlDialect, string>[] Set { get; set; } = new System.Func<SqlDialect, string>[0];
        public System.Func<SqlDialect, string>[] Add { get; set; } = new System.Func<SqlDialect, string>[0];
        public System.Func<SqlDialect, string>[] Remove { get; set; } = new System.Func<SqlDialect, string>[0];
        public System.Func<SqlDialect, string>[] Create { get; set; } = new System.Func<SqlDialect, string>[0];
    }

    /// <summary>
    /// HasMany and BelongsToMany: the same sixteen members (SPEC §2: the navigation, its count, Get/Count/Has/Set/Add/Remove/
    /// Create with instance and key overloads); BelongsToMany adds junction filters and payloads.
    /// </summary>
    internal static class CollectionAccessors
    {
        /// <summary>The members of a to-many association; a BelongsToMany (<c>a.Junction</c> set) adds junction payloads and filters.</summary>
        public static void Write(CodeWriter w, TypeNames n, ModelSpec model, AssociationSpec a, CollectionShape shape)
        {
            var g = new AccessorSignature(n, a);
            var (access, t, query, task, db, ct, list, link) = (g.Access, g.Target, g.Query, g.Task, g.Db, g.Ct, g.List, g.Link);
            var k = a.TargetKey.ValueType;
            var one = Param(a.Singular);
            var many = Param(a.Name);
            var j = a.Junction;
            var m2m = j is not null;
            var through = m2m ? $", {n.Type(j!.Table.FullName)}? through = null" : "";
            var throughArg = m2m ? ", through" : "";
            var noFilter = m2m ? ", null" : "";
            var name = $"<c>{a.Name}</c>";
            var (what, unlink, linkWord) = (shape.What, shape.Unlink, shape.LinkWord);
            var (select, count, has, set, add, remove, create) = (shape.Select, shape.Count, shape.Has, shape.Set, shape.Add, shape.Remove, shape.Create);
            var keysArg = $"{n.Arg}.Keys(keys)";
            var targets = $"{g.Enumerable}<{t}>";
            var keyList = $"{g.Enumerable}<{k}>";

            w.Line(m2m
                ? $"// ---- {a.Name}: BelongsToMany {a.Target.ModelName} through {j!.Table.ModelName} ({j.SourceColumn.Property}, {j.TargetColumn.Property})"
                : $"// ---- {a.Name}: HasMany {a.Target.ModelName} through {a.Target.ModelName}.{a.ForeignKey.Property}");
            w.Line();
            w.Summary($"The {what}, filled by <c>Include{a.Name}</c>; null when not loaded, empty when there are none.");
            w.Line($"{access} {list}? {a.Name} {{ get; set; }}");
            w.Line();
            w.Summary($"How many {name}: filled by <c>With{a.Name}Count</c> in the same statement as this row; null otherwise (a count never fills {name}).");
            w.Line($"{access} int? {a.Name}Count {{ get; set; }}");
            w.Line();

            Doc(w, $"Loads the {name}{(m2m ? $", each carrying its <c>{j!.Table.ModelName}</c> row in <c>{j.NavigationProperty}</c>" : "")}. <paramref name=\"query\"/> may filter, order, page and include further.", select);
            w.Line($"{access} {task}<{list}> Get{a.Name}Async({db} db, {query}? query = null, {ct} cancellationToken = default)");
            w.Line($"    => {link}.GetAsync(db, this, query{noFilter}, cancellationToken);");
            w.Line();
            if (m2m)
            {
                w.Summary($"Loads the {name} whose <c>{j!.Table.ModelName}</c> row matches <paramref name=\"through\"/> (and the target <paramref name=\"query\"/>).");
                w.Line($"{access} {task}<{list}> Get{a.Name}Async({db} db, {query}? query, {n.QueryShape(j.Table.FullName)} through, {ct} cancellationToken = default)");
                w.Line($"    => {link}.GetAsync(db, this, query, through, cancellationToken);");
                w.Line();
            }

            Doc(w, $"Counts the {name}.", count);
            w.Line($"{access} {task}<int> Count{a.Name}Async({db} db, {query}? query = null, {ct} cancellationToken = default)");
            w.Line($"    => {link}.CountAsync(db, this, query{noFilter}, cancellationToken);");
            w.Line();
            if (m2m)
            {
                w.Summary($"Counts the {name} whose <c>{j!.Table.ModelName}</c> row matches <paramref name=\"through\"/>.");
                w.Line($"{access} {task}<int> Count{a.Name}Async({db} db, {query}? query, {n.QueryShape(j.Table.FullName)} through, {ct} cancellationToken = default)");
                w.Line($"    => {link}.CountAsync(db, this, query, through, cancellationToken);");
                w.Line();
            }

            Doc(w, $"Whether <paramref name=\"{Bare(one)}\"/> is one of the {name}.", has);
            w.Line($"{access} {task}<bool> Has{a.Singular}Async({db} db, {t} {one}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.HasAsync(db, this, new[] {{ {g.NotNull(one)} }}, null, cancellationToken);");
            w.Line();
            w.Summary($"Whether the <c>{a.Target.ModelName}</c> with <paramref name=\"key\"/> is one of the {name}.");
            w.Line($"{access} {task}<bool> Has{a.Singular}Async({db} db, {k} key, {ct} cancellationToken = default)");
            w.Line($"    => {link}.HasAsync(db, this, null, new object[] {{ key! }}, cancellationToken);");
            w.Line();
            w.Summary($"Whether every one of <paramref name=\"{Bare(many)}\"/> is among the {name} (true for none).");
            w.Line($"{access} {task}<bool> Has{a.Name}Async({db} db, {targets} {many}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.HasAsync(db, this, {g.NotNull(many)}, null, cancellationToken);");
            w.Line();
            w.Summary($"Whether every <c>{a.Target.ModelName}</c> of <paramref name=\"keys\"/> is among the {name} (true for none).");
            w.Line($"{access} {task}<bool> Has{a.Name}Async({db} db, {keyList} keys, {ct} cancellationToken = default)");
            w.Line($"    => {link}.HasAsync(db, this, null, {keysArg}, cancellationToken);");
            w.Line();

            var setDoc = $"Replaces the {name} with <paramref name=\"{Bare(many)}\"/>, atomically (one transaction; the row of this <c>{model.Name}</c> is locked on PostgreSQL). Duplicates are ignored; a row that does not exist fails the whole call.{unlink}"
                + (m2m ? $" A target's own <c>{j!.NavigationProperty}</c> is its payload; <paramref name=\"through\"/> is the payload of the others." : "");
            Doc(w, setDoc, set);
            w.Line($"{access} {task} Set{a.Name}Async({db} db, {targets} {many}{through}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.SetAsync(db, this, {g.NotNull(many)}, null{throughArg}, cancellationToken);");
            w.Line();
            w.Summary($"Replaces the {name} with the rows of <paramref name=\"keys\"/>, atomically.{unlink}");
            w.Line($"{access} {task} Set{a.Name}Async({db} db, {keyList} keys{through}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.SetAsync(db, this, null, {keysArg}{throughArg}, cancellationToken);");
            w.Line();

            Doc(w, $"Adds <paramref name=\"{Bare(one)}\"/> to the {name} (a no-op when it is already there) and {linkWord}.", add);
            w.Line($"{access} {task} Add{a.Singular}Async({db} db, {t} {one}{through}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.AddAsync(db, this, new[] {{ {g.NotNull(one)} }}, null{throughArg}, cancellationToken);");
            w.Line();
            w.Summary($"Adds the <c>{a.Target.ModelName}</c> with <paramref name=\"key\"/> to the {name}.");
            w.Line($"{access} {task} Add{a.Singular}Async({db} db, {k} key{through}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.AddAsync(db, this, null, new object[] {{ key! }}{throughArg}, cancellationToken);");
            w.Line();
            w.Summary($"Adds <paramref name=\"{Bare(many)}\"/> to the {name}, atomically; duplicates are ignored.");
            w.Line($"{access} {task} Add{a.Name}Async({db} db, {targets} {many}{through}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.AddAsync(db, this, {g.NotNull(many)}, null{throughArg}, cancellationToken);");
            w.Line();
            w.Summary($"Adds the rows of <paramref name=\"keys\"/> to the {name}, atomically; duplicates are ignored.");
            w.Line($"{access} {task} Add{a.Name}Async({db} db, {keyList} keys{through}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.AddAsync(db, this, null, {keysArg}{throughArg}, cancellationToken);");
            w.Line();

            Doc(w, $"Removes <paramref name=\"{Bare(one)}\"/> from the {name} (rows not linked to it are left alone).{unlink}", remove);
            w.Line($"{access} {task} Remove{a.Singular}Async({db} db, {t} {one}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.RemoveAsync(db, this, new[] {{ {g.NotNull(one)} }}, null, cancellationToken);");
            w.Line();
            w.Summary($"Removes the <c>{a.Target.ModelName}</c> with <paramref name=\"key\"/> from the {name}.");
            w.Line($"{access} {task} Remove{a.Singular}Async({db} db, {k} key, {ct} cancellationToken = default)");
            w.Line($"    => {link}.RemoveAsync(db, this, null, new object[] {{ key! }}, cancellationToken);");
            w.Line();
            w.Summary($"Removes <paramref name=\"{Bare(many)}\"/> from the {name}, atomically.");
            w.Line($"{access} {task} Remove{a.Name}Async({db} db, {targets} {many}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.RemoveAsync(db, this, {g.NotNull(many)}, null, cancellationToken);");
            w.Line();
            w.Summary($"Removes the rows of <paramref name=\"keys\"/> from the {name}, atomically.");
            w.Line($"{access} {task} Remove{a.Name}Async({db} db, {keyList} keys, {ct} cancellationToken = default)");
            w.Line($"    => {link}.RemoveAsync(db, this, null, {keysArg}, cancellationToken);");
            w.Line();

            Doc(w, $"Inserts <paramref name=\"{Bare(one)}\"/> as one of the {name} ({(m2m ? "and its junction row, in one transaction" : $"its <c>{a.ForeignKey.Property}</c> set")}) and returns it with its key.", create);
            w.Line($"{access} {task}<{t}> Create{a.Singular}Async({db} db, {t} {one}{through}, {ct} cancellationToken = default)");
            w.Line($"    => {link}.CreateAsync(db, this, {g.NotNull(one)}{throughArg}, cancellationToken);");
            w.Line();
        }

    }
}
