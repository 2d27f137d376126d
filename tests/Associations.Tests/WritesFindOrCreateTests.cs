using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>SPEC §12: <c>DbSession.FindOrCreateAsync</c> — atomic, race-safe, default scope on the find, insert hooks on create.</summary>
public class WritesFindOrCreateTests
{
    private const string UniqueName = "CREATE UNIQUE INDEX \"ux_options_name\" ON \"Options\" (\"Name\")";

    [Theory, Sqlite, Postgres]
    public async Task Creates_when_absent_then_finds_the_same_row(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();
        await db.InsertAsync(new Option { Name = "other", Value = "x" });
        var calls = 0;

        var (first, created) = await db.FindOrCreateAsync(Option.Columns.Name == "theme", () =>
        {
            calls++;
            return new Option { Name = "theme", Value = "dark" };
        });
        Assert.True(created);
        Assert.True(first.Id > 0);
        Assert.Equal(1, calls);
        Assert.Equal("dark", await t.Scalar<string>("SELECT \"Value\" FROM \"Options\" WHERE \"Id\" = @id", new { id = first.Id }));

        var (second, createdAgain) = await db.FindOrCreateAsync(Option.Columns.Name == "theme" & Option.Columns.Value == "dark",
            () => throw new InvalidOperationException("not called when a row matches"));
        Assert.False(createdAgain);
        Assert.NotSame(first, second);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("dark", second.Value);
        Assert.Equal(1, calls);
        Assert.Equal(2, await t.Count("Options"));
        Assert.Equal(1, await t.Count("Options", "\"Name\" = 'theme'"));
        Assert.Null(db.CurrentTransaction);
    }

    [Theory, Sqlite, Postgres]
    public async Task Any_condition_works_list_values_and_nulls_included(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();
        var where = Option.Columns.Name.In("a", "b") & Option.Columns.Note.IsNull() & Option.Columns.Hits >= 0;

        var (first, created) = await db.FindOrCreateAsync(where, () => new Option { Name = "b" });
        var (second, createdAgain) = await db.FindOrCreateAsync(where, () => new Option { Name = "a" });
        var (third, createdThird) = await db.FindOrCreateAsync(Option.Columns.Name.In("a", "c"), () => new Option { Name = "c" });

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.True(createdThird);
        Assert.NotEqual(first.Id, third.Id);
        Assert.Equal(["b", "c"], await t.Rows<string>("SELECT \"Name\" FROM \"Options\" ORDER BY \"Id\""));
    }

    [Theory, Sqlite, Postgres]
    public async Task The_default_scope_applies_to_the_find(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Article>();
        var deleted = await db.InsertAsync(new Article { Title = "x", DeletedAt = new DateTime(2024, 1, 1) });

        var (article, created) = await db.FindOrCreateAsync(Article.Columns.Title == "x", () => new Article { Title = "x" });

        Assert.True(created);
        Assert.NotEqual(deleted.Id, article.Id);
        Assert.Equal(2, await t.Count("Articles", "\"Title\" = 'x'"));
        Assert.Equal(1, await t.Count("Articles", "\"Title\" = 'x' AND \"DeletedAt\" IS NULL"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Insert_hooks_run_on_create_only(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();

        var (doc, created) = await db.FindOrCreateAsync(Doc.Columns.Title == "d", () => new Doc { Title = "d" });
        var (again, createdAgain) = await db.FindOrCreateAsync(Doc.Columns.Title == "d", () => new Doc { Title = "d" });

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(doc.Id, again.Id);
        Assert.Equal(["before insert doc d", $"after insert doc d #{doc.Id}"],
            await t.Rows<string>("SELECT \"Text\" FROM \"AuditEntries\" ORDER BY \"Id\""));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_created_row_is_rolled_back_with_the_enclosing_transaction_and_its_key_put_back(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();
        var option = new Option { Name = "a" };

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async () =>
        {
            var (entity, created) = await db.FindOrCreateAsync(Option.Columns.Name == "a", () => option);
            Assert.True(created);
            Assert.Same(option, entity);
            Assert.True(option.Id > 0);
            throw new InvalidOperationException("roll back");
        }));

        Assert.Equal(0, option.Id);
        Assert.Equal(0, await t.Count("Options"));
        Assert.Null(db.CurrentTransaction);
    }

    [Theory, Sqlite, Postgres]
    public async Task Null_arguments_and_a_null_from_create_are_refused(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();

        Assert.Equal("where", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.FindOrCreateAsync<Option>(null!, () => new Option()))).ParamName);
        Assert.Equal("create", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.FindOrCreateAsync(Option.Columns.Name == "a", null!))).ParamName);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.FindOrCreateAsync(Option.Columns.Name == "a", () => null!));
        Assert.Contains("Option", error.Message);
        Assert.Equal(0, await t.Count("Options"));
        Assert.Null(db.CurrentTransaction);
        await db.InsertAsync(new Option { Name = "usable" });
    }

    [Theory, Sqlite, Postgres]
    public async Task Length_limits_apply_to_the_created_row(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();

        var error = await Assert.ThrowsAsync<AssociationException>(() =>
            db.FindOrCreateAsync(Option.Columns.Value == "v", () => new Option { Name = "much too long a name", Value = "v" }));

        Assert.Contains("Option.Name", error.Message);
        Assert.Contains("12", error.Message);
        Assert.Equal(0, await t.Count("Options"));
        Assert.Null(db.CurrentTransaction);
    }

    /// <summary>Sessions race on the same conditions; <c>create</c> sleeps, so that without the lock each would find nothing and insert.</summary>
    [Theory, SqliteFile, Postgres]
    public async Task Sessions_racing_on_one_condition_create_one_row_without_a_unique_index(string engine) =>
        await Race(engine, unique: false);

    [Theory, SqliteFile, Postgres]
    public async Task Sessions_racing_on_one_condition_create_one_row_with_a_unique_index(string engine) =>
        await Race(engine, unique: true);

    private static async Task Race(string engine, bool unique)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<Option>();
        if (unique) await t.Db.ExecuteSqlAsync(UniqueName);
        const int Sessions = 3;
        const int Rounds = 6;
        var sessions = Enumerable.Range(0, Sessions).Select(_ => t.Open()).ToList();
        try
        {
            var created = new List<(string Name, int Id, bool Created)>();
            for (var round = 0; round < Rounds; round++)
            {
                var name = "race" + round;
                using var start = new Barrier(Sessions);
                var tasks = sessions.Select(s => Task.Run(async () =>
                {
                    start.SignalAndWait();
                    var (option, wasCreated) = await s.FindOrCreateAsync(Option.Columns.Name == name, () =>
                    {
                        Thread.Sleep(40); // widen the window between the find and the insert
                        return new Option { Name = name, Value = "v" };
                    });
                    return (name, option.Id, wasCreated);
                })).ToList();
                created.AddRange(await Task.WhenAll(tasks));
            }

            for (var round = 0; round < Rounds; round++)
            {
                var name = "race" + round;
                Assert.Equal(1, await t.Count("Options", "\"Name\" = @name", new { name }));
                var results = created.Where(c => c.Name == name).ToList();
                Assert.Single(results, r => r.Created);
                Assert.Single(results.Select(r => r.Id).Distinct());
            }
        }
        finally
        {
            foreach (var s in sessions) await s.DisposeAsync();
        }
    }

    [Theory, Postgres]
    public async Task An_insert_refused_by_a_unique_index_re_reads_the_row_another_writer_inserted(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();
        await db.ExecuteSqlAsync(UniqueName);
        await using var other = t.Open();

        // Another writer that does not use FindOrCreateAsync inserts the row between this call's find and its insert.
        var (option, created) = await db.FindOrCreateAsync(Option.Columns.Name == "n", () =>
        {
            other.InsertAsync(new Option { Name = "n", Value = "theirs" }).GetAwaiter().GetResult();
            return new Option { Name = "n", Value = "mine" };
        });

        Assert.False(created);
        Assert.Equal("theirs", option.Value);
        Assert.Equal(1, await t.Count("Options"));
        Assert.Null(db.CurrentTransaction);

        // A unique violation on a row the condition does not match is the caller's error.
        var error = await Assert.ThrowsAsync<AssociationException>(() =>
            db.FindOrCreateAsync(Option.Columns.Value == "new", () => new Option { Name = "n", Value = "new" }));
        Assert.Contains("unique", error.Message);
        Assert.Equal(1, await t.Count("Options"));
    }
}
