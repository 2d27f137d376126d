namespace Associations.Generator.Model
{
    /// <summary>The four kinds of association; names as the runtime's <c>Associations.Internal.AssociationKind</c> (generated code names them).</summary>
    internal enum AssociationKind
    {
        HasOne,
        BelongsTo,
        HasMany,
        BelongsToMany,
    }
}
