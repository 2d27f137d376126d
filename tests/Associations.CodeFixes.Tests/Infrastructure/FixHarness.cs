using System.Collections.Immutable;
using System.Globalization;
using Associations.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Sdk;

namespace Associations.CodeFixes.Tests.Infrastructure;

/// <summary>What one run of the generator over a project produced.</summary>
public sealed record GeneratorRun(Project Project, ImmutableArray<Diagnostic> GeneratorDiagnostics, Compilation Output)
{
    public IReadOnlyList<Diagnostic> Diagnostics(string id) => GeneratorDiagnostics.Where(d => d.Id == id).ToList();

    /// <summary>Errors of the compilation with the generated sources added (compiler and generator).</summary>
    public IReadOnlyList<Diagnostic> Errors => Output.GetDiagnostics()
        .Concat(GeneratorDiagnostics)
        .Where(d => d.Severity == DiagnosticSeverity.Error)
        .ToList();

    public Diagnostic Single(string id)
    {
        var found = Diagnostics(id);
        if (found.Count != 1)
            throw new XunitException($"Expected exactly one {id}, found {found.Count}. Generator diagnostics:\n{Describe(GeneratorDiagnostics)}");
        return found[0];
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => $"  {d.Id} {d.Severity} {d.Location.GetLineSpan()}: {d.GetMessage(CultureInfo.InvariantCulture)}").ToList();
        return lines.Count == 0 ? "  (none)" : string.Join("\n", lines);
    }

    public void AssertNoErrors()
    {
        var errors = Errors;
        Assert.True(errors.Count == 0, "Expected no errors, got:\n" + Describe(errors));
    }
}

/// <summary>
/// Runs the generator over sources held in an <see cref="AdhocWorkspace"/> and applies code fixes to them the way
/// the IDE does (Microsoft.CodeAnalysis.Testing is not available here): a <see cref="CodeFixContext"/> collects the
/// registered actions, and the <see cref="ApplyChangesOperation"/> of the chosen one yields the new solution.
/// </summary>
public static class FixHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false,
        deterministic: true);

    /// <summary>
    /// The framework (trusted platform assemblies) plus Associations.Runtime and what it depends on, less Roslyn,
    /// the generator, the code fixes and Humanizer, which a user's compilation does not reference.
    /// </summary>
    public static readonly ImmutableArray<MetadataReference> References = BuildReferences();

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(new[]
            {
                typeof(HasManyAttribute).Assembly.Location,
                typeof(Dapper.SqlMapper).Assembly.Location,
                typeof(Microsoft.Data.Sqlite.SqliteConnection).Assembly.Location,
                typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location,
                typeof(System.ComponentModel.DataAnnotations.KeyAttribute).Assembly.Location,
                typeof(System.ComponentModel.DataAnnotations.Schema.TableAttribute).Assembly.Location,
            });
        var excluded = new[] { "Associations.Generator", "Associations.CodeFixes", "Microsoft.CodeAnalysis", "Humanizer" };
        return paths
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
            .GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Where(p => !excluded.Any(e => Path.GetFileName(p).StartsWith(e, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    /// <summary>A project in a fresh workspace; the first source is <c>Models.cs</c>, the next <c>Models1.cs</c>, ….</summary>
    public static Project CreateProject(params string[] sources)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documents = sources.Select((text, i) =>
        {
            var name = i == 0 ? "Models.cs" : $"Models{i}.cs";
            return DocumentInfo.Create(DocumentId.CreateNewId(projectId), name,
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text), VersionStamp.Create(), name)),
                filePath: name);
        });
        var project = ProjectInfo.Create(projectId, VersionStamp.Create(), "UserModels", "UserModels", LanguageNames.CSharp,
            compilationOptions: CompilationOptions, parseOptions: ParseOptions, metadataReferences: References, documents: documents);
        return workspace.AddProject(project);
    }

    public static Document Document(Project project, string name = "Models.cs") =>
        project.Documents.Single(d => d.Name == name);

    /// <summary>Runs <see cref="AssociationsGenerator"/> over the project's compilation, as the compiler does.</summary>
    public static async Task<GeneratorRun> RunGeneratorAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync() ?? throw new XunitException("no compilation");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new AssociationsGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var crashes = driver.GetRunResult().Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).ToList();
        Assert.True(crashes.Count == 0, "The generator threw: " + string.Join("\n", crashes));
        return new GeneratorRun(project, diagnostics, output);
    }

    public static Task<GeneratorRun> RunGeneratorAsync(params string[] sources) => RunGeneratorAsync(CreateProject(sources));

    /// <summary>The code actions <paramref name="provider"/> registers for <paramref name="diagnostic"/> in <paramref name="document"/>.</summary>
    public static async Task<IReadOnlyList<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>Applies the one code action <paramref name="provider"/> offers and returns the changed solution.</summary>
    public static async Task<Solution> ApplyAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = await ActionsAsync(provider, document, diagnostic);
        var action = Assert.Single(actions);
        Assert.False(string.IsNullOrEmpty(action.EquivalenceKey));
        return await ApplyAsync(action);
    }

    public static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        return apply.ChangedSolution;
    }

    /// <summary>Fix All in <paramref name="scope"/> for the generator's <paramref name="diagnostics"/>, through the provider's own FixAllProvider.</summary>
    public static async Task<Solution> FixAllAsync(CodeFixProvider provider, Document document, string equivalenceKey,
        IEnumerable<Diagnostic> diagnostics, FixAllScope scope = FixAllScope.Document)
    {
        var fixAll = provider.GetFixAllProvider() ?? throw new XunitException("no FixAllProvider");
        Assert.Contains(scope, fixAll.GetSupportedFixAllScopes());
        // Fix All reads diagnostics located in the documents' own trees (external-file locations are dropped), as the IDE reports them.
        var list = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var path = diagnostic.Location.GetLineSpan().Path;
            var owner = document.Project.Documents.Single(d => d.FilePath == path);
            list.Add(await InDocumentAsync(diagnostic, owner));
        }
        var context = new FixAllContext(document, provider, scope, equivalenceKey, provider.FixableDiagnosticIds,
            new FixedDiagnostics(list.ToImmutable()), CancellationToken.None);
        var action = await fixAll.GetFixAsync(context) ?? throw new XunitException("Fix All offered no action");
        return await ApplyAsync(action);
    }

    public static async Task<string> TextAsync(Solution solution, Project project, string name = "Models.cs")
    {
        var document = solution.GetProject(project.Id)!.Documents.Single(d => d.Name == name);
        return (await document.GetTextAsync()).ToString();
    }

    /// <summary>
    /// The diagnostic as the IDE hands it to a code fix: located in the document's own syntax tree. (The generator
    /// reports locations rebuilt from plain data, which are external-file locations.)
    /// </summary>
    public static async Task<Diagnostic> InDocumentAsync(Diagnostic diagnostic, Document document)
    {
        var tree = await document.GetSyntaxTreeAsync() ?? throw new XunitException("no tree");
        var d = diagnostic.Descriptor;
        return Diagnostic.Create(d.Id, d.Category, diagnostic.GetMessage(CultureInfo.InvariantCulture), diagnostic.Severity, d.DefaultSeverity,
            d.IsEnabledByDefault, diagnostic.WarningLevel, d.Title, d.Description, d.HelpLinkUri,
            Location.Create(tree, diagnostic.Location.SourceSpan), properties: diagnostic.Properties);
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Array.Empty<Diagnostic>());
    }
}
