using System.Diagnostics;
using Associations.Benchmarks.Contenders;
using Associations.Benchmarks.Data;

namespace Associations.Benchmarks;

/// <summary>
/// <c>--interleaved [rounds] [W1 … W6]</c>: every contender in one process, taking turns (the order
/// rotates each round), so a noisy shared machine slows them all alike; reports min and median per
/// contender and their ratios to ADO.NET. A complement to the BenchmarkDotNet suite, not a replacement.
/// </summary>
public static class Interleaved
{
    public static async Task<int> RunAsync(string[] args, Func<Contender[]> createContenders)
    {
        var rounds = args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 10);
        var workloads = WorkloadArguments.Parse(args);

        await BenchDatabase.EnsureAsync(Console.Out);
        var contenders = createContenders();
        foreach (var contender in contenders) await contender.InitAsync();
        try
        {
            Console.WriteLine($"Interleaved on {BenchDatabase.Engine} ({BenchDatabase.Location}), {rounds} rounds after one checked warm-up round; load average {LoadAverage()}.");
            Console.WriteLine("Ratios are to ADO.NET (min/min, median/median, and the median of the per-round ratios); 'vs prepared' is the paired ratio to ADO.NET prepared");
            Console.WriteLine("(the targets' baseline) with its 25th-75th percentile over rounds (the noise), and the allocations over ADO.NET prepared's.");
            foreach (var workload in workloads)
            {
                // The warm-up round is the checksum check.
                foreach (var contender in contenders) await Validation.CheckAsync(workload, contender);
                var times = contenders.Select(_ => new List<double>()).ToArray();
                var allocated = new long[contenders.Length];
                var collections = new int[contenders.Length];
                for (var round = 0; round < rounds; round++)
                    for (var k = 0; k < contenders.Length; k++)
                    {
                        var i = (k + round) % contenders.Length;
                        GC.Collect();
                        GC.WaitForPendingFinalizers();
                        var before = GC.GetTotalAllocatedBytes(precise: true);
                        var gen0Before = GC.CollectionCount(0);
                        var watch = Stopwatch.StartNew();
                        if (workload == Workload.W5) await contenders[i].W5ReplaceAndRestoreAsync();
                        else await contenders[i].RunAsync(workload);
                        times[i].Add(watch.Elapsed.TotalMilliseconds);
                        allocated[i] = GC.GetTotalAllocatedBytes(precise: true) - before;
                        collections[i] += GC.CollectionCount(0) - gen0Before;
                    }
                var baseline = Array.FindIndex(contenders, c => c is AdoNetContender and not AdoNetPreparedContender);
                var prepared = Array.FindIndex(contenders, c => c is AdoNetPreparedContender);
                var baseMin = times[baseline].Min();
                var baseMedian = Median(times[baseline]);
                Console.WriteLine();
                Console.WriteLine($"| {workload} | min ms | ratio | median ms | ratio | paired ratio | vs prepared | p25-p75 | allocated KB | alloc ratio | alloc vs prepared | GCs per run |");
                Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                for (var i = 0; i < contenders.Length; i++)
                {
                    var min = times[i].Min();
                    var median = Median(times[i]);
                    // Paired: the median over rounds of this contender's time over the baseline's in the same round, so that a
                    // slow phase of a shared machine weighs on both sides of each ratio.
                    var paired = Median(times[i].Select((t, round) => t / times[baseline][round]).ToList());
                    var vsPrepared = times[i].Select((t, round) => t / times[prepared][round]).OrderBy(r => r).ToList();
                    Console.WriteLine($"| {contenders[i].Name} | {min:F2} | {min / baseMin:F2} | {median:F2} | {median / baseMedian:F2} | {paired:F2} | {Median(vsPrepared):F2} | {Percentile(vsPrepared, 0.25):F2}-{Percentile(vsPrepared, 0.75):F2} | {allocated[i] / 1024.0:F0} | {(double)allocated[i] / allocated[baseline]:F2} | {(double)allocated[i] / allocated[prepared]:F2} | {(double)collections[i] / rounds:F1} |");
                }
            }
        }
        finally
        {
            foreach (var contender in contenders) await contender.DisposeAsync();
        }
        return 0;
    }

    /// <summary>The value at <paramref name="q"/> of sorted <paramref name="sorted"/> (linear interpolation).</summary>
    private static double Percentile(List<double> sorted, double q)
    {
        var at = q * (sorted.Count - 1);
        var low = (int)Math.Floor(at);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
