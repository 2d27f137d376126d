// GenCost: what compiling the generator's output costs, in-process and repeatable (docs/benchmarks.md, "Generator cost").
//
//   dotnet run -c Release --project benchmarks/GenCost -- [--workload DIR] [--models 500] [--runs 5]
//        [--dump DIR] [--generated DIR] [--compare DIR]... [--strip-docs] [--phases] [--serial]
//
// The workload is genscale's (python3 ../shared/genscale/gen_models.py DIR N, written to DIR when it has no .cs file
// yet). GenCost parses it, runs the generator in a CSharpGeneratorDriver (its time: generator_ms, median of the runs),
// then times CSharpCompilation.Emit of the workload alone (base) and of the workload plus the generated trees (full),
// alternating, after one warm-up of each: delta_ms = median(full) - median(base), and the same for process CPU time.
// --generated DIR compiles the .cs files of DIR instead of the generator's output (hand-edited experiments: run once
// with --dump DIR, edit, compare); each --compare DIR adds a variant timed in the same rotation (base, variant 0,
// variant 1, ... per run: a change of the machine's load hits all alike); --strip-docs drops every /// line of the
// generated code before compiling; --phases first prints, per variant, the time of declarations, method bodies and a
// full emit; --serial turns off the compiler's concurrent build (steadier on a busy machine).
// Last line: GENCOST: key=value ...
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace GenCost;

public static class Program
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var o = Options.Parse(args);
        if (o is null)
        {
            Console.Error.WriteLine("usage: GenCost [--workload DIR] [--models N] [--runs N] [--dump DIR] [--generated DIR] [--compare DIR]... [--strip-docs] [--phases] [--serial]");
            return 2;
        }
        EnsureWorkload(o);

        // As csc gets it from an SDK project without GenerateDocumentationFile: doc comments are trivia, not parsed.
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
        var sources = Directory.GetFiles(o.Workload, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var trees = sources.Select(p => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(p), Encoding.UTF8), parse, p)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(ImplicitUsings, Encoding.UTF8), parse, "GlobalUsings.g.cs"));
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable,
            optimizationLevel: OptimizationLevel.Release, concurrentBuild: !o.Serial, deterministic: true);
        var baseline = CSharpCompilation.Create("GenScaleWorkload", trees, References(), options);

        var generator = new Associations.Generator.AssociationsGenerator().AsSourceGenerator();
        var generatorMs = new List<double>();
        IReadOnlyList<SyntaxTree> generated = [];
        for (var i = 0; i <= o.Runs; i++)
        {
            var driver = CSharpGeneratorDriver.Create([generator], parseOptions: parse);
            var sw = Stopwatch.StartNew();
            var result = driver.RunGenerators(baseline).GetRunResult();
            sw.Stop();
            if (i > 0) generatorMs.Add(sw.Elapsed.TotalMilliseconds);
            generated = result.GeneratedTrees;
            if (i == 0 && result.Diagnostics.Length > 0)
                Console.Error.WriteLine($"gencost: {result.Diagnostics.Length} generator diagnostics, first: {result.Diagnostics[0]}");
        }
        if (o.Dump is not null) Dump(o.Dump, generated);

        // Variants: the generator's output (or --generated DIR), then each --compare DIR; timed in rotation, so a change
        // of the machine's load hits every variant alike.
        var variants = new List<(string Name, IReadOnlyList<SyntaxTree> Trees)>
        {
            (o.Generated ?? "generator", o.Generated is null ? generated : ReadTrees(o.Generated, parse)),
        };
        variants.AddRange(o.Compare.Select(d => (d, ReadTrees(d, parse))));
        if (o.StripDocs)
            variants = variants.Select(v => (v.Name + " (no docs)", (IReadOnlyList<SyntaxTree>)v.Trees.Select(t =>
                CSharpSyntaxTree.ParseText(SourceText.From(StripDocs(t.GetText().ToString()), Encoding.UTF8), parse, t.FilePath)).ToList())).ToList();

        if (o.Phases)
        {
            // Where the time goes, per variant: declarations (symbols, signatures), method bodies (binding, flow and nullable
            // analysis), then a full emit of a fresh compilation (binding again, lowering, IL, PDB). Wall ms of one run after a warm-up.
            for (var i = 0; i < 2; i++)
                foreach (var v in variants.Prepend(("base", (IReadOnlyList<SyntaxTree>)new List<SyntaxTree>())))
                {
                    var c = baseline.RemoveAllSyntaxTrees().AddSyntaxTrees(trees).AddSyntaxTrees(v.Item2);
                    GC.Collect();
                    var sw = Stopwatch.StartNew();
                    c.GetDeclarationDiagnostics();
                    var declarations = sw.Elapsed.TotalMilliseconds;
                    c.GetMethodBodyDiagnostics();
                    var bodies = sw.Elapsed.TotalMilliseconds - declarations;
                    var emit = Time(baseline.RemoveAllSyntaxTrees().AddSyntaxTrees(trees).AddSyntaxTrees(v.Item2)).Wall;
                    if (i == 1) Console.WriteLine(FormattableString.Invariant($"GENCOST-PHASES: name={v.Item1} declarations_ms={declarations:F0} bodies_ms={bodies:F0} emit_ms={emit:F0}"));
                }
        }

        var baseWall = new List<double>();
        var baseCpu = new List<double>();
        var wall = variants.Select(_ => new List<double>()).ToList();
        var cpu = variants.Select(_ => new List<double>()).ToList();
        for (var i = 0; i <= o.Runs; i++)
        {
            var b = Time(baseline.RemoveAllSyntaxTrees().AddSyntaxTrees(trees));
            var line = new StringBuilder($"gencost: run {i}{(i == 0 ? " (warm-up)" : "")}: base {b.Wall:F0} ms (cpu {b.Cpu:F0})");
            if (i > 0) { baseWall.Add(b.Wall); baseCpu.Add(b.Cpu); }
            for (var v = 0; v < variants.Count; v++)
            {
                var f = Time(baseline.RemoveAllSyntaxTrees().AddSyntaxTrees(trees).AddSyntaxTrees(variants[v].Trees));
                line.Append(FormattableString.Invariant($", [{v}] {f.Wall:F0} ms (cpu {f.Cpu:F0})"));
                if (i > 0) { wall[v].Add(f.Wall); cpu[v].Add(f.Cpu); }
            }
            Console.Error.WriteLine(line);
        }

        for (var v = 0; v < variants.Count; v++)
        {
            var bytes = variants[v].Trees.Sum(t => (long)Encoding.UTF8.GetByteCount(t.GetText().ToString()));
            Console.WriteLine(FormattableString.Invariant(
                $"GENCOST: variant={v} name={variants[v].Name.Replace(' ', '_')} models={o.Models} runs={o.Runs} generated_files={variants[v].Trees.Count} generated_kib={bytes / 1024} generator_ms={Median(generatorMs):F0} base_ms={Median(baseWall):F0} full_ms={Median(wall[v]):F0} delta_ms={Median(wall[v]) - Median(baseWall):F0} delta_cpu_ms={Median(cpu[v]) - Median(baseCpu):F0} load={Load()}"));
        }
        return 0;
    }

    /// <summary>A fresh compilation each time (nothing bound is reused), emitted to memory with its PDB, as a build does.</summary>
    private static (double Wall, double Cpu) Time(CSharpCompilation compilation)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(pe, pdb);
        sw.Stop();
        process.Refresh();
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            foreach (var e in errors.Take(10)) Console.Error.WriteLine(e);
            Console.WriteLine($"GENCOST: error={errors.Count}");
            Environment.Exit(1);
        }
        return (sw.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    /// <summary>The reference assemblies of the running .NET (the SDK's packs), the runtime library and its dependencies.</summary>
    private static List<MetadataReference> References()
    {
        var shared = Path.GetDirectoryName(typeof(object).Assembly.Location)!; // …/shared/Microsoft.NETCore.App/10.0.x
        var version = Path.GetFileName(shared);
        var root = Path.GetFullPath(Path.Combine(shared, "..", "..", ".."));
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        var refDir = Directory.Exists(Path.Combine(packs, version))
            ? Path.Combine(packs, version, "ref", "net10.0")
            : Directory.GetDirectories(packs).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "ref", "net10.0")).Last(Directory.Exists);
        var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "GenCost.dll", "Associations.Generator.dll", "Humanizer.dll" };
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(p => !own.Contains(Path.GetFileName(p)) && !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        return Directory.GetFiles(refDir, "*.dll").Concat(local).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    private static void EnsureWorkload(Options o)
    {
        if (Directory.Exists(o.Workload) && Directory.EnumerateFiles(o.Workload, "*.cs", SearchOption.AllDirectories).Any()) return;
        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "genscale", "gen_models.py"));
        if (!File.Exists(script)) script = "/work/shared/genscale/gen_models.py";
        using var p = Process.Start(new ProcessStartInfo("python3", $"\"{script}\" \"{o.Workload}\" {o.Models}") { UseShellExecute = false })!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("gen_models.py failed");
    }

    private static IReadOnlyList<SyntaxTree> ReadTrees(string dir, CSharpParseOptions parse) =>
        Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(p), Encoding.UTF8), parse, p)).ToList();

    private static void Dump(string dir, IEnumerable<SyntaxTree> generated)
    {
        Directory.CreateDirectory(dir);
        foreach (var t in generated) File.WriteAllText(Path.Combine(dir, Path.GetFileName(t.FilePath)), t.GetText().ToString());
    }

    private static string StripDocs(string text) =>
        string.Join("\n", text.Split('\n').Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal)));

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>What <c>ImplicitUsings</c> adds to the workload project (genscale builds it with them).</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private sealed class Options
    {
        public string Workload { get; private set; } = Path.Combine(Path.GetTempPath(), "gencost-workload");
        public int Models { get; private set; } = 500;
        public int Runs { get; private set; } = 3;
        public string? Dump { get; private set; }
        public string? Generated { get; private set; }
        public bool StripDocs { get; private set; }
        public List<string> Compare { get; } = new();
        public bool Serial { get; private set; }
        public bool Phases { get; private set; }

        public static Options? Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
                switch (args[i])
                {
                    case "--workload": o.Workload = Next(); break;
                    case "--models": o.Models = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--runs": o.Runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--dump": o.Dump = Next(); break;
                    case "--generated": o.Generated = Next(); break;
                    case "--compare": o.Compare.Add(Next()); break;
                    case "--strip-docs": o.StripDocs = true; break;
                    case "--serial": o.Serial = true; break;
                    case "--phases": o.Phases = true; break;
                    default: return null;
                }
            }
            if (o.Workload == Path.Combine(Path.GetTempPath(), "gencost-workload")) o.Workload += "-" + o.Models;
            return o;
        }
    }
}
