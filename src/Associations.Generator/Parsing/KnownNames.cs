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
    }
}
