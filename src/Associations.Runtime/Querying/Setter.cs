using System;
using System.Collections.Generic;
using Associations.Metadata;

namespace Associations
{
    /// <summary>
    /// The columns a bulk <see cref="Query{T}.UpdateAsync"/> writes: <c>s =&gt; s.Set(Post.Columns.Status, "archived")</c>.
    /// Values become parameters, converted as every other write converts them; a text longer than the column's
    /// <c>[MaxLength]</c> and a primary-key column are refused with an <see cref="AssociationException"/>.
    /// </summary>
    public sealed class Setter<T> where T : class
    {
        private readonly ModelMetadata<T> _metadata;
        private readonly List<(ColumnInfo Column, object? Value)> _assignments = new List<(ColumnInfo, object?)>();

        internal Setter(ModelMetadata<T> metadata) => _metadata = metadata;

        /// <summary>The columns set so far, each once (a column set twice keeps its last value), in the order first set.</summary>
        internal IReadOnlyList<(ColumnInfo Column, object? Value)> Assignments => _assignments;

        /// <summary>Writes <paramref name="value"/> into <paramref name="column"/> of every matching row.</summary>
        public Setter<T> Set<V>(Column<T, V> column, V? value)
        {
            if (column is null) throw new ArgumentNullException(nameof(column));
            ColumnInfo? info = null;
            foreach (var candidate in _metadata.Columns)
                if (string.Equals(candidate.Name, column.Name, StringComparison.Ordinal)) { info = candidate; break; }
            if (info is null)
                throw new ArgumentException($"{column.Property} is not a column of {_metadata.Name}.", nameof(column));
            if (info.IsKey)
                throw new AssociationException(
                    $"Cannot set {_metadata.Name}.{info.Property} in a bulk update: it is part of the primary key. Keys are never changed by Query<{_metadata.Name}>.UpdateAsync.",
                    _metadata.Name, null, null);
            if (info.MaxLength is { } max && value is string text && text.Length > max)
                throw new AssociationException(
                    $"Cannot write {_metadata.Name}.{info.Property}: the value is {text.Length} characters long and the column allows at most {max} ([MaxLength]/[StringLength]).",
                    _metadata.Name, null, null);
            for (var i = 0; i < _assignments.Count; i++)
            {
                if (!ReferenceEquals(_assignments[i].Column, info)) continue;
                _assignments[i] = (info, value);
                return this;
            }
            _assignments.Add((info, value));
            return this;
        }
    }
}
