using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Associations.Internal
{
    /// <summary>
    /// The <see cref="Stitch{TParent, TChild, TKey}"/> of one association, built from three small lambdas the generator
    /// writes (the parent's key, the key a row carries, how the navigation is set), so generated code does not repeat a
    /// subclass per association. Keys stay typed: the match still goes through a <c>Dictionary&lt;TKey, List&lt;TChild&gt;&gt;</c>.
    /// A key function returns null when the row or parent has no key (a null foreign key, no junction row).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class KeyStitches
    {
        /// <summary>A to-many navigation over a value-type key.</summary>
        public static Stitch<TParent, TChild> Many<TParent, TChild, TKey>(Func<TParent, TKey?> parentKey, Func<TChild, TKey?> childKey, Action<TParent, List<TChild>> attach)
            where TParent : class where TChild : class where TKey : struct =>
            new ValueKeyed<TParent, TChild, TKey>(parentKey, childKey, attach);

        /// <summary>A to-one navigation over a value-type key: the first row, or null when there is none.</summary>
        public static Stitch<TParent, TChild> One<TParent, TChild, TKey>(Func<TParent, TKey?> parentKey, Func<TChild, TKey?> childKey, Action<TParent, TChild?> attach)
            where TParent : class where TChild : class where TKey : struct =>
            new ValueKeyed<TParent, TChild, TKey>(parentKey, childKey, First(attach));

        /// <summary>A to-many navigation over a reference-type key (a string key).</summary>
        public static Stitch<TParent, TChild> ManyByReference<TParent, TChild, TKey>(Func<TParent, TKey?> parentKey, Func<TChild, TKey?> childKey, Action<TParent, List<TChild>> attach)
            where TParent : class where TChild : class where TKey : class =>
            new ReferenceKeyed<TParent, TChild, TKey>(parentKey, childKey, attach);

        /// <summary>A to-one navigation over a reference-type key: the first row, or null when there is none.</summary>
        public static Stitch<TParent, TChild> OneByReference<TParent, TChild, TKey>(Func<TParent, TKey?> parentKey, Func<TChild, TKey?> childKey, Action<TParent, TChild?> attach)
            where TParent : class where TChild : class where TKey : class =>
            new ReferenceKeyed<TParent, TChild, TKey>(parentKey, childKey, First(attach));

        private static Action<TParent, List<TChild>> First<TParent, TChild>(Action<TParent, TChild?> attach)
            where TChild : class =>
            (parent, children) => attach(parent, children.Count == 0 ? null : children[0]);

        private sealed class ValueKeyed<TParent, TChild, TKey> : Stitch<TParent, TChild, TKey>
            where TParent : class where TChild : class where TKey : struct
        {
            private readonly Func<TParent, TKey?> _parentKey;
            private readonly Func<TChild, TKey?> _childKey;
            private readonly Action<TParent, List<TChild>> _attach;

            public ValueKeyed(Func<TParent, TKey?> parentKey, Func<TChild, TKey?> childKey, Action<TParent, List<TChild>> attach)
            {
                _parentKey = parentKey;
                _childKey = childKey;
                _attach = attach;
            }

            protected override bool TryGetParentKey(TParent parent, out TKey key) => Has(_parentKey(parent), out key);

            protected override bool TryGetChildKey(TChild child, out TKey key) => Has(_childKey(child), out key);

            protected override void Attach(TParent parent, List<TChild> children) => _attach(parent, children);

            private static bool Has(TKey? value, out TKey key)
            {
                key = value.GetValueOrDefault();
                return value.HasValue;
            }
        }

        private sealed class ReferenceKeyed<TParent, TChild, TKey> : Stitch<TParent, TChild, TKey>
            where TParent : class where TChild : class where TKey : class
        {
            private readonly Func<TParent, TKey?> _parentKey;
            private readonly Func<TChild, TKey?> _childKey;
            private readonly Action<TParent, List<TChild>> _attach;

            public ReferenceKeyed(Func<TParent, TKey?> parentKey, Func<TChild, TKey?> childKey, Action<TParent, List<TChild>> attach)
            {
                _parentKey = parentKey;
                _childKey = childKey;
                _attach = attach;
            }

            protected override bool TryGetParentKey(TParent parent, out TKey key) => Has(_parentKey(parent), out key);

            protected override bool TryGetChildKey(TChild child, out TKey key) => Has(_childKey(child), out key);

            protected override void Attach(TParent parent, List<TChild> children) => _attach(parent, children);

            private static bool Has(TKey? value, out TKey key)
            {
                key = value!;
                return value is not null;
            }
        }
    }
}
