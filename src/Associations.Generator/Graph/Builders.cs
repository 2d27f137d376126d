using System;
using System.Collections.Generic;
using System.Linq;
using Associations.Generator.Model;
using Associations.Generator.Parsing;

namespace Associations.Generator.Graph
{
    /// <summary>A model while the graph is built: its naming, columns, foreign keys and association plans, growing as planners link it.</summary>
    internal sealed class ModelBuilder
    {
        public ModelBuilder(TypeDecl type) => Type = type;

        public TypeDecl Type { get; }
        public bool Valid { get; set; } = true;
        public bool Underscored { get; set; }
        public string Singular { get; set; } = "";
        public string Plural { get; set; } = "";
        /// <summary>The default name of a to-one association to this model: <c>[Model(Singular)]</c>, else the class name.</summary>
        public string One { get; set; } = "";
        public string Table { get; set; } = "";
        public List<ColumnSpec> Columns { get; } = new List<ColumnSpec>();
        public ColumnSpec? Key { get; set; }
        public List<ForeignKeyBuilder> ForeignKeys { get; } = new List<ForeignKeyBuilder>();
        public SortedSet<string> Related { get; } = new SortedSet<string>(StringComparer.Ordinal);
        public List<Plan> Plans { get; } = new List<Plan>();
        /// <summary>The association names taken so far, with the association that took each.</summary>
        public Dictionary<string, AssociationDecl> UsedNames { get; } = new Dictionary<string, AssociationDecl>(StringComparer.OrdinalIgnoreCase);
        public bool IsJunction { get; set; }
        public LocationInfo? ReferencedAt { get; set; }
        public HashSet<string> Reserved { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        public bool Synthesized { get; set; }
        public bool? JunctionUnderscored { get; set; }
        public List<string> ConflictColumns { get; } = new List<string>();   // properties
        public List<List<string>> Uniques { get; } = new List<List<string>>(); // properties
        public List<NavigationSpec> JunctionNavigations { get; } = new List<NavigationSpec>();

        public ColumnSpec? Column(string property) => Columns.FirstOrDefault(c => c.Property == property);

        public string ColumnName(string property) => Underscored ? Naming.Underscore(property) : property;
    }

    /// <summary>A foreign key of a model while the graph is built; paired declarations share one.</summary>
    internal sealed class ForeignKeyBuilder
    {
        public string Property = "";
        public string Column = "";
        public ModelBuilder Referenced = null!;
        public string ReferencedProperty = "";
        public ReferentialAction? OnDelete;
        public ReferentialAction? OnUpdate;
        public bool Constraint = true;
        public AssociationDecl Declaration = null!;
    }

    /// <summary>One accepted association: who holds its foreign key, and the properties it joins on.</summary>
    internal sealed class Plan
    {
        public AssociationDecl Declaration = null!;
        public ModelBuilder Source = null!;
        public ModelBuilder Target = null!;
        public string Name = "";
        public string Singular = "";
        public ModelBuilder Owner = null!;
        public string ForeignKeyProperty = "";
        public string ReferencedKeyProperty = "";
        public ModelBuilder? Junction;
        public string OtherKeyProperty = "";
        public string TargetKeyProperty = "";
    }
}
