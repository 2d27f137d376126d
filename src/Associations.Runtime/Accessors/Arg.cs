using System;
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
    }
}
