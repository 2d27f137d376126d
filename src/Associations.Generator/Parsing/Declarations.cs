using Associations.Generator.Model;

namespace Associations.Generator.Parsing
{
    /// <summary>A property of a model class as declared (before naming rules).</summary>
    internal sealed record PropertyDecl(
        string Name,
        string Type,              // fully qualified, with nullable annotation: "global::System.Int32?" style display
        ColumnStorage? Storage,   // null when the type cannot be stored
        string? EnumUnderlying,   // "int", "long", … when the property is an enum (or nullable enum)
        string ValueType,         // the type without nullability ("int", "string", "global::NS.Color")
        bool Nullable,
        bool IsValueType,
        bool IsKey,
        string? ColumnName,
        bool NotMapped,
        bool GeneratedNone,
        bool Writable,
        bool InitOnly,
        bool Required)
    {
        /// <summary><c>[MaxLength(n)]</c> or <c>[StringLength(n)]</c>.</summary>
        public int? MaxLength { get; init; }

        /// <summary><c>[Column(TypeName = "…")]</c>, used verbatim in DDL.</summary>
        public string? StoreType { get; init; }

        /// <summary><c>[DefaultValue(x)]</c> as a C# expression of the property's type (null: none, or not representable).</summary>
        public string? DefaultExpression { get; init; }

        /// <summary><c>[Required]</c>: the column is NOT NULL whatever the property's nullability.</summary>
        public bool RequiredAttribute { get; init; }

        /// <summary>The declared type as written for messages ("List&lt;string&gt;").</summary>
        public string? DisplayType { get; init; }

        /// <summary>Where the property is declared (null outside source).</summary>
        public LocationInfo? Location { get; init; }
    }

    /// <summary>A class as the generator sees it: shape, properties, naming attributes.</summary>
    internal sealed record TypeDecl(
        string FullName,          // "global::NS.User"
        string Name,
        string Namespace,         // "" for the global namespace
        bool IsPartial,
        bool IsClass,
        bool IsStatic,
        bool IsGeneric,
        bool HasModelAttribute,
        bool IsPublic,
        ModelShapeProblem? Unconstructible,   // why the generated reader cannot create it (abstract, no parameterless constructor, …)
        bool? Underscored,
        string? Singular,
        string? Plural,
        string? Table,
        EquatableArray<PropertyDecl> Properties,
        EquatableArray<string> MemberNames,
        LocationInfo? Location)
    {
        /// <summary>A <c>record class</c>: its generated partial must say so.</summary>
        public bool IsRecord { get; init; }

        /// <summary>The partial declarations of the types it is nested in, outermost first (empty at namespace level).</summary>
        public EquatableArray<string> Containers { get; init; } = EquatableArray<string>.Empty;

        /// <summary><c>[Timestamps]</c>: CreatedAt/UpdatedAt.</summary>
        public bool Timestamps { get; init; }

        /// <summary><c>[Paranoid]</c>: DeletedAt, soft delete.</summary>
        public bool Paranoid { get; init; }

        /// <summary><c>[Table(Schema = "…")]</c>.</summary>
        public string? Schema { get; init; }

        /// <summary>Where <c>[Table]</c> is written (for ASSOC012), else null.</summary>
        public LocationInfo? TableLocation { get; init; }

        /// <summary>The member <see cref="Unconstructible"/> is about (declared twice, or required and not mapped), else null.</summary>
        public string? UnconstructibleMember { get; init; }

        /// <summary>Methods marked [Scope] with the right shape: static Query&lt;T&gt; Name(Query&lt;T&gt;).</summary>
        public EquatableArray<ScopeDecl> Scopes { get; init; } = EquatableArray<ScopeDecl>.Empty;
    }

    /// <summary>A named scope method.</summary>
    internal sealed record ScopeDecl(string Name, bool IsDefault);

    /// <summary>One association attribute, its arguments kept as written.</summary>
    internal sealed record AssociationDecl(
        AssociationKind Kind,
        TypeDecl? Target,
        string? As,
        string? Singular,
        string? ForeignKey,
        string? OtherKey,
        string? SourceKey,
        string? TargetKey,
        string? ThroughName,
        TypeDecl? ThroughType,
        bool ThroughGiven,
        bool Unique,
        ReferentialAction? OnDelete,
        ReferentialAction? OnUpdate,
        bool Constraints,
        bool Hooks,
        string? ScopeProperty,
        string? ScopeValue,
        LocationInfo? Location,
        EquatableArray<ArgumentLocation> Arguments)
    {
        /// <summary>The kind of <see cref="ScopeValue"/>, null when it is none of string, number or bool.</summary>
        public ScopeKind? ScopeKind { get; init; }

        /// <summary>The raw text of the scope value (not a literal).</summary>
        public string? ScopeText { get; init; }

        /// <summary>Where the named argument is written, or the whole attribute when it is not.</summary>
        public LocationInfo? At(string argument)
        {
            foreach (var a in Arguments)
                if (a.Name == argument) return a.Location;
            return Location;
        }
    }

    /// <summary>The location of one named argument of an attribute.</summary>
    internal sealed record ArgumentLocation(string Name, LocationInfo? Location);

    /// <summary>A class carrying association attributes or [Model], with everything declared on it.</summary>
    internal sealed record ModelDeclaration(TypeDecl Type, EquatableArray<AssociationDecl> Associations);

    /// <summary>The transform's output: a declaration, or the internal error that prevented it.</summary>
    internal sealed record ParseResult(ModelDeclaration? Model, DiagnosticInfo? Error);

    /// <summary>Assembly-wide options.</summary>
    internal sealed record AssemblyOptions(bool Underscored);
}
