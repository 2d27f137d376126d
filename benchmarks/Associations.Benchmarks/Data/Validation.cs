using System.Diagnostics;
using Associations.Benchmarks.Contenders;

namespace Associations.Benchmarks.Data;

/// <summary>Checks a contender's answers against <see cref="Expected"/>; a wrong answer throws.</summary>
public static class Validation
{
    /// <summary>Runs <paramref name="workload"/> once on <paramref name="contender"/> and checks the result; returns the time it took.</summary>
    public static async Task<TimeSpan> CheckAsync(Workload workload, Contender contender)
    {
        if (workload == Workload.W5) return await CheckTagReplacementAsync(contender);
        var watch = Stopwatch.StartNew();
        var result = await contender.RunAsync(workload);
        var elapsed = watch.Elapsed;
        Require(workload, contender.Name, Expected.For(workload), contender.Sum(workload, result));
        return elapsed;
    }

    private static async Task<TimeSpan> CheckTagReplacementAsync(Contender contender)
    {
        var total = (long)Definition.Posts * Definition.TagsPerPost;
        var (before, rows) = await BenchDatabase.TagStateAsync();
        if (before != Expected.TagState(alternate: false) || rows != total)
            throw new InvalidOperationException($"W5 {contender.Name}: the tags of the data set are not in their original state before the run (rows {rows}); rerun to rebuild it.");

        var watch = Stopwatch.StartNew();
        await contender.W5SetTagsAsync(alternate: true);
        var replace = watch.Elapsed;
        var (replaced, rowsReplaced) = await BenchDatabase.TagStateAsync();
        Require(Workload.W5, contender.Name + " (replace)", Expected.TagState(alternate: true), replaced);
        if (rowsReplaced != total) throw new ChecksumMismatchException($"W5 {contender.Name}: PostTags has {rowsReplaced} rows after replacing, expected {total}.");

        watch.Restart();
        await contender.W5SetTagsAsync(alternate: false);
        var restore = watch.Elapsed;
        var (restored, rowsRestored) = await BenchDatabase.TagStateAsync();
        Require(Workload.W5, contender.Name + " (restore)", Expected.TagState(alternate: false), restored);
        if (rowsRestored != total) throw new ChecksumMismatchException($"W5 {contender.Name}: PostTags has {rowsRestored} rows after restoring, expected {total}.");
        return replace + restore;
    }

    public static void Require(Workload workload, string contender, Checksum expected, Checksum actual)
    {
        if (expected != actual)
            throw new ChecksumMismatchException($"{workload} {contender}: wrong answer.\n  expected {expected}\n  actual   {actual}");
    }
}

/// <summary>A contender returned a wrong answer.</summary>
public sealed class ChecksumMismatchException(string message) : Exception(message);
