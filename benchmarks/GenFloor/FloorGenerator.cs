using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GenFloor
{
    /// <summary>
    /// The Associations generator's pipeline without its work: the same seven attribute steps, whose transforms return
    /// only the class's name, and outputs laid out as <c>GENFLOOR_OUTPUTS</c> says (read from the environment: this is
    /// an instrument run in-process, never a generator a build loads):
    /// <c>none</c> (nothing emitted), <c>per-model</c> (one output per model, as Associations had), <c>single</c> (one
    /// output for every file), or a number of groups (models split by a stable hash, as Associations has).
    /// Each model gets two small files, as Associations wrote before one file per model.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class FloorGenerator : IIncrementalGenerator
    {
        private static readonly string[] Attributes = { "HasOne", "BelongsTo", "HasMany", "BelongsToMany", "Model", "Timestamps", "Paranoid" };

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
#pragma warning disable RS1035 // an in-process instrument, configured by its runner
            var layout = System.Environment.GetEnvironmentVariable("GENFLOOR_OUTPUTS") ?? "none";
#pragma warning restore RS1035
            IncrementalValueProvider<ImmutableArray<string>>? all = null;
            foreach (var attribute in Attributes)
            {
                var names = context.SyntaxProvider
                    .ForAttributeWithMetadataName("Associations." + attribute + "Attribute", static (_, _) => true,
                        static (ctx, _) => ctx.TargetSymbol.ToDisplayString())
                    .Collect();
                all = all is null ? names : all.Value.Combine(names).Select(static (x, _) => x.Left.AddRange(x.Right));
            }
            var models = all!.Value.Select(static (x, _) => x.Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToImmutableArray());

            switch (layout)
            {
                case "none":
                    context.RegisterSourceOutput(models, static (_, _) => { });
                    break;
                case "per-model":
                    context.RegisterSourceOutput(models.SelectMany(static (x, _) => x), static (spc, name) => Write(spc, name));
                    break;
                case "single":
                    context.RegisterSourceOutput(models.Select(static (x, _) => string.Join(",", x)), static (spc, joined) =>
                    {
                        foreach (var name in joined.Split(',')) Write(spc, name);
                    });
                    break;
                default:
                    var count = int.Parse(layout, System.Globalization.CultureInfo.InvariantCulture);
                    var groups = models.SelectMany((x, _) => Enumerable.Range(0, count)
                        .Select(i => string.Join(",", x.Where(n => Group(n, count) == i))).ToImmutableArray());
                    context.RegisterSourceOutput(groups, static (spc, joined) =>
                    {
                        if (joined.Length == 0) return;
                        foreach (var name in joined.Split(',')) Write(spc, name);
                    });
                    break;
            }
        }

        private static void Write(SourceProductionContext spc, string name)
        {
            spc.AddSource(name + ".A.g.cs", "// " + name + "\n" + new string('/', 10000) + "\n");
            spc.AddSource(name + ".B.g.cs", "// " + name + "\n" + new string('/', 3000) + "\n");
        }

        private static int Group(string name, int count)
        {
            unchecked
            {
                var hash = 2166136261u;
                foreach (var c in name) hash = (hash ^ c) * 16777619u;
                return (int)(hash % (uint)count);
            }
        }
    }
}
