using System.Threading;
using System.Threading.Tasks;

namespace Associations
{
    // Lifecycle hooks: a model implements the ones it needs. They run on every path that writes the
    // row — CRUD and accessors — inside the operation's transaction; a hook that throws rolls it back.

    /// <summary>Runs before the row is inserted (the key is not known yet).</summary>
    public interface IBeforeInsert
    {
        /// <summary>Called before INSERT; work done through <paramref name="db"/> joins the operation's transaction.</summary>
        Task OnBeforeInsertAsync(DbSession db, CancellationToken ct);
    }

    /// <summary>Runs after the row is inserted (the key is set).</summary>
    public interface IAfterInsert
    {
        /// <summary>Called after INSERT, in the same transaction.</summary>
        Task OnAfterInsertAsync(DbSession db, CancellationToken ct);
    }

    /// <summary>Runs before the row is updated (also when an accessor changes its foreign key).</summary>
    public interface IBeforeUpdate
    {
        /// <summary>Called before UPDATE, in the operation's transaction.</summary>
        Task OnBeforeUpdateAsync(DbSession db, CancellationToken ct);
    }

    /// <summary>Runs after the row is updated.</summary>
    public interface IAfterUpdate
    {
        /// <summary>Called after UPDATE, in the same transaction.</summary>
        Task OnAfterUpdateAsync(DbSession db, CancellationToken ct);
    }

    /// <summary>Runs before the row is deleted (also when an accessor deletes the rows it unlinks).</summary>
    public interface IBeforeDelete
    {
        /// <summary>Called before DELETE, in the operation's transaction.</summary>
        Task OnBeforeDeleteAsync(DbSession db, CancellationToken ct);
    }

    /// <summary>Runs after the row is deleted.</summary>
    public interface IAfterDelete
    {
        /// <summary>Called after DELETE, in the same transaction.</summary>
        Task OnAfterDeleteAsync(DbSession db, CancellationToken ct);
    }

    /// <summary>Which hooks a model type implements, computed once per type.</summary>
    internal static class HookInfo<T>
    {
        public static readonly bool Insert = typeof(IBeforeInsert).IsAssignableFrom(typeof(T)) || typeof(IAfterInsert).IsAssignableFrom(typeof(T));
        public static readonly bool Update = typeof(IBeforeUpdate).IsAssignableFrom(typeof(T)) || typeof(IAfterUpdate).IsAssignableFrom(typeof(T));
        public static readonly bool Delete = typeof(IBeforeDelete).IsAssignableFrom(typeof(T)) || typeof(IAfterDelete).IsAssignableFrom(typeof(T));
    }
}
