using Associations.Generator.Graph;
using static Associations.Generator.Emit.Snippets;

namespace Associations.Generator.Emit
{
    /// <summary>
    /// HasMany: the foreign key lives on the target rows. The members are the <see cref="CollectionAccessors"/>, documented with
    /// this kind's SQL; the runtime object is a <see cref="TargetKeyedLink"/>.
    /// </summary>
    internal static class HasManyEmitter
    {
        public static void Accessors(CodeWriter w, TypeNames n, ModelSpec model, AssociationSpec a)
        {
            var shape = new CollectionShape(
                what: $"<c>{a.Name}</c> of this <c>{model.Name}</c> (HasMany <c>{a.Target.ModelName}</c>, foreign key <c>{a.Target.ModelName}.{a.ForeignKey.Property}</c>)",
                unlink: a.UnlinkDeletes
                    ? $" Because <c>{a.Target.ModelName}.{a.ForeignKey.Property}</c> is not nullable, an unlinked <c>{a.Target.ModelName}</c> is deleted."
                    : $" Unlinked rows keep existing with <c>{a.ForeignKey.Property}</c> set to NULL.",
                linkWord: $"sets its <c>{a.ForeignKey.Property}</c>")
            {
                Select = new System.Func<SqlDialect, string>[] { d => d.SelectTargets(a, false) },
                Count = new System.Func<SqlDialect, string>[] { d => d.CountTargets(a) },
                Has = new System.Func<SqlDialect, string>[] { d => d.CountKeys(a) },
                Add = new System.Func<SqlDialect, string>[] { d => d.Link(a) },
                Set = new System.Func<SqlDialect, string>[] { d => d.LockSource(a), d => d.UnlinkOthers(a), d => d.Link(a) },
                Remove = new System.Func<SqlDialect, string>[] { d => d.Unlink(a) },
                Create = new System.Func<SqlDialect, string>[] { d => d.Insert(AsModel(a.Target)) },
            };
            CollectionAccessors.Write(w, n, model, a, shape);
        }
    }
}
