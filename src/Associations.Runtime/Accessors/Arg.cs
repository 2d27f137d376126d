using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Associations.Internal
{
    /// <summary>Argument checks generated accessors make, so that a null names the accessor's own parameter (plumbing).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class Arg
    {
        /// <summary><paramref name="value"/>, or <see cref="ArgumentNullException"/> naming <paramref name="parameter"/>.</summary>
        public static T NotNull<T>(T value, string parameter) where T : class =>
            value ?? throw new ArgumentNullException(parameter);

        /// <summary>The keys of a "key list" accessor overload as the runtime takes them (boxed), or
        /// <see cref="ArgumentNullException"/> naming <c>keys</c>.</summary>
        public static IEnumerable<object> Keys<TKey>(IEnumerable<TKey> keys) =>
            keys is null ? throw new ArgumentNullException(nameof(keys)) : Box(keys);

        private static IEnumerable<object> Box<TKey>(IEnumerable<TKey> keys)
        {
            foreach (var key in keys) yield return key!;
        }
    }
}
