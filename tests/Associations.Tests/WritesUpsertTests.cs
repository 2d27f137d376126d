using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>SPEC §12: <c>DbSession.UpsertAsync</c> — <c>INSERT … ON CONFLICT … DO UPDATE</c> on both engines, checked with plain SQL.</summary>
public class WritesUpsertTests
{
    private const string UniqueName = "CREATE UNIQUE INDEX \"ux_options_name\" ON \"Options\" (\"Name\")";

    private static string Row(long id, string name, string value, long hits, string? note) => $"{id}|{name}|{value}|{hits}|{note ?? "null"}";

    /// <summary>Every row, read with plain SQL.</summary>
    private static Task<List<string>> Rows(TestDb t) => t.Rows<string>(
        "SELECT CAST(\"Id\" AS TEXT) || '|' || \"Name\" || '|' || \"Value\" || '|' || CAST(\"Hits\" AS TEXT) || '|' || COALESCE(\"Note\", 'null') FROM \"Options\" ORDER BY \"Id\"");

    [Theory, Sqlite, Postgres]
    public async Task Inserts_then_updates_the_row_with_the_same_conflict_columns(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();
        await db.ExecuteSqlAsync(UniqueName);
        await db.InsertAsync(new Option { Name = "other", Value = "o" });

        var first = new Option { Name = "theme", Value = "dark", Hits = 1, Note = "n" };
        var returned = await db.UpsertAsync(first, Option.Columns.Name);
        Assert.Same(first, returned);
        Assert.True(first.Id > 0);
        Assert.Equal([Row(1, "other", "o", 0, null), Row(first.Id, "theme", "dark", 1, "n")], await Rows(t));

        var second = new Option { Name = "theme", Value = "light", Hits = 2 };
        await db.UpsertAsync(second, Option.Columns.Name);
        Assert.Equal(first.Id, second.Id); // the existing row's key is written back
        Assert.Equal([Row(1, "other", "o", 0, null), Row(first.Id, "theme", "light", 2, null)], await Rows(t));
    }

    [Theory, Sqlite, Postgres]
    public async Task Without_conflict_columns_the_primary_key_decides(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();

        var fresh = new Option { Name = "a", Value = "1" };
        await db.UpsertAsync(fresh);                       // no key yet: inserted, key generated
        Assert.True(fresh.Id > 0);
        var loaded = (await db.FindAsync<Option>(fresh.Id))!;
        loaded.Value = "2";
        await db.UpsertAsync(loaded, CancellationToken.None); // same key: updated
        Assert.Equal(fresh.Id, loaded.Id);
        var duplicate = new Option { Name = "a", Value = "3" }; // no unique index on Name: another row
        await db.UpsertAsync(duplicate, [], CancellationToken.None);

        Assert.Equal([Row(fresh.Id, "a", "2", 0, null), Row(duplicate.Id, "a", "3", 0, null)], await Rows(t));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_client_side_key_is_upserted_on_itself(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Member>();

        await db.UpsertAsync(new Member { Handle = "ann", Name = "Ann" });
        await db.UpsertAsync(new Member { Handle = "bob", Name = "Bob" });
        await db.UpsertAsync(new Member { Handle = "ann", Name = "Ann B." });

        Assert.Equal(["ann:Ann B.", "bob:Bob"], await t.Rows<string>("SELECT \"Handle\" || ':' || \"Name\" FROM \"Members\" ORDER BY \"Handle\""));
    }

    [Theory, Sqlite, Postgres]
    public async Task Conflict_columns_that_are_every_column_still_return_the_existing_key(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Country>(); // Code is unique (a SourceKey)

        var fr = await db.UpsertAsync(new Country { Code = "fr" }, Country.Columns.Code);
        await db.UpsertAsync(new Country { Code = "de" }, Country.Columns.Code);
        var again = await db.UpsertAsync(new Country { Code = "fr" }, Country.Columns.Code);

        Assert.Equal(fr.Id, again.Id);
        Assert.Equal(2, await t.Count("Countries"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Hooks_do_not_run(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();

        var doc = await db.UpsertAsync(new Doc { Title = "d" });
        doc.Title = "e";
        await db.UpsertAsync(doc);

        Assert.Equal(1, await t.Count("Docs", "\"Title\" = 'e'"));
        Assert.Equal(0, await t.Count("AuditEntries"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Length_limits_are_checked_before_the_statement(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();

        var error = await Assert.ThrowsAsync<AssociationException>(() => db.UpsertAsync(new Option { Name = "much too long a name" }));

        Assert.Equal("Option", error.Model);
        Assert.Contains("Option.Name", error.Message);
        Assert.Equal(0, await t.Count("Options"));
    }

    [Theory, Sqlite, Postgres]
    public async Task The_written_key_is_put_back_when_the_enclosing_transaction_rolls_back(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();
        await db.ExecuteSqlAsync(UniqueName);
        var existing = await db.InsertAsync(new Option { Name = "kept", Value = "before" });
        var fresh = new Option { Name = "new" };
        var update = new Option { Name = "kept", Value = "after" };

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async () =>
        {
            await db.UpsertAsync(fresh, Option.Columns.Name);
            await db.UpsertAsync(update, Option.Columns.Name);
            Assert.True(fresh.Id > 0);
            Assert.Equal(existing.Id, update.Id);
            throw new InvalidOperationException("roll back");
        }));

        Assert.Equal(0, fresh.Id);
        Assert.Equal(0, update.Id);
        Assert.Equal([Row(existing.Id, "kept", "before", 0, null)], await Rows(t));
    }

    [Theory, Sqlite, Postgres]
    public async Task Conflict_columns_without_a_unique_constraint_fail_with_the_databases_error(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();

        var error = await Assert.ThrowsAsync<AssociationException>(() => db.UpsertAsync(new Option { Name = "a" }, Option.Columns.Value));

        Assert.Equal("Option", error.Model);
        Assert.Contains("upsert", error.Message);
        Assert.NotNull(error.InnerException);
        Assert.Equal(0, await t.Count("Options"));
        await db.InsertAsync(new Option { Name = "usable" });
    }

    [Theory, Sqlite, Postgres]
    public async Task Null_arguments_are_refused(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Option>();

        Assert.Equal("entity", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.UpsertAsync<Option>(null!))).ParamName);
        Assert.Equal("conflictColumns", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.UpsertAsync(new Option(), (IColumn<Option>[])null!))).ParamName);
        Assert.Equal("conflictColumns", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.UpsertAsync(new Option(), Option.Columns.Name, null!))).ParamName);
        Assert.Equal(0, await t.Count("Options"));
    }
}
