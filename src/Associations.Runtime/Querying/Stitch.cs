using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Associations.Internal
{
    /// <summary>
    /// Puts the rows of one include level on their parents, matched by key. Generated code builds one per association
    /// with <see cref="KeyStitches"/> (typed keys, see <see cref="Stitch{TParent, TChild, TKey}"/>); includes use it when
    /// their rows come in a statement of their own.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class Stitch<TParent, TChild>
        where TParent : class
        where TChild : class
    {
        private protected Stitch()
        {
        }

        /// <summary>Indexes <paramref name="parents"/> by key, for one load.</summary>
        public abstract StitchBatch<TChild> Begin(IReadOnlyList<TParent> parents);
    }

    /// <summary>One load of an include level: its parents indexed by key, filled row by row.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class StitchBatch<TChild>
        where TChild : class
    {
        private protected StitchBatch()
        {
        }

        /// <summary>How many distinct parent keys there are (parents without a key have no rows).</summary>
        public abstract int KeyCount { get; }

        /// <summary>The distinct parent keys, for a key-list parameter.</summary>
        public abstract IReadOnlyCollection<object> Keys();

        /// <summary>Adds a row to the parents whose key it carries; rows of no parent are ignored.</summary>
        public abstract void Add(TChild child);

        /// <summary>Sets every parent's navigation: its rows (an empty list, or null for a to-one, when there are none).</summary>
        public abstract void Finish();
    }

    /// <summary>
    /// The typed part of a <see cref="Stitch{TParent, TChild}"/>: <see cref="KeyStitches"/> says, from generated lambdas, how
    /// to read the key of a parent and of a row, and how to set the navigation; the matching goes through a
    /// <c>Dictionary&lt;TKey, List&lt;TChild&gt;&gt;</c>, so keys are neither boxed nor compared through <c>object</c>.
    /// </summary>
    internal abstract class Stitch<TParent, TChild, TKey> : Stitch<TParent, TChild>
        where TParent : class
        where TChild : class
        where TKey : notnull
    {
        /// <summary>For <see cref="KeyStitches"/>' typed stitches (the base class admits this one subclass only).</summary>
        protected Stitch()
        {
        }

        /// <summary>The key a parent's rows carry; false when it has none (a null foreign key).</summary>
        protected abstract bool TryGetParentKey(TParent parent, out TKey key);

        /// <summary>The parent key a row carries (its foreign key, its key, or its junction row's foreign key); false when none.</summary>
        protected abstract bool TryGetChildKey(TChild child, out TKey key);

        /// <summary>Sets the navigation of <paramref name="parent"/> from its rows, in the order they were read.</summary>
        protected abstract void Attach(TParent parent, List<TChild> children);

        /// <inheritdoc />
        public sealed override StitchBatch<TChild> Begin(IReadOnlyList<TParent> parents)
        {
            if (parents is null) throw new ArgumentNullException(nameof(parents));
            return new Batch(this, parents);
        }

        private sealed class Batch : StitchBatch<TChild>
        {
            private readonly Stitch<TParent, TChild, TKey> _stitch;
            private readonly IReadOnlyList<TParent> _parents;
            private readonly List<TChild>?[] _lists;
            private readonly Dictionary<TKey, List<TChild>> _byKey;
            private readonly bool _sharedKeys;

            public Batch(Stitch<TParent, TChild, TKey> stitch, IReadOnlyList<TParent> parents)
            {
                _stitch = stitch;
                _parents = parents;
                _lists = new List<TChild>?[parents.Count];
                _byKey = new Dictionary<TKey, List<TChild>>(parents.Count);
                for (var i = 0; i < parents.Count; i++)
                {
                    if (!stitch.TryGetParentKey(parents[i], out var key)) continue;
                    if (_byKey.TryGetValue(key, out var list)) _sharedKeys = true;
                    else _byKey.Add(key, list = new List<TChild>());
                    _lists[i] = list;
                }
            }

            public override int KeyCount => _byKey.Count;

            public override IReadOnlyCollection<object> Keys()
            {
                var keys = new List<object>(_byKey.Count);
                foreach (var key in _byKey.Keys) keys.Add(key);
                return keys;
            }

            public override void Add(TChild child)
            {
                if (_stitch.TryGetChildKey(child, out var key) && _byKey.TryGetValue(key, out var list)) list.Add(child);
            }

            public override void Finish()
            {
                // Two parent objects with one key (the same row read twice) get equal lists, not one shared list.
                var given = _sharedKeys ? new HashSet<List<TChild>>(ReferenceEqualityComparer.Instance) : null;
                for (var i = 0; i < _parents.Count; i++)
                {
                    var list = _lists[i];
                    if (list is null) list = new List<TChild>();
                    else if (given is not null && !given.Add(list)) list = new List<TChild>(list);
                    _stitch.Attach(_parents[i], list);
                }
            }
        }
    }
}
