using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Associations.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Associations.Generator.Diagnostics
{
    /// <summary>
    /// Every diagnostic the generator reports, one descriptor per situation, its message template beside its id.
    /// An id names a kind of mistake (its title, severity and docs page); the situations of one id are its
    /// descriptors, each with its own template. Call sites pass only the template's arguments
    /// (<c>DiagnosticInfo.Create(DiagnosticDescriptors.AliasReused, at, alias, model, target)</c>).
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Associations";
        // The repository URL is the MSBuild property RepositoryUrl (Directory.Build.props), stamped on this assembly
        // as [AssemblyMetadata("RepositoryUrl", …)]: the package and the help links share that one value.
        private static readonly string HelpBase = RepositoryUrl() + "/blob/main/docs/diagnostics/";

        private static string RepositoryUrl()
        {
            foreach (var attribute in typeof(DiagnosticDescriptors).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), false))
                if (attribute is AssemblyMetadataAttribute { Key: "RepositoryUrl", Value: { Length: > 0 } url })
                    return url.TrimEnd('/');
            return "https://github.com/associations/associations";
        }

        private static DiagnosticDescriptor Rule(string id, string title, string message, DiagnosticSeverity severity) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");

        // ---------------------------------------------------------------- ASSOC001 cyclic foreign keys

        /// <summary>{0} the chain ("A -> B -> A"), {1} the foreign keys of its edges ("A.BId, B.AId").</summary>
        public static readonly DiagnosticDescriptor CyclicForeignKeys = Rule("ASSOC001", "Cyclic foreign-key constraints",
            "Foreign-key constraints form a cycle: {0} (through {1}). Tables in a cycle cannot be created, filled or dropped in order; add Constraints = false to one association of the cycle (a table referencing only itself is fine).", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- ASSOC002 a name the generator adds is taken

        private const string NameReusedTitle = "Association name reused";

        /// <summary>{0} alias, {1} model, {2} target. The other location: the association that has the alias already.</summary>
        public static readonly DiagnosticDescriptor AliasReused = Rule("ASSOC002", NameReusedTitle,
            "Alias '{0}' is used by two associations of '{1}' (names that differ only by case are one name); give each association to '{2}' its own As", DiagnosticSeverity.Error);

        /// <summary>{0} alias, {1} model, {2} the member it collides with.</summary>
        public static readonly DiagnosticDescriptor AliasCollidesWithMember = Rule("ASSOC002", NameReusedTitle,
            "Alias '{0}' of an association of '{1}' collides with the member '{1}.{2}' (names that differ only by case are one name); choose another As", DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} association name, {2} the generated member already taken.</summary>
        public static readonly DiagnosticDescriptor AccessorTaken = Rule("ASSOC002", NameReusedTitle,
            "Association '{0}.{1}' would generate '{2}', which another association of '{0}' (or a foreign key) already uses; give it a different As", DiagnosticSeverity.Error);

        /// <summary>{0} model.</summary>
        public static readonly DiagnosticDescriptor ColumnsMember = Rule("ASSOC002", NameReusedTitle,
            "Model '{0}' has a member named 'Columns', which collides with its generated typed columns ({0}.Columns); rename the member", DiagnosticSeverity.Error);

        /// <summary>{0} foreign key as written, {1} association, {2} model, {3} the declared property. The other location: that property.</summary>
        public static readonly DiagnosticDescriptor ForeignKeyDiffersByCase = Rule("ASSOC002", NameReusedTitle,
            "Foreign key '{0}' of association '{1}' differs only by case from '{2}.{3}'; names that differ only by case are one name: write '{3}'", DiagnosticSeverity.Error);

        /// <summary>{0} foreign key, {1} association, {2} the model that would get it.</summary>
        public static readonly DiagnosticDescriptor ForeignKeyNameTaken = Rule("ASSOC002", NameReusedTitle,
            "Foreign key '{0}' of association '{1}' would be added to '{2}', which already has a member or generated member named '{0}'; name another ForeignKey", DiagnosticSeverity.Error);

        /// <summary>{0} target, {1} junction (the property's name), {2} association.</summary>
        public static readonly DiagnosticDescriptor JunctionNavigationTaken = Rule("ASSOC002", NameReusedTitle,
            "'{0}' gets a property '{1}' carrying the junction row of '{2}', but it already has a member (or generated member) of that name; rename one of them", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- ASSOC003 not a valid C# identifier

        private const string NotIdentifierTitle = "Not a valid C# identifier";

        /// <summary>{0} alias (or singular), {1} model.</summary>
        public static readonly DiagnosticDescriptor AliasNotIdentifier = Rule("ASSOC003", NotIdentifierTitle,
            "Association alias '{0}' on '{1}' is not a valid C# identifier; accessors such as 'Get{0}Async' could not be generated. Use letters, digits and '_' only.", DiagnosticSeverity.Error);

        /// <summary>{0} foreign key, {1} association.</summary>
        public static readonly DiagnosticDescriptor ForeignKeyNotIdentifier = Rule("ASSOC003", NotIdentifierTitle,
            "Foreign key '{0}' of association '{1}' is not a valid C# identifier", DiagnosticSeverity.Error);

        /// <summary>{0} the Through name, {1} model.</summary>
        public static readonly DiagnosticDescriptor ThroughNotIdentifier = Rule("ASSOC003", NotIdentifierTitle,
            "Through = \"{0}\" on '{1}' names a junction class to generate, but it is not a valid C# identifier", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- ASSOC004 grammatical number of an alias

        private const string AliasNumberTitle = "Alias has the wrong grammatical number";

        /// <summary>{0} alias, {1} model. Property <c>Singular</c>: the alias (the code fix adds <c>Singular = "…"</c>).</summary>
        public static readonly DiagnosticDescriptor AliasNotSingularizable = Rule("ASSOC004", AliasNumberTitle,
            "Humanizer cannot singularize the alias '{0}' of '{1}.{0}'; add Singular = \"…\" so that accessors such as Add…Async get the right name", DiagnosticSeverity.Warning);

        /// <summary>{0} alias, {1} model, {2} its plural. Property <c>Singular</c>: the alias.</summary>
        public static readonly DiagnosticDescriptor ManyAliasLooksSingular = Rule("ASSOC004", AliasNumberTitle,
            "Alias '{0}' of a many association of '{1}' looks singular; name the collection (As = \"{2}\"), or add Singular = \"{0}\" if '{0}' is both", DiagnosticSeverity.Warning);

        /// <summary>{0} alias, {1} model, {2} its singular.</summary>
        public static readonly DiagnosticDescriptor OneAliasLooksPlural = Rule("ASSOC004", AliasNumberTitle,
            "Alias '{0}' of a one association of '{1}' looks plural; a HasOne/BelongsTo names one row (As = \"{2}\")", DiagnosticSeverity.Warning);

        // ---------------------------------------------------------------- ASSOC005 cannot be a model

        private const string CannotBeModelTitle = "Model class must be partial";
        private const string CannotBeModelWhy = "; the generator adds members to it and creates its instances, so it must be a non-generic, non-abstract 'partial class' (or 'partial record class') with a parameterless constructor, nested only in partial, non-generic types";

        /// <summary>{0} model. The code fix adds <c>partial</c>.</summary>
        public static readonly DiagnosticDescriptor NotPartial = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is not partial" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model (a record or struct).</summary>
        public static readonly DiagnosticDescriptor ModelNotAClass = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is not a class" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model.</summary>
        public static readonly DiagnosticDescriptor ModelStatic = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is static" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model.</summary>
        public static readonly DiagnosticDescriptor ModelGeneric = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is generic" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} the container that is not partial (the generated partial re-opens it).</summary>
        public static readonly DiagnosticDescriptor ModelNestedInNonPartial = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is nested in '{1}', which is not partial" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} the generic container (a model is one closed type).</summary>
        public static readonly DiagnosticDescriptor ModelNestedInGeneric = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is nested in the generic type '{1}'" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} the private or protected container (generated code elsewhere in the assembly names the model).</summary>
        public static readonly DiagnosticDescriptor ModelNestedInHidden = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is nested in '{1}', which is private or protected" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} its container.</summary>
        public static readonly DiagnosticDescriptor ModelHiddenInContainer = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is private or protected in '{1}'" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model.</summary>
        public static readonly DiagnosticDescriptor ModelNameInvalid = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' does not have a valid C# name" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model.</summary>
        public static readonly DiagnosticDescriptor ModelFileLocal = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is file-local (generated code lives in another file)" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model.</summary>
        public static readonly DiagnosticDescriptor ModelObsoleteAsError = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is [Obsolete] as an error (generated code must reference it)" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} the member declared twice.</summary>
        public static readonly DiagnosticDescriptor ModelMemberDeclaredTwice = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' declares '{1}' more than once" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model.</summary>
        public static readonly DiagnosticDescriptor ModelDeclaredAsTwoTypes = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is declared as two different types (the compiler reports why)" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model.</summary>
        public static readonly DiagnosticDescriptor ModelAbstract = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' is abstract" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model.</summary>
        public static readonly DiagnosticDescriptor ModelWithoutParameterlessConstructor = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' has no public parameterless constructor" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} the required member.</summary>
        public static readonly DiagnosticDescriptor ModelRequiredMemberNotMapped = Rule("ASSOC005", CannotBeModelTitle,
            "Model '{0}' has a required member '{1}' that is not mapped to a column" + CannotBeModelWhy, DiagnosticSeverity.Error);

        /// <summary>The ASSOC005 descriptor of <paramref name="problem"/>.</summary>
        public static DiagnosticDescriptor CannotBeModel(ModelShapeProblem problem) => problem switch
        {
            ModelShapeProblem.NotAClass => ModelNotAClass,
            ModelShapeProblem.Static => ModelStatic,
            ModelShapeProblem.Generic => ModelGeneric,
            ModelShapeProblem.NestedInNonPartial => ModelNestedInNonPartial,
            ModelShapeProblem.NestedInGeneric => ModelNestedInGeneric,
            ModelShapeProblem.NestedInHidden => ModelNestedInHidden,
            ModelShapeProblem.HiddenInContainer => ModelHiddenInContainer,
            ModelShapeProblem.InvalidName => ModelNameInvalid,
            ModelShapeProblem.FileLocal => ModelFileLocal,
            ModelShapeProblem.ObsoleteAsError => ModelObsoleteAsError,
            ModelShapeProblem.MemberDeclaredTwice => ModelMemberDeclaredTwice,
            ModelShapeProblem.DeclaredAsTwoTypes => ModelDeclaredAsTwoTypes,
            ModelShapeProblem.Abstract => ModelAbstract,
            ModelShapeProblem.NoParameterlessConstructor => ModelWithoutParameterlessConstructor,
            ModelShapeProblem.RequiredMemberNotMapped => ModelRequiredMemberNotMapped,
            _ => NotPartial,
        };

        // ---------------------------------------------------------------- ASSOC006 primary key

        private const string PrimaryKeyTitle = "Model has no primary key";

        /// <summary>{0} model.</summary>
        public static readonly DiagnosticDescriptor NoPrimaryKey = Rule("ASSOC006", PrimaryKeyTitle,
            "Model '{0}' has no primary key: add an 'Id' property or mark one with [Key]", DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} the key property.</summary>
        public static readonly DiagnosticDescriptor PrimaryKeyNotSettable = Rule("ASSOC006", PrimaryKeyTitle,
            "Model '{0}' has no primary key: its key '{0}.{1}' is not settable (the generated reader and inserts set it); give it a 'set' accessor", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- ASSOC007 BelongsToMany without Through

        /// <summary>{0} model, {1} target, {2} a suggested junction name.</summary>
        public static readonly DiagnosticDescriptor MissingThrough = Rule("ASSOC007", "BelongsToMany needs Through",
            "BelongsToMany from '{0}' to '{1}' needs a junction: add Through = \"{2}\" (a generated junction) or Through = typeof(YourJunctionModel)", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- ASSOC008 foreign or key property

        private const string BadKeyTitle = "Foreign or key property is missing or has the wrong type";

        /// <summary>{0} model, {1} foreign key, {2} its type, {3} referenced model, {4} referenced key, {5} its type. The other location: the foreign key's declaration.</summary>
        public static readonly DiagnosticDescriptor ForeignKeyTypeMismatch = Rule("ASSOC008", BadKeyTitle,
            "Foreign key '{0}.{1}' has type '{2}' but references '{3}.{4}' of type '{5}'; make their types match", DiagnosticSeverity.Error);

        /// <summary>{0} "SourceKey" or "TargetKey", {1} the property named, {2} association, {3} the model that lacks it.</summary>
        public static readonly DiagnosticDescriptor KeyNamesNoProperty = Rule("ASSOC008", BadKeyTitle,
            "{0} '{1}' of association '{2}' names no mapped property of '{3}'", DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} foreign key, {2} association.</summary>
        public static readonly DiagnosticDescriptor ForeignKeyInitOnly = Rule("ASSOC008", BadKeyTitle,
            "Foreign key '{0}.{1}' of association '{2}' is init-only; accessors set it, so give it a 'set' accessor", DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} foreign key, {2} association.</summary>
        public static readonly DiagnosticDescriptor ForeignKeyNotMapped = Rule("ASSOC008", BadKeyTitle,
            "Foreign key '{0}.{1}' of association '{2}' is not a mapped property (it must be public, settable, of a storable type and not [NotMapped])", DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} foreign key, {2} association, {3} and {4} the key it references already. The other location: the association that made it so.</summary>
        public static readonly DiagnosticDescriptor ForeignKeyReferencesTwoKeys = Rule("ASSOC008", BadKeyTitle,
            "Foreign key '{0}.{1}' of association '{2}' already references '{3}.{4}'; one column cannot reference two keys (a polymorphic key needs Constraints = false on every association that shares it)", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- ASSOC009 SET NULL on a required foreign key

        /// <summary>{0} association, {1} model holding the foreign key, {2} foreign key, {3} referenced model.</summary>
        public static readonly DiagnosticDescriptor SetNullOnRequired = Rule("ASSOC009", "SET NULL on a non-nullable foreign key",
            "OnDelete = SetNull on association '{0}', but its foreign key '{1}.{2}' is not nullable: deleting a '{3}' would fail. Make the property nullable or use Cascade", DiagnosticSeverity.Warning);

        // ---------------------------------------------------------------- ASSOC010 paired associations disagree

        private const string DisagreeingTitle = "Paired associations disagree";

        /// <summary>{0}.{1} the HasOne/HasMany, {2}.{3} its foreign key; {4}.{5} the inverse BelongsTo, {6} its foreign key. The other location: the HasOne/HasMany.</summary>
        public static readonly DiagnosticDescriptor InverseUsesAnotherColumn = Rule("ASSOC010", DisagreeingTitle,
            "'{0}.{1}' stores its key in '{2}.{3}' but its inverse '{4}.{5}' uses '{4}.{6}': the relationship gets two columns. Give both the same ForeignKey = \"{3}\"", DiagnosticSeverity.Warning);

        /// <summary>{0} model, {1} and {2} the two associations, {3}.{4} their foreign key. The other location: the first association's As.</summary>
        public static readonly DiagnosticDescriptor AliasesShareForeignKey = Rule("ASSOC010", DisagreeingTitle,
            "'{0}.{1}' and '{0}.{2}' both store their key in '{3}.{4}', so they return the same rows; give each its own ForeignKey (or an association scope)", DiagnosticSeverity.Warning);

        /// <summary>{0} model, {1} target, {2} the default name (for the example). The other location: the first of the two.</summary>
        public static readonly DiagnosticDescriptor TwoBelongsToWithoutAliases = Rule("ASSOC010", DisagreeingTitle,
            "'{0}' has two BelongsTo associations to '{1}' without distinct aliases; give each its own As (for example As = \"Home{2}\" and As = \"Away{2}\") so that each gets its own accessors and foreign key", DiagnosticSeverity.Warning);

        /// <summary>{0} model, {1} HasOne or HasMany, {2} target, {3} the default name (for the example). The other location: the first of the two.</summary>
        public static readonly DiagnosticDescriptor TwoKeyedOnTargetWithoutAliases = Rule("ASSOC010", DisagreeingTitle,
            "'{0}' has two {1} associations to '{2}' without distinct aliases; give each its own As (for example As = \"Home{3}\" and As = \"Away{3}\") and its own ForeignKey (As does not change the key of a HasOne/HasMany)", DiagnosticSeverity.Warning);

        /// <summary>{0} model, {1} target, {2} the default name (for the example). The other location: the first of the two.</summary>
        public static readonly DiagnosticDescriptor TwoBelongsToManyWithoutAliases = Rule("ASSOC010", DisagreeingTitle,
            "'{0}' has two BelongsToMany associations to '{1}' without distinct aliases; give each its own As (for example As = \"Home{2}\" and As = \"Away{2}\") and its own Through", DiagnosticSeverity.Warning);

        /// <summary>{0} association, {1} junction, {2} the one column both keys resolve to.</summary>
        public static readonly DiagnosticDescriptor SelfJunctionKeysCollide = Rule("ASSOC010", DisagreeingTitle,
            "Both keys of '{0}' resolve to '{1}.{2}': a self-referencing BelongsToMany needs As (for example As = \"Children\") or distinct ForeignKey and OtherKey", DiagnosticSeverity.Warning);

        /// <summary>{0} association, {1} junction, {2} and {3} the keys to name. The other location: the association it is the inverse of.</summary>
        public static readonly DiagnosticDescriptor SelfJunctionInverseNeedsKeys = Rule("ASSOC010", DisagreeingTitle,
            "'{0}' is the inverse of a self-referencing association through '{1}' and must name its keys, or both sides collapse onto one column: add ForeignKey and OtherKey (for example ForeignKey = \"{2}\", OtherKey = \"{3}\")", DiagnosticSeverity.Warning);

        // ---------------------------------------------------------------- ASSOC011 unmapped property type

        /// <summary>{0} model, {1} property, {2} its type as written.</summary>
        public static readonly DiagnosticDescriptor UnmappedProperty = Rule("ASSOC011", "Property type is not mapped",
            "Property '{0}.{1}' has type '{2}', which Associations does not store: it is not read or written. Use a supported type, or mark it [NotMapped] to say so.", DiagnosticSeverity.Warning);

        // ---------------------------------------------------------------- ASSOC012 name too long for PostgreSQL

        private const string NameTooLongTitle = "Table or column name too long for PostgreSQL";

        /// <summary>{0} table, {1} model, {2} its length in UTF-8 bytes.</summary>
        public static readonly DiagnosticDescriptor TableNameTooLong = Rule("ASSOC012", NameTooLongTitle,
            "The table name '{0}' of '{1}' is {2} bytes long; PostgreSQL keeps only 63 bytes of a name, so two names could meet. Choose a shorter name with [Table] or [Column].", DiagnosticSeverity.Error);

        /// <summary>{0} column, {1} model, {2} property, {3} its length in UTF-8 bytes.</summary>
        public static readonly DiagnosticDescriptor ColumnNameTooLong = Rule("ASSOC012", NameTooLongTitle,
            "The column name '{0}' of '{1}.{2}' is {3} bytes long; PostgreSQL keeps only 63 bytes of a name, so two names could meet. Choose a shorter name with [Table] or [Column].", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- ASSOC013 junction is an end of its association

        /// <summary>{0} model, {1} target, {2} the junction (one of the two).</summary>
        public static readonly DiagnosticDescriptor JunctionIsEndpoint = Rule("ASSOC013", "Junction is one of the associated models",
            "The junction of '{0}' BelongsToMany '{1}' is '{2}' itself; Through names a third model (or a name for a generated one)", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- ASSOC014 lifecycle column

        private const string LifecycleTitle = "Lifecycle column is not a settable DateTime property";

        /// <summary>{0} model, {1} column (CreatedAt, UpdatedAt, DeletedAt), {2} the type it needs, {3} the attribute (Timestamps, Paranoid).</summary>
        public static readonly DiagnosticDescriptor LifecyclePropertyType = Rule("ASSOC014", LifecycleTitle,
            "'{0}.{1}' must be a {2} property: [{3}] sets it", DiagnosticSeverity.Error);

        /// <summary>{0} model, {1} column, {2} the attribute.</summary>
        public static readonly DiagnosticDescriptor LifecycleNameTaken = Rule("ASSOC014", LifecycleTitle,
            "'{0}' has a member named '{1}' that is not a mapped DateTime property; [{2}] needs that name for its column", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- ASSOC015 association scope

        private const string ScopeTitle = "Association scope is invalid";

        /// <summary>{0} model, {1} association.</summary>
        public static readonly DiagnosticDescriptor ScopeOnBelongsTo = Rule("ASSOC015", ScopeTitle,
            "ScopeProperty on '{0}.{1}': association scopes apply to HasOne, HasMany and BelongsToMany only", DiagnosticSeverity.Error);

        /// <summary>{0} ScopeProperty, {1} model, {2} association, {3} the model that must hold it (target or junction).</summary>
        public static readonly DiagnosticDescriptor ScopeNotMapped = Rule("ASSOC015", ScopeTitle,
            "ScopeProperty '{0}' of '{1}.{2}' must name a mapped property of '{3}', with a string, number or bool ScopeValue", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- ASSOC999

        /// <summary>{0} exception type, {1} its message.</summary>
        public static readonly DiagnosticDescriptor InternalError = Rule("ASSOC999", "Internal generator error",
            "The Associations generator failed: {0}: {1}. Please report this with the model that triggers it.", DiagnosticSeverity.Error);

        // ---------------------------------------------------------------- lookups (after every field: initializers run in order)

        /// <summary>Every descriptor by its field name, the key a <c>DiagnosticInfo</c> carries through the pipeline.</summary>
        public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ByName = typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(f => f.Name, f => (DiagnosticDescriptor)f.GetValue(null)!);

        private static readonly Dictionary<DiagnosticDescriptor, string> Names = ByName.ToDictionary(p => p.Value, p => p.Key);

        /// <summary>The first descriptor of each id: its title, severity and docs page are those of every descriptor of that id.</summary>
        public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = ByName.Values
            .GroupBy(d => d.Id)
            .ToDictionary(g => g.Key, g => g.First());

        /// <summary>The key of <paramref name="descriptor"/> in <see cref="ByName"/>.</summary>
        public static string NameOf(DiagnosticDescriptor descriptor) => Names[descriptor];
    }
}
