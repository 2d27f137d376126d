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

            // This runs for every model on every edit: one pass over each member list, pooled name sets, no LINQ.
            var declarations = type.DeclaringSyntaxReferences;
            bool isPartial = declarations.Length > 0, isClassSyntax = true;
            foreach (var reference in declarations)
            {
                var declaration = reference.GetSyntax(ct);
                if (declaration is not TypeDeclarationSyntax typeDeclaration || !IsPartial(typeDeclaration.Modifiers)) isPartial = false;
                if (declaration is not (ClassDeclarationSyntax or RecordDeclarationSyntax)) isClassSyntax = false;
            }

            var seen = NameSets.Rent();
            var propertyNames = NameSets.Rent();
            var properties = new List<PropertyDecl>();
            // The type's own members, once: its mapped properties, a property declared twice, and the [Scope] methods.
            string? duplicate = null;
            List<ScopeDecl>? scopes = null;
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol property)
                {
                    if (!propertyNames.Add(property.Name)) duplicate ??= property.Name;
                    if (IsMappedCandidate(property) && seen.Add(property.Name)) properties.Add(DescribeProperty(property));
                }
                else if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && ScopeOf(type, method) is { } scope)
                {
                    (scopes ??= new List<ScopeDecl>()).Add(scope);
                }
            }
            for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                    if (member is IPropertySymbol property && IsMappedCandidate(property) && seen.Add(property.Name))
                        properties.Add(DescribeProperty(property));
            }
            NameSets.Return(seen);
            NameSets.Return(propertyNames);
            // Base-class properties first, as a reader of the class would expect the key to come first.
            var ordered = new PropertyDecl[properties.Count];
            var next = 0;
            foreach (var property in properties) if (property.Name == "Id" || property.IsKey) ordered[next++] = property;
            foreach (var property in properties) if (!(property.Name == "Id" || property.IsKey)) ordered[next++] = property;

            var invalidName = !SyntaxFacts.IsValidIdentifier(type.Name)
                || !ValidNamespace(type.ContainingNamespace);
            var obsoleteError = false;
            foreach (var attribute in type.GetAttributes())
                if (KnownNames.Is(attribute.AttributeClass, KnownNames.Obsolete) && attribute.ConstructorArguments.Length > 1 && ValueOf(attribute.ConstructorArguments[1]) is true)
                    obsoleteError = true;
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
                type.TypeKind == TypeKind.Class && !HasParameterlessConstructor(type) ? ModelShapeProblem.NoParameterlessConstructor : null;
            var unconstructibleMember = unconstructible == ModelShapeProblem.MemberDeclaredTwice ? duplicate : nestingProblem is not null ? container : null;
            if (unconstructible is null)
            {
                foreach (var property in ordered)
                {
                    if (!property.Required || !(property.NotMapped || property.Storage is null || !property.Writable)) continue;
                    unconstructible = ModelShapeProblem.RequiredMemberNotMapped;
                    unconstructibleMember = property.Name;
                    break;
                }
            }

            return new TypeDecl(
                TypeDisplay.FullName(type),
                type.Name,
                TypeDisplay.Namespace(type.ContainingNamespace),
                isPartial,
                type.TypeKind == TypeKind.Class && isClassSyntax,
                type.IsStatic,
                type.Arity > 0, // its own type parameters; a generic container is reported with the nesting
                hasModel,
                IsPublicFromOutside(type),
                unconstructible,
                underscored,
                singular,
                plural,
                table,
                new EquatableArray<PropertyDecl>(ordered),
                MemberNames(type),
                LocationInfo.From(type.Locations.FirstOrDefault()))
            {
                Scopes = scopes is null ? EquatableArray<ScopeDecl>.Empty : scopes.ToEquatableArray(),
                UnconstructibleMember = unconstructibleMember,
                IsRecord = type.IsRecord,
                Containers = containers,
                Schema = string.IsNullOrEmpty(schema) ? null : schema,
                Timestamps = timestamps,
                Paranoid = paranoid,
                TableLocation = tableLocation,
            };
        }

        private static bool IsPartial(SyntaxTokenList modifiers)
        {
            foreach (var modifier in modifiers)
                if (modifier.ValueText == "partial") return true;
            return false;
        }

        /// <summary>A property the model may map: public, instance, not an indexer (inherited ones too).</summary>
        private static bool IsMappedCandidate(IPropertySymbol property) =>
            !property.IsStatic && !property.IsIndexer && property.DeclaredAccessibility == Accessibility.Public;

        private static bool HasParameterlessConstructor(INamedTypeSymbol type)
        {
            foreach (var constructor in type.InstanceConstructors)
                if (constructor.Parameters.Length == 0
                    && constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
                    return true;
            return false;
        }

        /// <summary>A <c>[Scope]</c> method of the right shape (<c>static Query&lt;T&gt; Name(Query&lt;T&gt;)</c>, not overloaded), else null.</summary>
        private static ScopeDecl? ScopeOf(INamedTypeSymbol type, IMethodSymbol method)
        {
            AttributeData? scope = null;
            foreach (var attribute in method.GetAttributes())
                if (KnownNames.Is(attribute.AttributeClass, KnownNames.Scope)) { scope = attribute; break; }
            if (scope is null) return null;
            bool IsQueryOfSelf(ITypeSymbol t) => t is INamedTypeSymbol { IsGenericType: true } q
                && q.OriginalDefinition.ContainingNamespace?.ToDisplayString() + "." + q.OriginalDefinition.MetadataName == KnownNames.Query
                && SymbolEqualityComparer.Default.Equals(q.TypeArguments[0], type);
            if (!method.IsStatic || method.Parameters.Length != 1 || !IsQueryOfSelf(method.Parameters[0].Type) || !IsQueryOfSelf(method.ReturnType)) return null;
            if (type.GetMembers(method.Name).Length != 1) return null; // overloads: the user's code does not compile yet
            var isDefault = false;
            foreach (var named in scope.NamedArguments)
                if (named.Key == "Default" && ValueOf(named.Value) is true) isDefault = true;
            return new ScopeDecl(method.Name, isDefault);
        }

        /// <summary>
        /// The names generated members must not take. <see cref="INamedTypeSymbol.MemberNames"/> comes from the declarations,
        /// without creating a symbol per member; it leaves out nested types (a nested model's container), added here.
        /// </summary>
        private static EquatableArray<string> MemberNames(INamedTypeSymbol type)
        {
            var seen = NameSets.Rent();
            var names = new List<string>();
            foreach (var name in type.MemberNames)
                if (!(name.Length > 0 && name[0] == '<') && seen.Add(name)) names.Add(name);
            foreach (var nested in type.GetTypeMembers())
                if (!(nested.Name.Length > 0 && nested.Name[0] == '<') && seen.Add(nested.Name)) names.Add(nested.Name);
            NameSets.Return(seen);
            return new EquatableArray<string>(names.ToArray());
        }

        /// <summary>Name sets reused across transforms on one thread (a transform runs for every model on every edit).</summary>
        private static class NameSets
        {
            [System.ThreadStatic] private static Stack<HashSet<string>>? _free;

            public static HashSet<string> Rent() =>
                _free is { Count: > 0 } free ? free.Pop() : new HashSet<string>(System.StringComparer.Ordinal);

            public static void Return(HashSet<string> set)
            {
                if (set.Count > 256) return; // an unusual model: let it go rather than keep a large table
                set.Clear();
                (_free ??= new Stack<HashSet<string>>()).Push(set);
            }
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
            if (type.ContainingType is null) return EquatableArray<string>.Empty;
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
