using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;

namespace Associations.Internal
{
    /// <summary>The kinds of association.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public enum AssociationKind
    {
        /// <summary>One-to-one, key on the target.</summary>
        HasOne,
        /// <summary>Key on the source.</summary>
        BelongsTo,
        /// <summary>One-to-many, key on the target.</summary>
        HasMany,
        /// <summary>Many-to-many through a junction.</summary>
        BelongsToMany,
    }

    /// <summary>
    /// The run-time half of one association: its name, its statements per dialect (written by the
    /// generator) and typed delegates to read and write keys. Generated accessors call into it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class Association<TSource, TTarget> : IGraphLink<TSource>
        where TSource : class, IModel<TSource>
        where TTarget : class, IModel<TTarget>
    {
        /// <inheritdoc />
        public virtual bool HasLoaded(TSource source) => false;

        /// <inheritdoc />
        public virtual Task SaveBeforeAsync(DbSession db, TSource source, CancellationToken ct) => Task.CompletedTask;

        /// <inheritdoc />
        public virtual Task SaveAfterAsync(DbSession db, TSource source, CancellationToken ct) => Task.CompletedTask;

        /// <summary>The rows a loaded navigation holds: one row, a list, or none.</summary>
        protected static IEnumerable<TTarget> Loaded(object? navigation) => navigation switch
        {
            TTarget one => new[] { one },
            IEnumerable<TTarget> many => many.Where(t => t is not null).ToList(),
            _ => Array.Empty<TTarget>(),
        };

        /// <summary>Creates the association.</summary>
        protected Association(string name, AssociationKind kind, Func<TTarget, object?> targetKey, IColumn targetKeyColumn)
        {
            Name = name;
            Kind = kind;
            TargetKey = targetKey;
            TargetKeyColumn = targetKeyColumn;
        }

        /// <summary>A query function that changes nothing.</summary>
        protected static readonly Func<Query<TTarget>, Query<TTarget>> Identity = static q => q;

        /// <summary>The association's name (its alias).</summary>
        public string Name { get; }

        /// <summary>The association's kind.</summary>
        public AssociationKind Kind { get; }

        /// <summary>Reads the key of a target the association references (its primary key, or TargetKey).</summary>
        public Func<TTarget, object?> TargetKey { get; }

        /// <summary>The column <see cref="TargetKey"/> is stored in.</summary>
        public IColumn TargetKeyColumn { get; }

        /// <summary>The source model.</summary>
        protected static ModelMetadata<TSource> Source => TSource.Metadata;

        /// <summary>The target model.</summary>
        protected static ModelMetadata<TTarget> Target => TTarget.Metadata;

        /// <summary>"User.Articles".</summary>
        protected string Qualified => Source.Name + "." + Name;

        /// <summary>The source's key the association links on (<paramref name="key"/>: the primary key or SourceKey); the source must be saved.</summary>
        protected object SourceKeyOf(TSource source, Func<TSource, object?> key, string property, string operation)
        {
            DbSession.RequireSaved(Source, source, Name, operation);
            return key(source) ?? throw new AssociationException(
                $"Cannot {operation} {Qualified}: the {Source.Name} has no {property}.", Source.Name, Name, null);
        }

        /// <summary>Reads (on PostgreSQL: locks) the source row, so concurrent replacements of one set serialize; it must exist.</summary>
        protected async Task LockSourceAsync(DbSession db, SqlText lockSource, object key, string property, string operation, CancellationToken ct)
        {
            var rows = await db.QueryValuesAsync(lockSource.For(db.Dialect.Kind), new object?[] { key }, ct).ConfigureAwait(false);
            if (rows.Count == 0) throw NoSource(key, property, operation);
        }

        /// <summary>The error for a source row that is not in the database.</summary>
        protected AssociationException NoSource(object key, string property, string operation) =>
            new AssociationException($"Cannot {operation} {Qualified}: no {Source.Name} has {property} {key}.", Source.Name, Name, key);

        /// <summary>Whether two key values are equal (as stored: a boxed int equals a boxed long of the same value).</summary>
        protected static bool SameKey(object? a, object? b) => a is not null && b is not null && Normalize(a) == Normalize(b);

        /// <summary>The key of a target instance given to an accessor; it must be saved.</summary>
        protected object KeyOf(TTarget target, string operation)
        {
            DbSession.RequireSaved(Target, target, null, operation + " " + Qualified + " with");
            return TargetKey(target) ?? throw new AssociationException(
                $"Cannot {operation} {Qualified}: the {Target.Name} has no {TargetKeyColumn.Property}.", Source.Name, Name, null);
        }

        /// <summary>Distinct keys, in first-seen order (duplicates in one call are ignored).</summary>
        protected static List<object> Distinct(IEnumerable<object> keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<object>();
            foreach (var key in keys)
            {
                if (key is null) throw new ArgumentNullException(nameof(keys), "A key list cannot contain null.");
                if (seen.Add(Normalize(key))) list.Add(key);
            }
            return list;
        }

        /// <summary>A text form of a key that is equal across providers (SQLite reads integers back as Int64).</summary>
        protected static string Normalize(object key) => key switch
        {
            Guid g => g.ToString(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => key.ToString() ?? "",
        };

        /// <summary>Throws naming the keys of <paramref name="keys"/> that match no target row.</summary>
        protected async Task ThrowMissingAsync(DbSession db, SqlText existingKeys, IReadOnlyCollection<object> keys, object? sourceKey, string operation, CancellationToken ct)
        {
            var found = await db.QueryValuesAsync(existingKeys.For(db.Dialect.Kind),
                new object?[] { db.Dialect.KeyListValue(keys, TargetKeyColumn.Type) }, ct).ConfigureAwait(false);
            var foundSet = new HashSet<string>(found.Select(Normalize), StringComparer.Ordinal);
            var missing = keys.Where(k => !foundSet.Contains(Normalize(k))).ToList();
            var missingText = missing.Count == 0 ? "a row changed concurrently" : $"no {Target.Name} has {TargetKeyColumn.Property} {DbSession.KeyListText(missing)}";
            throw new AssociationException(
                $"Cannot {operation} {Qualified} of {Source.Name} {sourceKey}: {missingText}. Nothing was changed.",
                Source.Name, Name, missing.Count == 1 ? missing[0] : missing.Count == 0 ? null : missing);
        }
    }

    /// <summary>How <c>InsertAsync</c> saves what a new row's loaded navigation holds (a graph insert): generated metadata lists
    /// the model's associations as links (plumbing).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IGraphLink<TSource>
    {
        /// <summary>Whether the navigation of <paramref name="source"/> holds anything.</summary>
        bool HasLoaded(TSource source);

        /// <summary>Before <paramref name="source"/> is inserted: BelongsTo inserts a new target and points the foreign key at it.</summary>
        Task SaveBeforeAsync(DbSession db, TSource source, CancellationToken ct);

        /// <summary>After <paramref name="source"/> is inserted: new targets are inserted linked to it, existing ones are linked.</summary>
        Task SaveAfterAsync(DbSession db, TSource source, CancellationToken ct);
    }
}
