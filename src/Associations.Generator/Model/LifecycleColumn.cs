namespace Associations.Generator.Model
{
    /// <summary>A column the runtime sets, named as its property: <c>[Timestamps]</c> adds the first two, <c>[Paranoid]</c> the third.</summary>
    internal enum LifecycleColumn
    {
        /// <summary>When the row was inserted; the UPDATE statement leaves it alone.</summary>
        CreatedAt,

        /// <summary>When the row was last written.</summary>
        UpdatedAt,

        /// <summary>When the row was soft-deleted; null while it is not.</summary>
        DeletedAt,
    }
}
