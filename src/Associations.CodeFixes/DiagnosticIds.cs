namespace Associations.CodeFixes
{
    /// <summary>
    /// The ids and property names of the generator's diagnostics that have a code fix. Duplicated on purpose:
    /// this assembly must not reference the generator (the IDE loads the two separately).
    /// </summary>
    internal static class DiagnosticIds
    {
        /// <summary>Cyclic foreign-key constraints; located on the association attribute of one edge of the cycle.</summary>
        public const string CyclicForeignKeys = "ASSOC001";

        /// <summary>Alias has the wrong grammatical number; located on the <c>As = "…"</c> argument.</summary>
        public const string AliasNumber = "ASSOC004";

        /// <summary>Model class must be partial; located on the identifier of the class.</summary>
        public const string NotPartial = "ASSOC005";

        /// <summary>ASSOC001 property: which fix applies (<c>Constraints</c>).</summary>
        public const string FixProperty = "Fix";

        /// <summary>ASSOC004 property: the value for <c>Singular = "…"</c>, present when that fix applies.</summary>
        public const string SingularProperty = "Singular";
    }
}
