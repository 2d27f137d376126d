using System;
using System.ComponentModel;

namespace Associations.Internal
{
    /// <summary>
    /// What the generator knows about one HasOne or HasMany association, handed to
    /// <see cref="TargetKeyedAssociation{TSource, TTarget}"/> as one object: each value named where it is written, the
    /// required ones checked by the compiler (<c>required</c>), the association scope optional.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class TargetKeyedAssociationOptions<TSource, TTarget>
        where TSource : class
        where TTarget : class
    {
        /// <summary>The association's name (its alias).</summary>
        public required string Name { get; init; }

        /// <summary><see cref="AssociationKind.HasOne"/> or <see cref="AssociationKind.HasMany"/>.</summary>
        public required AssociationKind Kind { get; init; }

        /// <summary>Reads the source key the foreign key references (the primary key, or SourceKey).</summary>
        public required Func<TSource, object?> SourceKey { get; init; }

        /// <summary>The property <see cref="SourceKey"/> reads, for messages.</summary>
        public required string SourceKeyProperty { get; init; }

        /// <summary>The source column the foreign key references.</summary>
        public required IColumn SourceKeyColumn { get; init; }

        /// <summary>Reads the target's primary key.</summary>
        public required Func<TTarget, object?> TargetKey { get; init; }

        /// <summary>The target's primary-key column.</summary>
        public required IColumn TargetKeyColumn { get; init; }

        /// <summary>The foreign-key column on the target.</summary>
        public required IColumn ForeignKeyColumn { get; init; }

        /// <summary>Reads a target's foreign key.</summary>
        public required Func<TTarget, object?> GetForeignKey { get; init; }

        /// <summary>Writes a target's foreign key (the value is the source key's, boxed, or null).</summary>
        public required Action<TTarget, object?> SetForeignKey { get; init; }

        /// <summary>Whether unlinking deletes the target (its foreign key is not nullable).</summary>
        public required bool UnlinkDeletes { get; init; }

        /// <summary>The statements, per dialect.</summary>
        public required TargetKeyedSql Sql { get; init; }

        /// <summary>Puts included rows on their parents (the generated stitch of this association).</summary>
        public required Stitch<TSource, TTarget> Stitch { get; init; }

        /// <summary>Reads the source's navigation (a target, or a list of them).</summary>
        public required Func<TSource, object?> GetNavigation { get; init; }

        /// <summary>Writes the source's navigation.</summary>
        public required Action<TSource, object?> SetNavigation { get; init; }

        /// <summary>The association scope (Sequelize's <c>scope</c>), or null.</summary>
        public Condition<TTarget>? Scope { get; init; }

        /// <summary>Writes the association scope onto a target it links, or null.</summary>
        public Action<TTarget>? ApplyScope { get; init; }
    }
}
