using System;
using System.Collections.Generic;
using System.Linq;
using Associations.Generator.Diagnostics;
using Associations.Generator.Model;
using Associations.Generator.Parsing;

namespace Associations.Generator.Graph
{
    /// <summary>Foreign keys: found or created on the model that holds them, shared by paired declarations, checked (ASSOC002, ASSOC003, ASSOC008, ASSOC009).</summary>
    internal static class ForeignKeys
    {
        /// <summary>
        /// Finds or creates the foreign-key property <paramref name="fkName"/> on <paramref name="owner"/>
        /// and records its constraint to <paramref name="referencedKey"/> (shared when a paired declaration
        /// resolves to the same column). Returns null after reporting why it cannot.
        /// </summary>
        public static ColumnSpec? Link(ModelBuilder owner, string fkName, ModelBuilder referenced, ColumnSpec referencedKey,
            bool nullableWhenCreated, AssociationDecl association, LocationInfo? location, string qualified, List<DiagnosticInfo> diagnostics)
        {
            location ??= association.Location;
            if (!Naming.IsValidIdentifier(fkName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyNotIdentifier, location, fkName, qualified));
                return null;
            }

            var declaredFk = owner.Type.Properties.FirstOrDefault(p => string.Equals(p.Name, fkName, StringComparison.OrdinalIgnoreCase));
            if (declaredFk is not null && declaredFk.Name != fkName)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyDiffersByCase, location, fkName, qualified, owner.Type.Name, declaredFk.Name)
                    .WithOtherSide(declaredFk.Location));
                return null;
            }

            if (declaredFk is null && (owner.Reserved.Contains(fkName) || owner.Type.MemberNames.Any(m => string.Equals(m, fkName, StringComparison.OrdinalIgnoreCase)))
                && owner.Column(fkName) is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyNameTaken, location, fkName, qualified, owner.Type.Name));
                return null;
            }
            if (declaredFk is not null && declaredFk.InitOnly)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyInitOnly, location, owner.Type.Name, fkName, qualified));
                return null;
            }

            var fkColumn = owner.Column(fkName);
            if (declaredFk is not null && fkColumn is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyNotMapped, location, owner.Type.Name, fkName, qualified));
                return null;
            }
            if (fkColumn is not null && fkColumn.ValueType != referencedKey.ValueType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyTypeMismatch, location,
                    owner.Type.Name, fkName, Display(fkColumn.ValueType), referenced.Type.Name, referencedKey.Property, Display(referencedKey.ValueType))
                    .WithOtherSide(declaredFk?.Location));
                return null;
            }
            if (fkColumn is null)
            {
                // Generated foreign keys are nullable; junction keys are not (they are the pair).
                var propertyType = nullableWhenCreated || !referencedKey.IsValueType ? referencedKey.ValueType + "?" : referencedKey.ValueType;
                if (!nullableWhenCreated && !referencedKey.IsValueType) propertyType = referencedKey.ValueType;
                fkColumn = new ColumnSpec(fkName, owner.ColumnName(fkName), referencedKey.Storage, propertyType, referencedKey.ValueType,
                    referencedKey.EnumUnderlying, nullableWhenCreated, referencedKey.IsValueType, false, false, false, true);
                owner.Columns.Add(fkColumn);
                owner.Reserved.Add(fkName);
            }

            if (!referencedKey.IsKey && !referencedKey.IsUnique)
            {
                var index = referenced.Columns.IndexOf(referencedKey);
                referenced.Columns[index] = referencedKey with { IsUnique = true };
            }

            var fk = owner.ForeignKeys.FirstOrDefault(f => f.Property == fkName);
            if (fk is null)
            {
                fk = new ForeignKeyBuilder { Property = fkName, Column = fkColumn.Column, Referenced = referenced, ReferencedProperty = referencedKey.Property, Declaration = association };
                owner.ForeignKeys.Add(fk);
            }
            else if ((fk.Referenced != referenced || fk.ReferencedProperty != referencedKey.Property) && (fk.Constraint || association.Constraints))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ForeignKeyReferencesTwoKeys, location,
                    owner.Type.Name, fkName, qualified, fk.Referenced.Type.Name, fk.ReferencedProperty)
                    .WithOtherSide(fk.Declaration.Location));
                return null;
            }
            fk.OnDelete = association.OnDelete ?? fk.OnDelete;
            fk.OnUpdate = association.OnUpdate ?? fk.OnUpdate;
            fk.Constraint &= association.Constraints;
            if (association.OnDelete == ReferentialAction.SetNull && !fkColumn.Nullable)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetNullOnRequired, association.At("OnDelete"),
                    qualified, owner.Type.Name, fkName, referenced.Type.Name));
            return fkColumn;
        }

        private static string Display(string type) => type.Replace("global::", "");
    }
}
