using System;
using System.Collections.Immutable;
using System.Linq;
using Associations.Generator.Diagnostics;
using Associations.Generator.Emit;
using Associations.Generator.Graph;
using Associations.Generator.Model;
using Associations.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Associations.Generator
{
    /// <summary>
    /// attributes on partial classes → <see cref="ModelDeclaration"/> records (parse) → <see cref="ModelGraph"/>
    /// (naming, foreign keys, validation) → one source file per model, plus a registry (emit).
    /// Diagnostics travel on their own branch, so moving code around re-emits nothing.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class AssociationsGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var hasOne = Declarations(context, KnownNames.HasOne);
            var belongsTo = Declarations(context, KnownNames.BelongsTo);
            var hasMany = Declarations(context, KnownNames.HasMany);
            var belongsToMany = Declarations(context, KnownNames.BelongsToMany);
            var model = Declarations(context, KnownNames.Model);

            var assemblyOptions = context.CompilationProvider
                .Select((compilation, _) => DeclarationParser.ParseAssembly(compilation.Assembly))
                .WithTrackingName(TrackingNames.AssemblyOptions);

            var graph = hasOne.Collect()
                .Combine(belongsTo.Collect())
                .Combine(hasMany.Collect())
                .Combine(belongsToMany.Collect())
                .Combine(model.Collect())
                .Combine(assemblyOptions)
                .Select((input, ct) =>
                {
                    var (((((a, b), c), d), e), options) = input;
                    var parsed = a.AddRange(b).AddRange(c).AddRange(d).AddRange(e);
                    var all = parsed.Where(x => x.Model is not null).Select(x => x.Model!).ToImmutableArray();
                    var parseErrors = parsed.Where(x => x.Error is not null).Select(x => x.Error!).Distinct().ToArray();
                    try
                    {
                        var built = GraphBuilder.Build(all, options, ct);
                        return parseErrors.Length == 0 ? built : built with { Diagnostics = parseErrors.Concat(built.Diagnostics).ToEquatableArray() };
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        return new ModelGraph(EquatableArray<ModelSpec>.Empty, new EquatableArray<DiagnosticInfo>(new[]
                        {
                            DiagnosticInfo.Create(DiagnosticDescriptors.InternalError.Id, null, ex.GetType().Name, ex.Message),
                        }));
                    }
                })
                .WithTrackingName(TrackingNames.Graph);

            var models = graph
                .SelectMany((g, _) => g.Models)
                .WithTrackingName(TrackingNames.Models);

            context.RegisterSourceOutput(models, static (spc, spec) =>
            {
                string source;
                string? includes;
                try
                {
                    source = ModelEmitter.Emit(spec);
                    includes = spec.Associations.Count > 0 || spec.Scopes.Count > 0 ? ModelEmitter.EmitIncludes(spec) : null;
                }
                catch (Exception ex)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, null, ex.GetType().Name, ex.Message));
                    return;
                }
                spc.AddSource(spec.HintName, source);
                if (includes is not null) spc.AddSource(spec.HintName.Replace(".Associations.g.cs", ".Includes.g.cs"), includes);
            });

            var registry = graph
                .Select((g, _) => g.Models.Select(m => m.FullName).ToEquatableArray())
                .WithTrackingName(TrackingNames.Registry);
            context.RegisterSourceOutput(registry, static (spc, names) =>
            {
                if (names.Count > 0) spc.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(names));
            });

            var diagnostics = graph
                .Select((g, _) => g.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);
            context.RegisterSourceOutput(diagnostics, static (spc, list) =>
            {
                foreach (var info in list)
                {
                    var descriptor = DiagnosticDescriptors.ById[info.Id];
                    spc.ReportDiagnostic(Diagnostic.Create(descriptor, info.Location?.ToLocation(), info.PropertyMap(), info.Arguments.Cast<object>().ToArray()));
                }
            });
        }

        private static IncrementalValuesProvider<ParseResult> Declarations(IncrementalGeneratorInitializationContext context, string attribute) =>
            context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute,
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax or StructDeclarationSyntax,
                    static (ctx, ct) =>
                    {
                        try
                        {
                            return new ParseResult(DeclarationParser.Parse(ctx.TargetSymbol, ct), null);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            return new ParseResult(null, DiagnosticInfo.Create(DiagnosticDescriptors.InternalError.Id,
                                LocationInfo.From(ctx.TargetNode), ex.GetType().Name, ex.Message));
                        }
                    })
                .WithTrackingName(TrackingNames.Declarations);
    }
}
