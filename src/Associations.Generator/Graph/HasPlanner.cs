using System.Collections.Generic;
using Associations.Generator.Model;
using Associations.Generator.Parsing;

namespace Associations.Generator.Graph
{
    /// <summary>HasOne and HasMany: the foreign key is on the target and references a key of the source (SourceKey, else its primary key).</summary>
    internal static class HasPlanner
    {
        public static void Plan(ModelBuilder source, ModelBuilder target, AssociationDecl association, List<DiagnosticInfo> diagnostics)
        {
            var many = association.Kind == AssociationKind.HasMany;
            var name = association.As ?? (many ? target.Plural : target.One);
            var singular = many ? association.Singular ?? (association.As is null ? target.Singular : Naming.Singularize(association.As)) : name;

            if (!AssociationChecks.CheckNames(source, target, association, name, singular, diagnostics)) return;
            AssociationChecks.CheckNumber(source, association, many, diagnostics);
            if (!AssociationChecks.CheckScope(source, target, association, name, diagnostics)) return;

            // Sequelize's default key: the source's singular (for a HasOne, its alias if it has one) + the referenced key.
            var keyName = association.SourceKey ?? source.Key!.Property;
            var defaultFk = (many ? source.Singular : Naming.Singularize(association.As ?? source.Singular)) + keyName;
            KeyedPlanner.Link(source, target, association,
                new KeyedPlanner.Resolved(name, singular, owner: target, referenced: source, "SourceKey", keyName, defaultFk), diagnostics);
        }
    }
}
