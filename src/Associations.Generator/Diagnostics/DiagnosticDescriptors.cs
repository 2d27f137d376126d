using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Associations.Generator.Diagnostics
{
    /// <summary>Every diagnostic the generator reports: stable ids, one docs page each.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Associations";
        // The repository URL is the MSBuild property RepositoryUrl (Directory.Build.props), stamped on this assembly
        // as [AssemblyMetadata("RepositoryUrl", …)]: the package and the help links share that one value.
        private static readonly string HelpBase = RepositoryUrl() + "/blob/main/docs/diagnostics/";

        private static string RepositoryUrl()
        {
            foreach (var attribute in typeof(DiagnosticDescriptors).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false))
                if (attribute is System.Reflection.AssemblyMetadataAttribute { Key: "RepositoryUrl", Value: { Length: > 0 } url })
                    return url.TrimEnd('/');
            return "https://github.com/associations/associations";
        }

        private static DiagnosticDescriptor Rule(string id, string title, string message, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");

        public static readonly DiagnosticDescriptor CyclicForeignKeys = Rule("ASSOC001", "Cyclic foreign-key constraints",
            "Foreign-key constraints form a cycle: {0} (through {1}). Tables in a cycle cannot be created, filled or dropped in order; add Constraints = false to one association of the cycle (a table referencing only itself is fine).", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor DuplicateName = Rule("ASSOC002", "Association name reused",
            "{0}", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InvalidIdentifier = Rule("ASSOC003", "Not a valid C# identifier",
            "{0}", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor AliasNumber = Rule("ASSOC004", "Alias has the wrong grammatical number",
            "{0}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor NotPartial = Rule("ASSOC005", "Model class must be partial",
            "Model '{0}' {1}; the generator adds members to it and creates its instances, so it must be a non-generic, non-abstract 'partial class' (or 'partial record class') with a parameterless constructor, nested only in partial, non-generic types", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor NoPrimaryKey = Rule("ASSOC006", "Model has no primary key",
            "Model '{0}' has no primary key: add an 'Id' property or mark one with [Key]", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor MissingThrough = Rule("ASSOC007", "BelongsToMany needs Through",
            "BelongsToMany from '{0}' to '{1}' needs a junction: add Through = \"{2}\" (a generated junction) or Through = typeof(YourJunctionModel)", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor BadKey = Rule("ASSOC008", "Foreign or key property is missing or has the wrong type",
            "{0}", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor SetNullOnRequired = Rule("ASSOC009", "SET NULL on a non-nullable foreign key",
            "{0}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor Disagreeing = Rule("ASSOC010", "Paired associations disagree",
            "{0}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnmappedProperty = Rule("ASSOC011", "Property type is not mapped",
            "Property '{0}.{1}' has type '{2}', which Associations does not store: it is not read or written. Use a supported type, or mark it [NotMapped] to say so.", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor NameTooLong = Rule("ASSOC012", "Table or column name too long for PostgreSQL",
            "The {0} name '{1}' of '{2}' is {3} bytes long; PostgreSQL keeps only 63 bytes of a name, so two names could meet. Choose a shorter name with [Table] or [Column].", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InternalError = Rule("ASSOC999", "Internal generator error",
            "The Associations generator failed: {0}: {1}. Please report this with the model that triggers it.", DiagnosticSeverity.Error);

        public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = new Dictionary<string, DiagnosticDescriptor>
        {
            [CyclicForeignKeys.Id] = CyclicForeignKeys,
            [DuplicateName.Id] = DuplicateName,
            [InvalidIdentifier.Id] = InvalidIdentifier,
            [AliasNumber.Id] = AliasNumber,
            [NotPartial.Id] = NotPartial,
            [NoPrimaryKey.Id] = NoPrimaryKey,
            [MissingThrough.Id] = MissingThrough,
            [BadKey.Id] = BadKey,
            [SetNullOnRequired.Id] = SetNullOnRequired,
            [Disagreeing.Id] = Disagreeing,
            [UnmappedProperty.Id] = UnmappedProperty,
            [NameTooLong.Id] = NameTooLong,
            [InternalError.Id] = InternalError,
        };
    }
}
