using Associations.Benchmarks.Contenders;
using Associations.Benchmarks.Data;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Associations.Benchmarks.Workloads;

/// <summary>
/// The six contenders of one workload, on the engine of the run (--engine, carried to child processes by the environment). Every benchmark process sets up only the contender it measures
/// (GlobalSetup with a Target), runs the workload once and checks its checksum before measuring: a fast
/// wrong answer fails the run. ADO.NET is the baseline of each category.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MinColumn, MedianColumn]
[HideColumns("Error", "RatioSD")]
public abstract class WorkloadBenchmarks
{
    private Contender? _contender;

    protected abstract Workload Workload { get; }

    /// <summary>One measured invocation of the workload.</summary>
    protected virtual Task<object> RunAsync(Contender contender) => contender.RunAsync(Workload);

    protected Contender Current => _contender!;

    protected async Task SetupAsync(Contender contender)
    {
        await BenchDatabase.EnsureAsync(Console.Out);
        await contender.InitAsync();
        _contender = contender;
        var elapsed = await Validation.CheckAsync(Workload, contender);
        Console.WriteLine($"// {Workload} {contender.Name}: checksum OK ({elapsed.TotalMilliseconds:F0} ms cold)");
    }

    [GlobalSetup(Target = nameof(AdoNet))] public Task SetupAdoNet() => SetupAsync(new AdoNetContender());
    [GlobalSetup(Target = nameof(Dapper))] public Task SetupDapper() => SetupAsync(new DapperContender());
    [GlobalSetup(Target = nameof(EfCoreSingle))] public Task SetupEfCoreSingle() => SetupAsync(new EfCoreContender(split: false));
    [GlobalSetup(Target = nameof(EfCoreSplit))] public Task SetupEfCoreSplit() => SetupAsync(new EfCoreContender(split: true));
    [GlobalSetup(Target = nameof(Associations))] public Task SetupAssociations() => SetupAsync(new AssociationsContender());
    [GlobalSetup(Target = nameof(AdoNetPrepared))] public Task SetupAdoNetPrepared() => SetupAsync(new AdoNetPreparedContender());

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_contender is not null) await _contender.DisposeAsync();
        _contender = null;
    }

    [Benchmark(Baseline = true, Description = "ADO.NET")] public Task<object> AdoNet() => RunAsync(Current);
    [Benchmark(Description = "Dapper")] public Task<object> Dapper() => RunAsync(Current);
    [Benchmark(Description = "EF Core single")] public Task<object> EfCoreSingle() => RunAsync(Current);
    [Benchmark(Description = "EF Core split")] public Task<object> EfCoreSplit() => RunAsync(Current);
    [Benchmark(Description = "Associations")] public Task<object> Associations() => RunAsync(Current);
    [Benchmark(Description = "ADO.NET prepared")] public Task<object> AdoNetPrepared() => RunAsync(Current);
}

[BenchmarkCategory("W1 users+profile+posts")]
public class W1_UsersProfilePosts : WorkloadBenchmarks
{
    protected override Workload Workload => Workload.W1;
}

[BenchmarkCategory("W2 2k posts+tags (m:n)")]
public class W2_PostsWithTags : WorkloadBenchmarks
{
    protected override Workload Workload => Workload.W2;
}

[BenchmarkCategory("W3 1k users, posts 1-by-1")]
public class W3_PostsOneByOne : WorkloadBenchmarks
{
    protected override Workload Workload => Workload.W3;
}

[BenchmarkCategory("W4 1k users, counts")]
public class W4_PostCounts : WorkloadBenchmarks
{
    protected override Workload Workload => Workload.W4;
}

[BenchmarkCategory("W5 set tags x1k, restore")]
public class W5_SetTags : WorkloadBenchmarks
{
    protected override Workload Workload => Workload.W5;

    protected override async Task<object> RunAsync(Contender contender)
    {
        await contender.W5ReplaceAndRestoreAsync();
        return contender;
    }
}

[BenchmarkCategory("W6 2k users+published")]
public class W6_PublishedPosts : WorkloadBenchmarks
{
    protected override Workload Workload => Workload.W6;
}
