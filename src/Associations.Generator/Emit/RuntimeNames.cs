namespace Associations.Generator.Emit
{
    /// <summary>
    /// Every runtime type and namespace generated code names, in one place: when the runtime moves a type, this is
    /// the only file to change. Generated files reach them through the short aliases of <see cref="TypeNames"/>.
    /// </summary>
    internal static class RuntimeNames
    {
        public const string Root = "global::Associations";
        public const string Query = Root + ".Query";
        public const string DbSession = Root + ".DbSession";
        public const string IModel = Root + ".IModel";
        public const string ReferentialAction = Root + ".ReferentialAction";
        public const string StringColumn = Root + ".StringColumn";
        public const string OrderedColumn = Root + ".OrderedColumn";
        public const string Column = Root + ".Column";
        public const string IOrderedColumn = Root + ".IOrderedColumn";

        public const string Metadata = Root + ".Metadata";
        public const string ModelMetadata = Metadata + ".ModelMetadata";
        public const string ColumnInfo = Metadata + ".ColumnInfo";
        public const string ColumnType = Metadata + ".ColumnType";
        public const string ColumnValues = Internal + ".ColumnValues";
        public const string ForeignKeyInfo = Metadata + ".ForeignKeyInfo";
        public const string ModelStatements = Internal + ".ModelStatements";
        public const string CompositeKey = Metadata + ".CompositeKey";
        public const string ModelRegistry = Metadata + ".ModelRegistry";

        public const string Internal = Root + ".Internal";
        public const string Arg = Internal + ".Arg";
        public const string AssociationKind = Internal + ".AssociationKind";
        public const string BelongsToAssociation = Internal + ".BelongsToAssociation";
        public const string BelongsToManyAssociation = Internal + ".BelongsToManyAssociation";
        public const string TargetKeyedAssociation = Internal + ".TargetKeyedAssociation";
        public const string IGraphLink = Internal + ".IGraphLink";
        public const string JunctionSql = Internal + ".JunctionSql";
        public const string SourceKeyedSql = Internal + ".SourceKeyedSql";
        public const string TargetKeyedSql = Internal + ".TargetKeyedSql";

        public const string KeyStitches = Internal + ".KeyStitches";

        public const string Tasks = "global::System.Threading.Tasks";
        public const string CancellationToken = "global::System.Threading.CancellationToken";
        public const string Collections = "global::System.Collections.Generic";
        public const string DataReader = "global::System.Data.Common.DbDataReader";
        public const string EditorBrowsableNever = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";
        /// <summary>
        /// The nullable context of every generated file: annotations on (the public API reads as declared), warnings off, so
        /// the compiler skips nullable analysis of generated code (a third of what compiling it cost; the System.Text.Json
        /// generator does the same). The generator's tests compile the output with warnings on.
        /// </summary>
        public const string NullableContext = "#nullable enable annotations\n#nullable disable warnings";

        public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCodeAttribute";
    }
}
