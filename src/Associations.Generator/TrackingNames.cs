namespace Associations.Generator
{
    /// <summary>Names of the pipeline steps, for caching tests.</summary>
    internal static class TrackingNames
    {
        public const string Declarations = nameof(Declarations);
        public const string AssemblyOptions = nameof(AssemblyOptions);
        public const string Graph = nameof(Graph);
        public const string Models = nameof(Models);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Registry = nameof(Registry);
    }
}
