using System;
using System.Collections.Generic;
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
            var timestamps = Declarations(context, KnownNames.Timestamps);
            var paranoid = Declarations(context, KnownNames.Paranoid);

            var assemblyOptions = context.CompilationProvider
                .Select((compilation, _) => DeclarationParser.ParseAssembly(compilation.Assembly))
                .WithTrackingName(TrackingNames.AssemblyOptions);

            var graph = hasOne.Collect()
                .Combine(belongsTo.Collect())
                .Combine(hasMany.Collect())
                .Combine(belongsToMany.Collect())
                .Combine(model.Collect())
                .Combine(timestamps.Collect())
                .Combine(paranoid.Collect())
                .Combine(assemblyOptions)
                .Select((input, ct) =>
                {
                    var (((((((a, b), c), d), e), f), g), options) = input;
                    var parsed = a.AddRange(b).AddRange(c).AddRange(d).AddRange(e).AddRange(f).AddRange(g);
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
                            DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, ex.GetType().Name, ex.Message),
                        }));
                    }
                })
                .WithTrackingName(TrackingNames.Graph);

            // A fixed number of outputs, each writing the files of its models (see OutputGroups).
            var models = graph
                .SelectMany((g, _) => OutputGroups.Split(g.Models))
                .WithTrackingName(TrackingNames.Models);

            context.RegisterSourceOutput(models, static (spc, group) =>
            {
                foreach (var spec in group.Models)
                {
                    spc.CancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        spc.AddSource(spec.HintName, ModelEmitter.Emit(spec));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, null, ex.GetType().Name, ex.Message));
                    }
                }
            });

            var registry = graph
                .Select((g, _) => g.Models.Select(m => m.FullName).ToEquatableArray())
                .WithTrackingName(TrackingNames.Registry);
            context.RegisterSourceOutput(registry, static (spc, names) =>
            {
                try
                {
                    if (names.Count > 0) spc.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(names));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, null, ex.GetType().Name, ex.Message));
                }
            });

            var diagnostics = graph
                .Select((g, _) => g.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);
            // Locations are plain data until here; tying them to their syntax tree lets #pragma and
            // .editorconfig suppress a diagnostic and lets code fixes find it. Only this step sees the compilation.
            context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (spc, input) =>
            {
                var (list, compilation) = input;
                if (list.Count == 0) return;
                // This step re-runs on every edit while diagnostics stand: find each tree by path once, not once per location.
                var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
                foreach (var tree in compilation.SyntaxTrees)
                    if (!trees.ContainsKey(tree.FilePath)) trees.Add(tree.FilePath, tree);
                foreach (var info in list)
                {
                    var descriptor = DiagnosticDescriptors.ByName[info.Descriptor];
                    var others = info.OtherLocations.Count > 0 ? info.OtherLocations.Select(other => InTree(trees, other)).ToArray() : null;
                    spc.ReportDiagnostic(Diagnostic.Create(descriptor, info.Location is { } at ? InTree(trees, at) : null, others,
                        info.PropertyMap(), info.Arguments.Cast<object>().ToArray()));
                }
            });
        }

        /// <summary>A location in its syntax tree of the compilation (so #pragma and code fixes see it), else by file path.</summary>
        private static Location InTree(Dictionary<string, SyntaxTree> trees, LocationInfo at) =>
            trees.TryGetValue(at.FilePath, out var tree) && at.Start + at.Length <= tree.Length
                ? Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(at.Start, at.Length))
                : at.ToLocation();

        private static IncrementalValuesProvider<ParseResult> Declarations(IncrementalGeneratorInitializationContext context, string attribute) =>
            context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute,
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax or StructDeclarationSyntax,
                    static (ctx, ct) =>
                    {
                        try
                        {
                            if (ctx.TargetSymbol is INamedTypeSymbol type && !DeclarationParser.IsPrimary(type, ctx.TargetNode))
                                return new ParseResult(null, null);
                            return new ParseResult(DeclarationParser.Parse(ctx.TargetSymbol, ct), null);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            return new ParseResult(null, DiagnosticInfo.Create(DiagnosticDescriptors.InternalError,
                                LocationInfo.From(ctx.TargetNode), ex.GetType().Name, ex.Message));
                        }
                    })
                .WithTrackingName(TrackingNames.Declarations);
    }
}
