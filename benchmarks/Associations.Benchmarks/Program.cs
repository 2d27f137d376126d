using System.Diagnostics;
using Associations.Benchmarks.Contenders;
using Associations.Benchmarks.Data;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Associations.Benchmarks;

/// <summary>
/// Full suite:  dotnet run -c Release --project benchmarks/Associations.Benchmarks -- --filter '*'
/// Quick check: dotnet run -c Release --project benchmarks/Associations.Benchmarks -- --validate
/// (every contender runs every workload once and must match the checksums computed from the data definition).
/// Noisy machine: dotnet run -c Release --project benchmarks/Associations.Benchmarks -- --interleaved [rounds] [W1 … W6] [--contenders dapper,associations]
/// Profiling:   dotnet run -c Release --project benchmarks/Associations.Benchmarks -- --loop W2 Associations [seconds]
/// Any of them on PostgreSQL: add --engine postgres (the connection string comes from ASSOCIATIONS_PG).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // --engine sqlite|postgres (default sqlite; postgres reads ASSOCIATIONS_PG); removed before BenchmarkDotNet sees the arguments.
        args = BenchDatabase.SelectEngine(args);
        Console.WriteLine($"// Engine: {BenchDatabase.Engine}");
        if (args.Contains("--validate"))
        {
            // Optional workload names narrow the check: --validate W2 W5
            return await ValidateAsync(WorkloadArguments.Parse(args));
        }
        if (args.Contains("--interleaved")) return await Interleaved.RunAsync(args, () => SelectedContenders(args));
        if (args.Contains("--loop")) return await LoopAsync(args);
        await BenchDatabase.EnsureAsync(Console.Out);
        var config = DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static Contender[] AllContenders() =>
    [
        new AdoNetContender(),
        new AdoNetPreparedContender(),
        new DapperContender(),
        new EfCoreContender(split: false),
        new EfCoreContender(split: true),
        new AssociationsContender(),
    ];

    /// <summary>
    /// <c>--contenders ado,prepared,dapper,associations</c>: only these (matched by the start of their names without spaces,
    /// case-insensitive); ADO.NET and ADO.NET prepared always run, being the baselines.
    /// </summary>
    private static Contender[] SelectedContenders(string[] args)
    {
        var at = Array.IndexOf(args, "--contenders");
        if (at < 0 || at + 1 >= args.Length) return AllContenders();
        var wanted = args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return AllContenders()
            .Where(c => c is AdoNetContender || wanted.Any(w => c.Name.Replace(" ", "").StartsWith(w.Replace(" ", ""), StringComparison.OrdinalIgnoreCase)))
            .ToArray();
    }

    /// <summary>
    /// <c>--loop W2 Associations [seconds]</c>: one contender runs one workload over and over (default 20 s), for a
    /// profiler to attach to (<c>dotnet-trace collect -- …</c>). Prints the time per operation.
    /// </summary>
    private static async Task<int> LoopAsync(string[] args)
    {
        var workload = WorkloadArguments.Parse(args).First();
        var contender = AllContenders().FirstOrDefault(c => args.Any(a => string.Equals(a, c.Name, StringComparison.OrdinalIgnoreCase)))
            ?? throw new ArgumentException("--loop needs a contender name: " + string.Join(", ", AllContenders().Select(c => c.Name)));
        var seconds = args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 20);
        await BenchDatabase.EnsureAsync(Console.Out);
        await contender.InitAsync();
        try
        {
            await Validation.CheckAsync(workload, contender);
            var watch = Stopwatch.StartNew();
            var operations = 0;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                if (workload == Workload.W5) await contender.W5ReplaceAndRestoreAsync();
                else await contender.RunAsync(workload);
                operations++;
            }
            Console.WriteLine($"{workload} {contender.Name}: {operations} operations in {watch.Elapsed.TotalSeconds:F1} s, {watch.Elapsed.TotalMilliseconds / operations:F3} ms each");
        }
        finally
        {
            await contender.DisposeAsync();
        }
        return 0;
    }

    /// <summary>Every contender runs every workload once; any wrong answer fails (exit 1).</summary>
    private static async Task<int> ValidateAsync(Workload[] workloads)
    {
        var total = Stopwatch.StartNew();
        await BenchDatabase.EnsureAsync(Console.Out);
        Console.WriteLine($"Data set: {BenchDatabase.Location}");
        var contenders = AllContenders();
        foreach (var contender in contenders) await contender.InitAsync();
        var failures = 0;
        try
        {
            Console.WriteLine($"{"workload",-9}{"contender",-18}{"cold ms",10}  checksum");
            foreach (var workload in workloads)
                foreach (var contender in contenders)
                {
                    try
                    {
                        var elapsed = await Validation.CheckAsync(workload, contender);
                        Console.WriteLine($"{workload,-9}{contender.Name,-18}{elapsed.TotalMilliseconds,10:F1}  OK");
                    }
                    catch (Exception error)
                    {
                        failures++;
                        Console.WriteLine($"{workload,-9}{contender.Name,-18}{"",10}  FAILED: {error.Message}");
                    }
                }
            failures += await SelfTestAsync(contenders.OfType<AssociationsContender>().Single());
        }
        finally
        {
            foreach (var contender in contenders) await contender.DisposeAsync();
        }
        Console.WriteLine(failures == 0
            ? $"All checksums match ({total.Elapsed.TotalSeconds:F1} s)."
            : $"{failures} check(s) FAILED ({total.Elapsed.TotalSeconds:F1} s).");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The checksums must reject near-misses: one post dropped, two posts swapped between users.</summary>
    private static async Task<int> SelfTestAsync(AssociationsContender contender)
    {
        var expected = Expected.For(Workload.W1);
        var dropped = (List<User>)await contender.W1UsersProfilePostsAsync();
        dropped[0].Posts!.RemoveAt(0);
        var swapped = (List<User>)await contender.W1UsersProfilePostsAsync();
        (swapped[0].Posts![0], swapped[1].Posts![0]) = (swapped[1].Posts![0], swapped[0].Posts![0]);
        var failures = 0;
        foreach (var (what, result) in new[] { ("a dropped post", dropped), ("two swapped posts", swapped) })
        {
            try
            {
                Validation.Require(Workload.W1, "self-test", expected, ModelSums.Sum(Workload.W1, result));
                Console.WriteLine($"self-test: the W1 checksum did NOT catch {what}");
                failures++;
            }
            catch (ChecksumMismatchException)
            {
                Console.WriteLine($"self-test: the W1 checksum catches {what}");
            }
        }
        return failures;
    }
}
