using System.Collections.Generic;
using Associations.Generator.Model;
using Associations.Generator.Parsing;

namespace Associations.Generator.Graph
{
    /// <summary>BelongsTo: the foreign key is on the source and references a key of the target (TargetKey, else its primary key).</summary>
    internal static class BelongsToPlanner
    {
        public static void Plan(ModelBuilder source, ModelBuilder target, AssociationDecl association, List<DiagnosticInfo> diagnostics)
        {
            var name = association.As ?? target.One;

            if (!AssociationChecks.CheckNames(source, target, association, name, name, diagnostics)) return;
            AssociationChecks.CheckNumber(source, association, false, diagnostics);
            // An association scope filters many rows; a BelongsTo finds its one row by key (ASSOC015).
            if (!AssociationChecks.CheckScope(source, null, association, name, diagnostics)) return;

            // Sequelize's default key: the alias (else the target's singular name) + the referenced key.
            var keyName = association.TargetKey ?? target.Key!.Property;
            KeyedPlanner.Link(source, target, association,
                new KeyedPlanner.Resolved(name, name, owner: source, referenced: target, "TargetKey", keyName, name + keyName), diagnostics);
        }
    }
}
