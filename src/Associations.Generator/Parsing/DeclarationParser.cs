using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Associations.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Associations.Generator.Parsing
{
    /// <summary>
    /// The transform step: projects a class symbol and its attributes into plain records. Nothing
    /// from Roslyn survives past this class.
    /// </summary>
    internal static class DeclarationParser
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        public static ModelDeclaration? Parse(ISymbol symbol, CancellationToken ct)
        {
            if (symbol is not INamedTypeSymbol type || !SyntaxFacts.IsValidIdentifier(type.Name)) return null; // half-typed: nothing to say yet
            var associations = new List<AssociationDecl>();
            foreach (var attribute in type.GetAttributes())
            {
                ct.ThrowIfCancellationRequested();
                var kind = KindOf(attribute.AttributeClass);
                if (kind is null) continue;
                associations.Add(ParseAssociation(kind.Value, attribute, ct));
            }
            return new ModelDeclaration(Describe(type, ct), associations.ToEquatableArray());
        }

        public static AssemblyOptions ParseAssembly(IAssemblySymbol assembly)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                if (!KnownNames.Is(attribute.AttributeClass, KnownNames.AssociationDefaults)) continue;
                foreach (var named in attribute.NamedArguments)
                    if (named.Key == "Underscored" && ValueOf(named.Value) is bool b) return new AssemblyOptions(b);
            }
            return new AssemblyOptions(false);
        }

        private static AssociationKind? KindOf(INamedTypeSymbol? attributeClass) => KnownNames.Of(attributeClass) switch
        {
            KnownNames.HasOne => AssociationKind.HasOne,
            KnownNames.BelongsTo => AssociationKind.BelongsTo,
            KnownNames.HasMany => AssociationKind.HasMany,
            KnownNames.BelongsToMany => AssociationKind.BelongsToMany,
            _ => null,
        };

        private static AssociationDecl ParseAssociation(AssociationKind kind, AttributeData attribute, CancellationToken ct)
        {
            TypeDecl? target = null;
            if (attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Type
                && attribute.ConstructorArguments[0].Value is INamedTypeSymbol targetType
                && targetType.TypeKind != TypeKind.Error && targetType.Name.Length > 0)
            {
                target = Reference(targetType, ct);
            }

            // One pass over the named arguments (this runs for every association on every edit); the last one written wins.
            string? alias = null, singular = null, foreignKey = null, otherKey = null, sourceKey = null, targetKey = null, scopeProperty = null;
            bool unique = true, constraints = true, hooks = false, throughGiven = false;
            ReferentialAction? onDelete = null, onUpdate = null;
            TypedConstant through = default, scopeValue = default;
            bool hasScopeValue = false;
            foreach (var named in attribute.NamedArguments)
            {
                var value = ValueOf(named.Value);
                switch (named.Key)
                {
                    case "As": alias = value as string; break;
                    case "Singular": singular = value as string; break;
                    case "ForeignKey": foreignKey = value as string; break;
                    case "OtherKey": otherKey = value as string; break;
                    case "SourceKey": sourceKey = value as string; break;
                    case "TargetKey": targetKey = value as string; break;
                    case "ScopeProperty": scopeProperty = value as string; break;
                    case "Unique": unique = value is bool u ? u : true; break;
                    case "Constraints": constraints = value is bool c ? c : true; break;
                    case "Hooks": hooks = value is bool h && h; break;
                    case "OnDelete": onDelete = value is int d ? (ReferentialAction)d : null; break;
                    case "OnUpdate": onUpdate = value is int up ? (ReferentialAction)up : null; break;
                    case "Through": through = named.Value; throughGiven = !named.Value.IsNull; break;
                    case "ScopeValue": scopeValue = named.Value; hasScopeValue = !named.Value.IsNull; break;
                }
            }

            string? throughName = null;
            TypeDecl? throughType = null;
            if (throughGiven)
            {
                if (through.Kind == TypedConstantKind.Type && through.Value is INamedTypeSymbol junction && junction.TypeKind != TypeKind.Error)
                    throughType = Reference(junction, ct);
                else
                    throughName = ValueOf(through) as string;
            }

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(ct) as AttributeSyntax;

            var scopeRaw = hasScopeValue ? ValueOf(scopeValue) : null;
            ScopeKind? scopeKind = scopeRaw switch
            {
                string => ScopeKind.String,
                bool => ScopeKind.Bool,
                byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal => ScopeKind.Number,
                _ => null,
            };
            return new AssociationDecl(
                kind,
                target,
                alias,
                singular,
                foreignKey,
                otherKey,
                sourceKey,
                targetKey,
                throughName,
                throughType,
                throughGiven,
                unique,
                onDelete,
                onUpdate,
                constraints,
                hooks,
                scopeProperty,
                !hasScopeValue || scopeValue.Kind == TypedConstantKind.Array ? null : scopeValue.ToCSharpString(),
                LocationInfo.From(syntax),
                ArgumentLocations(syntax))
            {
                ScopeKind = scopeKind,
                ScopeText = scopeRaw is bool flag ? (flag ? "true" : "false") : System.Convert.ToString(scopeRaw, System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        /// <summary>The value of a constant, or null for an array (reading <c>.Value</c> of an array throws).</summary>
        private static object? ValueOf(TypedConstant constant) => constant.Kind == TypedConstantKind.Array ? null : constant.Value;

        private static EquatableArray<ArgumentLocation> ArgumentLocations(AttributeSyntax? syntax)
        {
            if (syntax?.ArgumentList is not { } list) return EquatableArray<ArgumentLocation>.Empty;
            var found = new List<ArgumentLocation>(list.Arguments.Count);
            foreach (var argument in list.Arguments)
                if (argument.NameEquals is { } name) found.Add(new ArgumentLocation(name.Name.Identifier.ValueText, LocationInfo.From(argument)));
            return found.ToEquatableArray();
        }

        /// <summary>Every part of a namespace is a valid identifier.</summary>
        private static bool ValidNamespace(INamespaceSymbol? ns)
        {
            for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
                if (!SyntaxFacts.IsValidIdentifier(ns.Name.TrimStart('@'))) return false;
            return true;
        }

        /// <summary>
        /// Whether this transform is the one that parses <paramref name="type"/>: a model with several attributes (or
        /// attributes on several partial declarations) is seen by several <c>ForAttributeWithMetadataName</c> transforms;
        /// only the one holding its first model attribute parses it, the others return nothing at once.
        /// </summary>
        public static bool IsPrimary(INamedTypeSymbol type, SyntaxNode node)
        {
            foreach (var attribute in type.GetAttributes())
            {
                var name = KnownNames.Of(attribute.AttributeClass);
                if (name is null || System.Array.IndexOf(KnownNames.ModelAttributes, name) < 0) continue;
                var at = attribute.ApplicationSyntaxReference;
                return at is null || (at.SyntaxTree == node.SyntaxTree && node.Span.Contains(at.Span));
            }
            return true;
        }

        /// <summary>
        /// The target or junction of an association. A class of this compilation's source with a model attribute is
        /// parsed by its own transform, so the reference carries only its name (and a change to that class does not
        /// change this declaration); any other class is described here, since nothing else will.
        /// </summary>
        private static TypeDecl Reference(INamedTypeSymbol type, CancellationToken ct)
        {
            if (!SyntaxFacts.IsValidIdentifier(type.Name) || type.DeclaringSyntaxReferences.Length == 0 || !HasModelAttribute(type))
                return Describe(type, ct);
            return new TypeDecl(TypeDisplay.FullName(type), type.Name, "", false, false, false, false, true, false,
                null, null, null, null, null, EquatableArray<PropertyDecl>.Empty, EquatableArray<string>.Empty, null);
        }

        private static bool HasModelAttribute(INamedTypeSymbol type)
        {
            foreach (var attribute in type.GetAttributes())
                if (KnownNames.Of(attribute.AttributeClass) is { } name && System.Array.IndexOf(KnownNames.ModelAttributes, name) >= 0) return true;
            return false;
        }

        /// <summary>The shape of a class: partial or not, its mapped properties, its naming attributes.</summary>
        public static TypeDecl Describe(INamedTypeSymbol type, CancellationToken ct)
        {
            bool? underscored = null;
            string? singular = null, plural = null, table = null, schema = null;
            LocationInfo? tableLocation = null;
            var hasModel = false;
            bool timestamps = false, paranoid = false;
            foreach (var attribute in type.GetAttributes())
            {
                switch (KnownNames.Of(attribute.AttributeClass))
                {
                    case KnownNames.Model:
                        hasModel = true;
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "Underscored" && ValueOf(named.Value) is bool b) underscored = b;
                            if (named.Key == "Singular") singular = ValueOf(named.Value) as string;
                            if (named.Key == "Plural") plural = ValueOf(named.Value) as string;
                        }
                        break;
                    case KnownNames.Timestamps:
                        timestamps = true;
                        hasModel = true;
                        break;
                    case KnownNames.Paranoid:
                        paranoid = true;
                        hasModel = true;
                        break;
                    case KnownNames.Table:
                        if (attribute.ConstructorArguments.Length > 0) table = ValueOf(attribute.ConstructorArguments[0]) as string;
                        foreach (var named in attribute.NamedArguments)
                            if (named.Key == "Schema") schema = ValueOf(named.Value) as string;
                        tableLocation = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(ct));
                        break;
                }
            }

            var isPartial = type.DeclaringSyntaxReferences.Length > 0 && type.DeclaringSyntaxReferences.All(r =>
                r.GetSyntax(ct) is TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(m => m.ValueText == "partial"));

            var properties = new List<PropertyDecl>();
            var seen = new HashSet<string>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is not IPropertySymbol property || property.IsStatic || property.IsIndexer
                        || property.DeclaredAccessibility != Accessibility.Public || !seen.Add(property.Name))
                        continue;
                    properties.Add(DescribeProperty(property));
                }
            }
            // Base-class properties first, as a reader of the class would expect the key to come first.
            properties = properties.OrderBy(p => p.Name == "Id" || p.IsKey ? 0 : 1).ToList();

            var invalidName = !SyntaxFacts.IsValidIdentifier(type.Name)
                || !ValidNamespace(type.ContainingNamespace);
            var obsoleteError = type.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.Obsolete)
                && a.ConstructorArguments.Length > 1 && ValueOf(a.ConstructorArguments[1]) is true);
            // One pass over the type's own members (this runs on every edit): a property declared twice, and the
            // ordinary methods, which may be [Scope]s.
            string? duplicate = null;
            var propertyNames = new HashSet<string>(System.StringComparer.Ordinal);
            var methods = new List<IMethodSymbol>();
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol)
                {
                    if (duplicate is null && !propertyNames.Add(member.Name)) duplicate = member.Name;
                }
                else if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    methods.Add(method);
                }
            }
            var siblings = type.ContainingType is null ? type.ContainingNamespace?.GetTypeMembers(type.Name, type.Arity).Length ?? 1 : 1;

            var containers = Containers(type, ct, out var nestingProblem, out var container);
            ModelShapeProblem? unconstructible =
                nestingProblem is not null ? nestingProblem :
                invalidName ? ModelShapeProblem.InvalidName :
                type.IsFileLocal ? ModelShapeProblem.FileLocal :
                obsoleteError ? ModelShapeProblem.ObsoleteAsError :
                duplicate is not null ? ModelShapeProblem.MemberDeclaredTwice :
                siblings > 1 ? ModelShapeProblem.DeclaredAsTwoTypes :
                type.IsAbstract && type.TypeKind == TypeKind.Class && !type.IsStatic ? ModelShapeProblem.Abstract :
                type.TypeKind == TypeKind.Class && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
                    ? ModelShapeProblem.NoParameterlessConstructor : null;
            var unconstructibleMember = unconstructible == ModelShapeProblem.MemberDeclaredTwice ? duplicate : nestingProblem is not null ? container : null;
            if (unconstructible is null)
            {
                var required = properties.FirstOrDefault(p => p.Required && (p.NotMapped || p.Storage is null || !p.Writable));
                if (required is not null)
                {
                    unconstructible = ModelShapeProblem.RequiredMemberNotMapped;
                    unconstructibleMember = required.Name;
                }
            }
            // MemberNames comes from the declarations, without creating a symbol per member (this runs on every edit); it
            // leaves out nested types, whose names generated members must not take either (a nested model's container).
            var members = type.MemberNames.Concat(type.GetTypeMembers().Select(t => t.Name))
                .Where(n => !n.StartsWith("<", System.StringComparison.Ordinal)).Distinct().ToEquatableArray();

            var scopes = new List<ScopeDecl>();
            foreach (var method in methods)
            {
                var scope = method.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.Scope));
                if (scope is null) continue;
                bool IsQueryOfSelf(ITypeSymbol t) => t is INamedTypeSymbol { IsGenericType: true } q
                    && q.OriginalDefinition.ContainingNamespace?.ToDisplayString() + "." + q.OriginalDefinition.MetadataName == KnownNames.Query
                    && SymbolEqualityComparer.Default.Equals(q.TypeArguments[0], type);
                if (!method.IsStatic || method.Parameters.Length != 1 || !IsQueryOfSelf(method.Parameters[0].Type) || !IsQueryOfSelf(method.ReturnType)) continue;
                var isDefault = scope.NamedArguments.Any(a => a.Key == "Default" && ValueOf(a.Value) is true);
                if (type.GetMembers(method.Name).Length == 1) scopes.Add(new ScopeDecl(method.Name, isDefault)); // overloads: the user's code does not compile yet
            }

            return new TypeDecl(
                TypeDisplay.FullName(type),
                type.Name,
                type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "",
                isPartial,
                type.TypeKind == TypeKind.Class
                    && type.DeclaringSyntaxReferences.All(r => r.GetSyntax(ct) is ClassDeclarationSyntax or RecordDeclarationSyntax),
                type.IsStatic,
                type.Arity > 0, // its own type parameters; a generic container is reported with the nesting
                hasModel,
                IsPublicFromOutside(type),
                unconstructible,
                underscored,
                singular,
                plural,
                table,
                properties.ToEquatableArray(),
                members,
                LocationInfo.From(type.Locations.FirstOrDefault()))
            {
                Scopes = scopes.ToEquatableArray(),
                UnconstructibleMember = unconstructibleMember,
                IsRecord = type.IsRecord,
                Containers = containers,
                Schema = string.IsNullOrEmpty(schema) ? null : schema,
                Timestamps = timestamps,
                Paranoid = paranoid,
                TableLocation = tableLocation,
            };
        }

        /// <summary>
        /// The types a nested model sits in, outermost first, as the generated partial declarations that re-open them
        /// ("partial class Outer", "partial record struct Shell"). A nested model works when every container is partial
        /// and not generic, and none is private or protected: generated code elsewhere in the assembly names the model.
        /// </summary>
        private static EquatableArray<string> Containers(INamedTypeSymbol type, CancellationToken ct, out ModelShapeProblem? problem, out string? at)
        {
            problem = null;
            at = null;
            var heads = new List<string>();
            for (var container = type.ContainingType; container is not null; container = container.ContainingType)
            {
                ModelShapeProblem? found = null;
                var declarations = container.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ct)).OfType<TypeDeclarationSyntax>().ToList();
                if (declarations.Count == 0 || declarations.Count != container.DeclaringSyntaxReferences.Length
                    || !declarations.All(d => d.Modifiers.Any(m => m.ValueText == "partial")))
                    found = ModelShapeProblem.NestedInNonPartial;
                else if (container.IsGenericType)
                    found = ModelShapeProblem.NestedInGeneric;
                else if (!Reachable(container.DeclaredAccessibility))
                    found = ModelShapeProblem.NestedInHidden;
                if (found is not null && problem is null)
                {
                    problem = found;
                    at = container.Name;
                }
                heads.Insert(0, "partial " + Keyword(container) + " " + container.Name);
            }
            if (problem is null && type.ContainingType is not null && !Reachable(type.DeclaredAccessibility))
            {
                problem = ModelShapeProblem.HiddenInContainer;
                at = type.ContainingType.Name;
            }
            return heads.ToEquatableArray();
        }

        /// <summary>Generated code elsewhere in the assembly can name a nested type with this accessibility.</summary>
        private static bool Reachable(Accessibility accessibility) =>
            accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record class",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        /// <summary>Public from outside the assembly: the type and every type it is nested in.</summary>
        private static bool IsPublicFromOutside(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.ContainingType)
                if (current.DeclaredAccessibility != Accessibility.Public) return false;
            return true;
        }

        private static PropertyDecl DescribeProperty(IPropertySymbol property)
        {
            var type = property.Type;
            var nullable = false;
            var isValueType = type.IsValueType;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
            {
                nullable = true;
                type = wrapper.TypeArguments[0];
            }
            else if (!type.IsValueType)
            {
                nullable = property.NullableAnnotation != NullableAnnotation.NotAnnotated;
            }

            string? enumUnderlying = null;
            var storageType = type;
            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
            {
                enumUnderlying = underlying.ToDisplayString();
                storageType = underlying;
            }

            bool isKey = false, notMapped = false, generatedNone = false, requiredAttribute = false;
            string? column = null, storeType = null;
            int? maxLength = null;
            string? defaultExpression = null;
            foreach (var attribute in property.GetAttributes())
            {
                switch (KnownNames.Of(attribute.AttributeClass))
                {
                    case KnownNames.Key: isKey = true; break;
                    case KnownNames.NotMapped: notMapped = true; break;
                    case KnownNames.Column:
                        if (attribute.ConstructorArguments.Length > 0) column = ValueOf(attribute.ConstructorArguments[0]) as string;
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "Name") column = ValueOf(named.Value) as string;
                            if (named.Key == "TypeName" && ValueOf(named.Value) is string { Length: > 0 } typeName) storeType = typeName;
                        }
                        break;
                    case KnownNames.MaxLength:
                    case KnownNames.StringLength:
                        if (attribute.ConstructorArguments.Length > 0 && ValueOf(attribute.ConstructorArguments[0]) is int length && length > 0)
                            maxLength = length;
                        break;
                    case KnownNames.Required:
                        requiredAttribute = true;
                        break;
                    case KnownNames.DefaultValue:
                        defaultExpression = DefaultExpression(attribute, storageType, type);
                        break;
                    case KnownNames.DatabaseGenerated:
                        if (attribute.ConstructorArguments.Length > 0 && ValueOf(attribute.ConstructorArguments[0]) is int option && option == 0)
                            generatedNone = true;
                        break;
                }
            }

            return new PropertyDecl(
                property.Name,
                TypeDisplay.Of(property.Type, TypeFormat),
                StorageOf(storageType),
                enumUnderlying,
                TypeDisplay.Of(type, SymbolDisplayFormat.FullyQualifiedFormat),
                nullable,
                isValueType,
                isKey,
                column,
                notMapped,
                generatedNone,
                property.SetMethod is not null && property.GetMethod is not null,
                property.SetMethod?.IsInitOnly == true,
                property.IsRequired)
            {
                MaxLength = maxLength,
                StoreType = storeType,
                RequiredAttribute = requiredAttribute,
                DefaultExpression = defaultExpression,
                DisplayType = TypeDisplay.Of(property.Type, SymbolDisplayFormat.CSharpErrorMessageFormat),
                Location = LocationInfo.From(property.Locations.FirstOrDefault()),
            };
        }

        /// <summary>
        /// <c>[DefaultValue(x)]</c> as a C# expression of the property's type, or null when it is absent, null, or of a type that
        /// does not convert (the generated code must compile whatever the input). <c>(typeof(T), "text")</c> is parsed
        /// invariantly for Guid, DateTime, DateTimeOffset, TimeSpan and decimal.
        /// </summary>
        private static string? DefaultExpression(AttributeData attribute, ITypeSymbol storage, ITypeSymbol property)
        {
            var args = attribute.ConstructorArguments;
            var target = property.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (args.Length == 2 && args[0].Value is ITypeSymbol parsedType && args[1].Value is string text
                && SymbolEqualityComparer.Default.Equals(parsedType, storage))
            {
                var literal = SymbolDisplay.FormatLiteral(text, quote: true);
                const string invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
                return parsedType.ToDisplayString() switch
                {
                    "System.Guid" => $"global::System.Guid.Parse({literal})",
                    "System.DateTime" => $"global::System.DateTime.Parse({literal}, {invariant})",
                    "System.DateTimeOffset" => $"global::System.DateTimeOffset.Parse({literal}, {invariant})",
                    "System.TimeSpan" => $"global::System.TimeSpan.Parse({literal}, {invariant})",
                    "decimal" => $"decimal.Parse({literal}, {invariant})",
                    _ => null,
                };
            }
            if (args.Length != 1 || args[0].Kind == TypedConstantKind.Array || args[0].Value is not { } value) return null;
            var numeric = value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double;
            var isEnum = property.TypeKind == TypeKind.Enum;
            var ok = storage.SpecialType switch
            {
                SpecialType.System_String => value is string,
                SpecialType.System_Char => value is char,
                SpecialType.System_Boolean => value is bool,
                SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                    or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                    => value is byte or sbyte or short or ushort or int or uint or long or ulong || (isEnum && value is not (float or double)),
                SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal => numeric,
                _ => false,
            };
            if (!ok) return null;
            var primitive = value is string s ? SymbolDisplay.FormatLiteral(s, quote: true)
                : value is char c ? SymbolDisplay.FormatLiteral(c, quote: true)
                : value is bool b ? (b ? "true" : "false")
                : value is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d"
                : value is float f ? f.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f"
                : System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            if (primitive is null || value is double and not (>= double.MinValue and <= double.MaxValue) || value is float and not (>= float.MinValue and <= float.MaxValue)) return null;
            return value is string ? primitive : $"unchecked(({target})({primitive}))";
        }

        private static ColumnStorage? StorageOf(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Int16: return ColumnStorage.Int16;
                case SpecialType.System_Int32: return ColumnStorage.Int32;
                case SpecialType.System_Int64: return ColumnStorage.Int64;
                // Unsigned and small integers are stored in the next wider signed type; a char as a one-character string.
                case SpecialType.System_SByte: return ColumnStorage.Int16;
                case SpecialType.System_UInt16: return ColumnStorage.Int32;
                case SpecialType.System_UInt32: return ColumnStorage.Int64;
                case SpecialType.System_UInt64: return ColumnStorage.Int64;
                case SpecialType.System_Char: return ColumnStorage.String;
                case SpecialType.System_Byte: return ColumnStorage.Byte;
                case SpecialType.System_Boolean: return ColumnStorage.Boolean;
                case SpecialType.System_String: return ColumnStorage.String;
                case SpecialType.System_Double: return ColumnStorage.Double;
                case SpecialType.System_Single: return ColumnStorage.Single;
                case SpecialType.System_Decimal: return ColumnStorage.Decimal;
                case SpecialType.System_DateTime: return ColumnStorage.DateTime;
            }
            if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte, Rank: 1 }) return ColumnStorage.Bytes;
            var name = TypeDisplay.Of(type, SymbolDisplayFormat.CSharpErrorMessageFormat);
            return name switch
            {
                "System.Guid" => ColumnStorage.Guid,
                "System.DateTimeOffset" => ColumnStorage.DateTimeOffset,
                "System.TimeSpan" => ColumnStorage.TimeSpan,
                "System.DateOnly" => ColumnStorage.DateOnly,
                "System.TimeOnly" => ColumnStorage.TimeOnly,
                _ => null,
            };
        }
    }
}
