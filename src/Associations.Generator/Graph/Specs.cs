using Associations.Generator.Model;

namespace Associations.Generator.Graph
{
    /// <summary>A mapped column after naming rules: the property it comes from and how it is stored.</summary>
    internal sealed record ColumnSpec(
        string Property,
        string Column,
        ColumnStorage Storage,
        string PropertyType,      // as declared, with nullability ("global::System.Int32?")
        string ValueType,         // without nullability
        string? EnumUnderlying,
        bool Nullable,
        bool IsValueType,
        bool IsKey,
        bool IsGenerated,
        bool IsUnique,
        bool IsGeneratedProperty)
    {
        /// <summary>Init-only or required: can only be set in an object initializer.</summary>
        public bool InInitializer { get; init; }

        /// <summary><c>[MaxLength]</c>/<c>[StringLength]</c> of a string column.</summary>
        public int? MaxLength { get; init; }

        /// <summary><c>[Column(TypeName)]</c>, verbatim.</summary>
        public string? StoreType { get; init; }

        /// <summary><c>[DefaultValue]</c> as a C# expression of the property's type, for the column's DDL default.</summary>
        public string? DefaultExpression { get; init; }

        /// <summary>A column of [Timestamps] or [Paranoid]: set by the runtime, read in UTC.</summary>
        public LifecycleColumn? Lifecycle { get; init; }

        /// <summary>The UPDATE statement leaves it alone (CreatedAt never changes after the insert).</summary>
        public bool NotUpdated => Lifecycle == LifecycleColumn.CreatedAt;
    }

    /// <summary>A foreign key of a table.</summary>
    internal sealed record ForeignKeySpec(string Column, string ReferencedTable, string ReferencedColumn, ReferentialAction OnDelete, ReferentialAction OnUpdate, bool Constraint)
    {
        /// <summary>The referenced table's schema, or null.</summary>
        public string? ReferencedSchema { get; init; }
    }

    /// <summary>What SQL needs to know about a table on the other side of an association.</summary>
    internal sealed record TableRef(string FullName, string ModelName, string Table, EquatableArray<ColumnSpec> Columns, ColumnSpec Key, bool IsPublic)
    {
        /// <summary><c>[Table(Schema = "…")]</c>, or null.</summary>
        public string? Schema { get; init; }
    }

    /// <summary>One association, fully resolved: names, keys, columns, both tables.</summary>
    internal sealed record AssociationSpec(
        AssociationKind Kind,
        string Name,
        string Singular,
        TableRef Source,
        TableRef Target,
        ColumnSpec ForeignKey,        // on the target (HasOne/HasMany) or on the source (BelongsTo)
        ColumnSpec SourceKey,         // HasOne/HasMany: the source column the FK references
        ColumnSpec TargetKey,         // BelongsTo/BelongsToMany: the target column the FK references; else the target's primary key
        bool UnlinkDeletes,
        JunctionSpec? Junction)
    {
        /// <summary><c>Hooks = true</c> with <c>OnDelete = Cascade</c>: the runtime deletes the children itself.</summary>
        public bool CascadeHooks { get; init; }

        /// <summary>Association scope: the column (of the target, or of the junction) that must equal <see cref="ScopeText"/>.</summary>
        public ColumnSpec? ScopeColumn { get; init; }

        /// <summary>Association scope value as a C# literal.</summary>
        public string? ScopeLiteral { get; init; }

        /// <summary>How SQL writes <see cref="ScopeText"/>.</summary>
        public ScopeKind? ScopeKind { get; init; }

        /// <summary>The raw scope value.</summary>
        public string? ScopeText { get; init; }
    }

    /// <summary>The junction side of a BelongsToMany: its table, the two key columns, how pairs stay unique.</summary>
    internal sealed record JunctionSpec(
        TableRef Table,
        ColumnSpec SourceColumn,          // junction → source (ForeignKey)
        ColumnSpec TargetColumn,          // junction → target (OtherKey)
        bool Unique,
        EquatableArray<string> ConflictColumns,   // the pair's key or unique index, in its own order; empty when not unique
        EquatableArray<ColumnSpec> Payload,       // columns copied from a `through` instance
        string NavigationProperty);               // the property of the target that carries the junction row

    /// <summary>Everything emitted for one model.</summary>
    internal sealed record ModelSpec(
        string FullName,
        string Name,
        string Namespace,
        bool IsPublic,
        string HintName,
        string Table,
        EquatableArray<ColumnSpec> Columns,
        EquatableArray<ForeignKeySpec> ForeignKeys,
        EquatableArray<AssociationSpec> Associations,
        EquatableArray<string> Related,
        EquatableArray<UniqueSpec> UniqueConstraints,
        EquatableArray<NavigationSpec> JunctionNavigations,
        bool Synthesized)
    {
        /// <summary><c>[Table(Schema = "…")]</c>, or null.</summary>
        public string? Schema { get; init; }

        /// <summary>A <c>record class</c>: the generated partial declaration says <c>partial record class</c>.</summary>
        public bool IsRecord { get; init; }

        /// <summary>The partial declarations of the types the model is nested in, outermost first (empty at namespace level).</summary>
        public EquatableArray<string> Containers { get; init; } = EquatableArray<string>.Empty;

        /// <summary>Named scopes of the model.</summary>
        public EquatableArray<ScopeSpec> Scopes { get; init; } = EquatableArray<ScopeSpec>.Empty;
    }

    /// <summary>A named scope of a model: a <c>[Scope]</c> method <c>static Query&lt;T&gt; Name(Query&lt;T&gt;)</c>; a default one applies to every query.</summary>
    internal sealed record ScopeSpec(string Name, bool IsDefault);

    /// <summary>Columns unique together.</summary>
    internal sealed record UniqueSpec(EquatableArray<string> Columns);

    /// <summary>A property carrying the junction row a model was read through.</summary>
    internal sealed record NavigationSpec(string Property, string Type, string Association, bool IsPublic);

    /// <summary>The output of the graph stage: models to emit and the diagnostics found.</summary>
    internal sealed record ModelGraph(EquatableArray<ModelSpec> Models, EquatableArray<DiagnosticInfo> Diagnostics);
}
