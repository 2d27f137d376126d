using System.Collections.Generic;
using Associations.Generator.Diagnostics;
using Associations.Generator.Model;
using Associations.Generator.Parsing;

namespace Associations.Generator.Graph
{
    /// <summary>
    /// What HasOne, HasMany and BelongsTo share once each has its names: one foreign key, on <c>owner</c>, referencing a
    /// key of the other model (ASSOC008 when that key does not exist), and the plan that records it.
    /// </summary>
    internal static class KeyedPlanner
    {
        /// <summary>The association as its planner resolved it: names, who holds the key, which key it references.</summary>
        public sealed class Resolved
        {
            public Resolved(string name, string singular, ModelBuilder owner, ModelBuilder referenced, string keyOption, string keyName, string defaultForeignKey)
            {
                Name = name;
                Singular = singular;
                Owner = owner;
                Referenced = referenced;
                KeyOption = keyOption;
                KeyName = keyName;
                DefaultForeignKey = defaultForeignKey;
            }

            public string Name { get; }
            public string Singular { get; }
            public ModelBuilder Owner { get; }
            public ModelBuilder Referenced { get; }
            /// <summary>"SourceKey" or "TargetKey": the option that names <see cref="KeyName"/>.</summary>
            public string KeyOption { get; }
            public string KeyName { get; }
            public string DefaultForeignKey { get; }
        }

        public static void Link(ModelBuilder source, ModelBuilder target, AssociationDecl association, Resolved resolved, List<DiagnosticInfo> diagnostics)
        {
            var qualified = source.Type.Name + "." + resolved.Name;
            var referencedKey = resolved.Referenced.Column(resolved.KeyName);
            if (referencedKey is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KeyNamesNoProperty, association.At(resolved.KeyOption),
                    resolved.KeyOption, resolved.KeyName, qualified, resolved.Referenced.Type.Name));
                return;
            }

            var fkName = association.ForeignKey ?? resolved.DefaultForeignKey;
            if (ForeignKeys.Link(resolved.Owner, fkName, resolved.Referenced, referencedKey, nullableWhenCreated: true, association,
                    association.At("ForeignKey"), qualified, diagnostics) is null)
                return;

            source.Related.Add(target.Type.FullName);
            target.Related.Add(source.Type.FullName);
            source.Plans.Add(new Plan
            {
                Declaration = association,
                Source = source,
                Target = target,
                Name = resolved.Name,
                Singular = resolved.Singular,
                Owner = resolved.Owner,
                ForeignKeyProperty = fkName,
                ReferencedKeyProperty = referencedKey.Property,
            });
        }
    }
}
