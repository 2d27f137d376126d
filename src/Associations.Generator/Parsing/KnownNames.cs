namespace Associations.Generator.Parsing
{
    /// <summary>
    /// Metadata names of the runtime's attributes. The generator never loads the runtime; a test
    /// compares these with <c>typeof(...).FullName</c>.
    /// </summary>
    internal static class KnownNames
    {
        public const string HasOne = "Associations.HasOneAttribute";
        public const string BelongsTo = "Associations.BelongsToAttribute";
        public const string HasMany = "Associations.HasManyAttribute";
        public const string BelongsToMany = "Associations.BelongsToManyAttribute";
        public const string Model = "Associations.ModelAttribute";
        public const string Timestamps = "Associations.TimestampsAttribute";
        public const string Paranoid = "Associations.ParanoidAttribute";
        public const string AssociationDefaults = "Associations.AssociationDefaultsAttribute";
        public const string Scope = "Associations.ScopeAttribute";
        public const string Query = "Associations.Query`1";

        public const string Table = "System.ComponentModel.DataAnnotations.Schema.TableAttribute";
        public const string Column = "System.ComponentModel.DataAnnotations.Schema.ColumnAttribute";
        public const string NotMapped = "System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute";
        public const string DatabaseGenerated = "System.ComponentModel.DataAnnotations.Schema.DatabaseGeneratedAttribute";
        public const string Key = "System.ComponentModel.DataAnnotations.KeyAttribute";
        public const string MaxLength = "System.ComponentModel.DataAnnotations.MaxLengthAttribute";
        public const string StringLength = "System.ComponentModel.DataAnnotations.StringLengthAttribute";
        public const string Required = "System.ComponentModel.DataAnnotations.RequiredAttribute";
        public const string DefaultValue = "System.ComponentModel.DefaultValueAttribute";
        public const string Obsolete = "System.ObsoleteAttribute";

        /// <summary>The attributes that make a class a model (one <c>ForAttributeWithMetadataName</c> each).</summary>
        public static readonly string[] ModelAttributes = { HasOne, BelongsTo, HasMany, BelongsToMany, Model, Timestamps, Paranoid };

        private static readonly System.Collections.Generic.Dictionary<string, string> ByMetadataName = Index(
            HasOne, BelongsTo, HasMany, BelongsToMany, Model, Timestamps, Paranoid, AssociationDefaults, Scope,
            Table, Column, NotMapped, DatabaseGenerated, Key, MaxLength, StringLength, Required, DefaultValue, Obsolete);

        private static System.Collections.Generic.Dictionary<string, string> Index(params string[] names)
        {
            var index = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var name in names) index[name.Substring(name.LastIndexOf('.') + 1)] = name;
            return index;
        }

        /// <summary>
        /// The known name of <paramref name="type"/> (one of the constants above), or null: what
        /// <c>type.ToDisplayString()</c> compared with the constants said, without building the string (this runs for
        /// every attribute of every model on every keystroke).
        /// </summary>
        public static string? Of(Microsoft.CodeAnalysis.INamedTypeSymbol? type) =>
            type is not null && ByMetadataName.TryGetValue(type.MetadataName, out var name) && Is(type, name) ? name : null;

        /// <summary>Whether <paramref name="type"/> is the top-level type <paramref name="fullName"/> (<c>A.B.Name</c>).</summary>
        public static bool Is(Microsoft.CodeAnalysis.INamedTypeSymbol? type, string fullName)
        {
            if (type is null || type.ContainingType is not null) return false;
            var name = type.MetadataName;
            var end = fullName.Length - name.Length;
            if (end < 0 || string.CompareOrdinal(fullName, end, name, 0, name.Length) != 0) return false;
            var ns = type.ContainingNamespace;
            while (end > 0)
            {
                if (fullName[end - 1] != '.' || ns is null || ns.IsGlobalNamespace) return false;
                var part = ns.Name;
                end = end - 1 - part.Length;
                if (end < 0 || string.CompareOrdinal(fullName, end, part, 0, part.Length) != 0) return false;
                ns = ns.ContainingNamespace;
            }
            return ns is null || ns.IsGlobalNamespace;
        }
    }
}
