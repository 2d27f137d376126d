using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>SPEC §10 for the SPEC §12 writes: one operation at a time, nothing after dispose.</summary>
public class WritesSessionTests
{
    private static IEnumerable<(string Name, Func<DbSession, Task> Call)> Calls() =>
    [
        ("FindOrCreateAsync", db => db.FindOrCreateAsync(Option.Columns.Name == "x", () => new Option { Name = "x" })),
        ("UpsertAsync", db => db.UpsertAsync(new Option { Name = "y" })),
        ("Query.UpdateAsync", db => db.Query<Option>().UpdateAsync(s => s.Set(Option.Columns.Value, "z"))),
        ("Query.DeleteAsync", db => db.Query<Option>().DeleteAsync()),
    ];

    [Theory, Sqlite, Postgres]
    public async Task A_second_operation_is_refused_and_the_running_one_is_unaffected(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();
        await db.SyncAsync<Beacon>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The running operation is itself a FindOrCreateAsync, waiting in the created row's after-insert hook.
        Beacon.AfterInsert.Value = () => gate.Task;
        var running = db.FindOrCreateAsync(Beacon.Columns.Name == "b", () => new Beacon { Name = "b" });
        Beacon.AfterInsert.Value = null;

        foreach (var (name, call) in Calls())
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => call(db));
            Assert.Contains("a second operation started on this DbSession", error.Message, StringComparison.OrdinalIgnoreCase);
        }
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.FindOrCreateAsync(Beacon.Columns.Name == "c", () => new Beacon { Name = "c" }));
        gate.SetResult();
        var (beacon, created) = await running;

        Assert.True(created);
        Assert.Equal(["b"], await t.Rows<string>("SELECT \"Name\" FROM \"Beacons\""));
        Assert.Equal(0, await t.Count("Options"));
        Assert.Null(db.CurrentTransaction);
        foreach (var (_, call) in Calls()) await call(db); // idle again: each runs
        Assert.True(beacon.Id > 0);
    }

    [Theory, Sqlite, Postgres]
    public async Task Inside_an_operation_they_are_part_of_it(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();

        await db.InTransactionAsync(async () =>
        {
            foreach (var (_, call) in Calls()) await call(db);
        });

        Assert.Equal(0, await t.Count("Options")); // created, upserted, updated, then all deleted
    }

    [Theory, Sqlite, Postgres]
    public async Task After_dispose_each_throws_ObjectDisposedException(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();
        await db.DisposeAsync();

        foreach (var (_, call) in Calls())
            await Assert.ThrowsAsync<ObjectDisposedException>(() => call(db));
    }
}
