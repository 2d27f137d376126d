namespace Associations.Generator.Model
{
    /// <summary>The type of an association scope's constant <c>ScopeValue</c>, which decides how SQL writes it.</summary>
    internal enum ScopeKind
    {
        /// <summary>A quoted, escaped string literal.</summary>
        String,

        /// <summary>The dialect's true or false.</summary>
        Bool,

        /// <summary>Any integer or floating-point constant, written as its invariant text.</summary>
        Number,
    }
}
