using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace Associations.Generator.Tests.Infrastructure;

/// <summary>
/// The generator's step names, read from its internal <c>TrackingNames</c> class, so the tests follow
/// a rename instead of silently checking a step that no longer exists.
/// </summary>
public static class TrackingNamesOf
{
    private static readonly Type Names = typeof(AssociationsGenerator).Assembly.GetType("Associations.Generator.TrackingNames", throwOnError: true)!;

    public static string Get(string constant) =>
        (string?)Names.GetField(constant, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
        ?? throw new XunitException($"TrackingNames.{constant} does not exist");

    public static string Declarations => Get("Declarations");
    public static string AssemblyOptions => Get("AssemblyOptions");
    public static string Graph => Get("Graph");
    public static string Models => Get("Models");
    public static string Diagnostics => Get("Diagnostics");
    public static string Registry => Get("Registry");

    /// <summary>Every constant of TrackingNames.</summary>
    public static IReadOnlyList<string> All => Names.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();
}

public static class CachingAssert
{
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriverRunResult run, string step)
    {
        var result = Assert.Single(run.Results);
        Assert.True(result.TrackedSteps.ContainsKey(step),
            $"No tracked step '{step}'. Tracked: {string.Join(", ", result.TrackedSteps.Keys.OrderBy(k => k))}");
        return result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
    }

    /// <summary>Every output of each of <paramref name="steps"/> that ran is Cached or Unchanged.</summary>
    public static void AllCachedOrUnchanged(GeneratorDriverRunResult run, IEnumerable<string> steps)
    {
        var result = Assert.Single(run.Results);
        foreach (var step in steps)
        {
            if (!result.TrackedSteps.TryGetValue(step, out var runs)) continue; // e.g. no [HasOne] anywhere
            var bad = runs.SelectMany(s => s.Outputs)
                .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                .ToList();
            Assert.True(bad.Count == 0,
                $"Step '{step}' recomputed on an edit that should not affect it: "
                + string.Join("; ", bad.Select(o => $"{o.Reason}: {Short(o.Value)}")));
        }
    }

    public static string Short(object? value)
    {
        var text = value?.ToString() ?? "null";
        return text.Length > 300 ? text.Substring(0, 300) + "…" : text;
    }
}
