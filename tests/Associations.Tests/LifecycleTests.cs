using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>SPEC §12: [Timestamps] and [Paranoid], checked against the database itself on both engines.</summary>
public class LifecycleTests
{
    private static async Task<DateTime> StoredAsync(TestDb t, string table, string column, int id) =>
        DateTime.SpecifyKind((await t.Rows<DateTime>($"SELECT \"{column}\" FROM \"{table}\" WHERE \"Id\" = @id", new { id })).Single(), DateTimeKind.Utc);

    [Theory, Sqlite, Postgres]
    public async Task Timestamps_are_set_by_insert_update_and_accessors(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Household>();
        var before = DateTime.UtcNow.AddSeconds(-1);
        var home = await db.InsertAsync(new Household { Name = "home" });
        Assert.Equal(DateTimeKind.Utc, home.CreatedAt.Kind);
        Assert.True(home.CreatedAt >= before);
        Assert.Equal(home.CreatedAt, home.UpdatedAt);
        Assert.Equal(home.CreatedAt, await StoredAsync(t, "Households", "CreatedAt", home.Id));
        var read = (await db.FindAsync<Household>(home.Id))!;
        Assert.Equal(home.CreatedAt, read.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, read.CreatedAt.Kind);

        await Task.Delay(20);
        var created = home.CreatedAt;
        home.Name = "house";
        home.CreatedAt = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc); // CreatedAt never changes after insert
        await db.UpdateAsync(home);
        Assert.True(home.UpdatedAt > created);
        Assert.Equal(created, await StoredAsync(t, "Households", "CreatedAt", home.Id));
        Assert.Equal(home.UpdatedAt, await StoredAsync(t, "Households", "UpdatedAt", home.Id));

        var chore = await home.CreateChoreAsync(db, new Chore { Title = "dishes" });
        var choreCreated = chore.UpdatedAt;
        var other = await db.InsertAsync(new Household { Name = "other" });
        await Task.Delay(20);
        await chore.SetHouseholdAsync(db, other);   // an accessor that changes the row's foreign key updates its UpdatedAt
        Assert.True(chore.UpdatedAt > choreCreated);
        Assert.Equal(chore.UpdatedAt, await StoredAsync(t, "Chores", "UpdatedAt", chore.Id));
        await Task.Delay(20);
        await home.AddChoreAsync(db, chore);       // HasMany link: the row is written through UpdateAsync
        Assert.True(await StoredAsync(t, "Chores", "UpdatedAt", chore.Id) > chore.UpdatedAt);
    }

    [Theory, Sqlite, Postgres]
    public async Task Paranoid_rows_are_soft_deleted_skipped_restored_and_force_deleted(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Household>();
        var home = await db.InsertAsync(new Household { Name = "home" });
        var dishes = await home.CreateChoreAsync(db, new Chore { Title = "dishes" });
        var laundry = await home.CreateChoreAsync(db, new Chore { Title = "laundry" });

        await db.DeleteAsync(dishes);
        Assert.NotNull(dishes.DeletedAt);
        Assert.Equal(2, await t.Count("Chores"));                                  // still there
        Assert.Equal(1, await t.Count("Chores", "\"DeletedAt\" IS NOT NULL"));
        Assert.Null(await db.FindAsync<Chore>(dishes.Id));
        Assert.Equal(["laundry"], (await db.Query<Chore>().ToListAsync()).Select(c => c.Title));
        Assert.Equal(2, await db.Query<Chore>().WithDeleted().CountAsync());
        Assert.Equal(["laundry"], (await home.GetChoresAsync(db)).Select(c => c.Title));
        Assert.Equal(1, await home.CountChoresAsync(db));
        Assert.False(await home.HasChoreAsync(db, dishes));
        var included = await db.Query<Household>().IncludeChores().WithChoresCount().ToListAsync();
        Assert.Equal(["laundry"], included[0].Chores!.Select(c => c.Title));
        Assert.Equal(1, included[0].ChoresCount);
        Assert.Equal(1, await db.Query<Household>().WhereHasChores(c => c.Where(Chore.Columns.Title == "laundry")).CountAsync());
        Assert.Equal(0, await db.Query<Household>().WhereHasChores(c => c.Where(Chore.Columns.Title == "dishes")).CountAsync());

        await db.RestoreAsync(dishes);
        Assert.Null(dishes.DeletedAt);
        Assert.Equal(2, await home.CountChoresAsync(db));

        await db.DeleteAsync(laundry, force: true);
        Assert.Equal(1, await t.Count("Chores"));
        await Assert.ThrowsAsync<AssociationException>(() => db.RestoreAsync(home)); // Household is not [Paranoid]
    }

    [Theory, Sqlite, Postgres]
    public async Task Soft_delete_and_restore_of_a_timestamped_row_move_UpdatedAt_not_CreatedAt(string engine)
    {
        // Sequelize's instance destroy (paranoid) and restore save the row, which stamps updatedAt.
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Household>();
        var home = await db.InsertAsync(new Household { Name = "home" });
        var chore = await home.CreateChoreAsync(db, new Chore { Title = "dishes" });
        var created = chore.CreatedAt;
        var stamps = new List<DateTime> { chore.UpdatedAt };

        async Task<(DateTime Created, DateTime Updated, DateTime? Deleted)> Stored() =>
            (await t.Rows<(DateTime, DateTime, DateTime?)>($"SELECT \"CreatedAt\", \"UpdatedAt\", \"DeletedAt\" FROM \"Chores\" WHERE \"Id\" = {chore.Id}")).Single();

        await Task.Delay(5);
        await db.DeleteAsync(chore);
        var deleted = await Stored();
        Assert.True(chore.UpdatedAt > stamps[^1], "soft delete moves UpdatedAt");
        Assert.Equal(chore.UpdatedAt, DateTime.SpecifyKind(deleted.Updated, DateTimeKind.Utc));
        Assert.Equal(chore.DeletedAt, deleted.Deleted is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null);
        stamps.Add(chore.UpdatedAt);

        await Task.Delay(5);
        await db.RestoreAsync(chore);
        var restored = await Stored();
        Assert.True(chore.UpdatedAt > stamps[^1], "restore moves UpdatedAt");
        Assert.Equal(chore.UpdatedAt, DateTime.SpecifyKind(restored.Updated, DateTimeKind.Utc));
        Assert.Null(restored.Deleted);
        Assert.Equal(created, chore.CreatedAt);
        Assert.Equal(created, DateTime.SpecifyKind(restored.Created, DateTimeKind.Utc));
    }

    [Theory, Sqlite, Postgres]
    public async Task Bulk_update_stamps_UpdatedAt_of_the_rows_it_writes_unless_it_sets_it(string engine)
    {
        // SPEC §12: every update path sets UpdatedAt; Sequelize's Model.update stamps updatedAt too.
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Household>();
        var home = await db.InsertAsync(new Household { Name = "home" });
        var a = await home.CreateChoreAsync(db, new Chore { Title = "a" });
        var b = await home.CreateChoreAsync(db, new Chore { Title = "b" });
        async Task<DateTime> Stamp(string column, int id) =>
            DateTime.SpecifyKind(await t.Scalar<DateTime>($"SELECT \"{column}\" FROM \"Chores\" WHERE \"Id\" = {id}"), DateTimeKind.Utc);
        var before = (A: await Stamp("UpdatedAt", a.Id), B: await Stamp("UpdatedAt", b.Id));

        await Task.Delay(5);
        Assert.Equal(1, await db.Query<Chore>().Where(Chore.Columns.Title == "a").UpdateAsync(s => s.Set(Chore.Columns.Title, "a2")));
        Assert.True(await Stamp("UpdatedAt", a.Id) > before.A);
        Assert.Equal(before.B, await Stamp("UpdatedAt", b.Id));                 // a row not written keeps its stamp
        Assert.Equal(a.CreatedAt, await Stamp("CreatedAt", a.Id));

        var chosen = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await db.Query<Chore>().Where(Chore.Columns.Title == "b").UpdateAsync(s => s.Set(Chore.Columns.UpdatedAt, chosen));
        Assert.Equal(chosen, await Stamp("UpdatedAt", b.Id));                   // the setter's own value wins
    }

    [Theory, Sqlite, Postgres]
    public async Task Upsert_stamps_a_new_row_and_keeps_an_existing_rows_CreatedAt(string engine)
    {
        // SPEC §12: timestamps on every insert and update path. An upsert wrote the instance's unset stamps (0001-01-01)
        // and, on conflict, overwrote CreatedAt.
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Household>();
        async Task<(DateTime Created, DateTime Updated)> Stored(int id) =>
            (await t.Rows<(DateTime, DateTime)>($"SELECT \"CreatedAt\", \"UpdatedAt\" FROM \"Chores\" WHERE \"Id\" = {id}")).Single();
        var start = DateTime.UtcNow.AddMinutes(-1);

        var fresh = await db.UpsertAsync(new Chore { Title = "new" }, CancellationToken.None);
        var first = await Stored(fresh.Id);
        Assert.True(first.Created > start && first.Updated > start, $"stamped: {first}");
        Assert.Equal(fresh.CreatedAt, DateTime.SpecifyKind(first.Created, DateTimeKind.Utc));

        await Task.Delay(5);
        await db.UpsertAsync(new Chore { Id = fresh.Id, Title = "again" }, CancellationToken.None);
        var second = await Stored(fresh.Id);
        Assert.Equal(first.Created, second.Created);                            // the existing row keeps its CreatedAt
        Assert.True(second.Updated > first.Updated);
        Assert.Equal("again", await t.Scalar<string>($"SELECT \"Title\" FROM \"Chores\" WHERE \"Id\" = {fresh.Id}"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Bulk_delete_of_a_paranoid_model_soft_deletes_and_force_deletes(string engine)
    {
        // Sequelize's Model.destroy on a paranoid model sets deletedAt on the live rows; { force: true } deletes.
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Household>();
        var home = await db.InsertAsync(new Household { Name = "home" });
        var a = await home.CreateChoreAsync(db, new Chore { Title = "a" });
        await home.CreateChoreAsync(db, new Chore { Title = "b" });
        await home.CreateChoreAsync(db, new Chore { Title = "c" });

        Assert.Equal(2, await db.Query<Chore>().Where(Chore.Columns.Title != "c").DeleteAsync());
        Assert.Equal(3, await t.Count("Chores"));                               // still there
        Assert.Equal(2, await t.Count("Chores", "\"DeletedAt\" IS NOT NULL"));
        Assert.Equal(["c"], (await db.Query<Chore>().ToListAsync()).Select(c => c.Title));
        var firstStamp = await t.Scalar<DateTime>($"SELECT \"DeletedAt\" FROM \"Chores\" WHERE \"Id\" = {a.Id}");

        await Task.Delay(5);
        Assert.Equal(0, await db.Query<Chore>().Where(Chore.Columns.Title == "a").DeleteAsync());            // already deleted
        Assert.Equal(0, await db.Query<Chore>().WithDeleted().Where(Chore.Columns.Title == "a").DeleteAsync()); // live rows only
        Assert.Equal(firstStamp, await t.Scalar<DateTime>($"SELECT \"DeletedAt\" FROM \"Chores\" WHERE \"Id\" = {a.Id}"));

        Assert.Equal(1, await db.Query<Chore>().DeleteAsync(force: true));                                    // c, the live one
        Assert.Equal(2, await t.Count("Chores"));
        Assert.Equal(2, await db.Query<Chore>().WithDeleted().DeleteAsync(force: true));                      // and the others
        Assert.Equal(0, await t.Count("Chores"));
        Assert.Equal(1, await db.Query<Household>().DeleteAsync());                                           // not paranoid: deleted
        Assert.Equal(0, await t.Count("Households"));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_rolled_back_soft_delete_puts_DeletedAt_back(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Household>();
        var home = await db.InsertAsync(new Household { Name = "home" });
        var chore = await home.CreateChoreAsync(db, new Chore { Title = "dishes" });
        var updated = chore.UpdatedAt;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async () =>
        {
            await db.DeleteAsync(chore);
            chore.Title = "x";
            await db.UpdateAsync(chore);
            throw new InvalidOperationException("roll back");
        }));
        Assert.Null(chore.DeletedAt);
        Assert.Equal(updated, chore.UpdatedAt);
        Assert.Equal(0, await t.Count("Chores", "\"DeletedAt\" IS NOT NULL"));
    }
}

/// <summary>Issue 18 seed: ON DELETE / ON UPDATE NO ACTION and SET DEFAULT on both real engines, checked in the catalog and the rows.</summary>
public class ReferentialActionOnEngineTests
{
    /// <summary>The ON DELETE and ON UPDATE actions of the foreign key on <paramref name="column"/>, as the engine's catalog says.</summary>
    private static async Task<(string OnDelete, string OnUpdate)> ActionsAsync(TestDb t, string table, string column)
    {
        if (t.IsPostgres)
        {
            var row = (await t.Rows<(string, string)>(
                "SELECT r.delete_rule, r.update_rule FROM information_schema.referential_constraints r " +
                "JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name AND k.constraint_schema = r.constraint_schema " +
                "WHERE k.table_schema = current_schema() AND k.table_name = @table AND k.column_name = @column", new { table, column })).Single();
            return row;
        }
        return (await t.Rows<(string, string)>(
            "SELECT on_delete, on_update FROM pragma_foreign_key_list(@table) WHERE \"from\" = @column", new { table, column })).Single();
    }

    [Theory, Sqlite, Postgres]
    public async Task SetDefault_points_children_at_the_default_and_NoAction_refuses(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Shelf>();
        Assert.Equal(("SET DEFAULT", "CASCADE"), await ActionsAsync(t, "Gizmos", "ShelfId"));
        Assert.Equal(("NO ACTION", "CASCADE"), await ActionsAsync(t, "Gadgets", "ShelfId"));

        var fallback = await db.InsertAsync(new Shelf { Label = "fallback" });
        Assert.Equal(1, fallback.Id);
        var shelf = await db.InsertAsync(new Shelf { Label = "top" });
        var gizmo = await shelf.CreateGizmoAsync(db, new Gizmo());
        await db.DeleteAsync(shelf);
        Assert.Equal(1, await t.Scalar<long>("SELECT \"ShelfId\" FROM \"Gizmos\" WHERE \"Id\" = @id", new { id = gizmo.Id }));
        Assert.Equal(["fallback"], (await db.Query<Shelf>().WhereHasGizmos().ToListAsync()).Select(s => s.Label));

        // SET DEFAULT to a row that is itself going away: the default no longer references anything, so the delete fails.
        var error = await Assert.ThrowsAsync<AssociationException>(() => db.DeleteAsync(fallback));
        Assert.Equal("Shelf", error.Model);
        Assert.Contains("rows of Gizmo would be pointed at their column default", error.Message);     // not only "Gadget may still reference it"
        Assert.Contains("ON DELETE SET DEFAULT", error.Message);
        Assert.Equal(2, await t.Count("Shelves") + await t.Count("Gizmos"));

        var held = await db.InsertAsync(new Shelf { Label = "held" });
        await held.CreateGadgetAsync(db, new Gadget());
        error = await Assert.ThrowsAsync<AssociationException>(() => db.DeleteAsync(held));
        Assert.Contains("Gadget", error.Message);
        Assert.Equal(1, await t.Count("Shelves", "\"Label\" = 'held'"));
    }

    [Theory, Sqlite, Postgres]
    public async Task OnUpdate_SetDefault_and_NoAction_act_when_the_source_key_changes(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Depot>();
        Assert.Equal(("SET NULL", "SET DEFAULT"), await ActionsAsync(t, "Crates", "DepotCode"));
        Assert.Equal(("SET NULL", "NO ACTION"), await ActionsAsync(t, "Pallets", "DepotCode"));

        await db.InsertAsync(new Depot { Code = "MAIN" });
        var north = await db.InsertAsync(new Depot { Code = "N" });
        var crate = await north.CreateCrateAsync(db, new Crate());
        Assert.Equal("N", crate.DepotCode);

        // ON UPDATE SET DEFAULT: re-keying the depot points its crates at the column default.
        north.Code = "N2";
        await db.UpdateAsync(north);
        Assert.Equal("MAIN", await t.Scalar<string>("SELECT \"DepotCode\" FROM \"Crates\" WHERE \"Id\" = @id", new { id = crate.Id }));
        Assert.Empty(await north.GetCratesAsync(db));

        // ON UPDATE NO ACTION: re-keying a depot that pallets reference is refused, and nothing changes.
        var pallet = await north.CreatePalletAsync(db, new Pallet());
        north.Code = "N3";
        var error = await Assert.ThrowsAsync<AssociationException>(() => db.UpdateAsync(north));
        Assert.Equal("Depot", error.Model);
        Assert.Contains("foreign-key constraint was violated", error.Message);
        Assert.Equal("N2", await t.Scalar<string>("SELECT \"Code\" FROM \"Depots\" WHERE \"Id\" = @id", new { id = north.Id }));
        Assert.Equal("N2", await t.Scalar<string>("SELECT \"DepotCode\" FROM \"Pallets\" WHERE \"Id\" = @id", new { id = pallet.Id }));
    }
}
