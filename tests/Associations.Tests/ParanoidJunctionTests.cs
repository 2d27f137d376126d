using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>
/// SPEC §12: a [Paranoid] junction model. Remove* and the links Set* drops are soft-deleted, every read through the junction
/// skips them (unless <c>through: j => j.WithDeleted()</c>), and adding the pair again restores the row. Checked with plain SQL.
/// </summary>
public class ParanoidJunctionTests
{
    private static Task<long> Live(TestDb t, int athlete) => t.Count("Memberships", "\"AthleteId\" = @athlete AND \"DeletedAt\" IS NULL", new { athlete });

    private static async Task<(DateTime Created, DateTime Updated, DateTime? Deleted, string Level)> RowAsync(TestDb t, int athlete, int club)
    {
        var row = (await t.Rows<(DateTime, DateTime, DateTime?, string)>(
            "SELECT \"CreatedAt\", \"UpdatedAt\", \"DeletedAt\", \"Level\" FROM \"Memberships\" WHERE \"AthleteId\" = @athlete AND \"ClubId\" = @club",
            new { athlete, club })).Single();
        return (DateTime.SpecifyKind(row.Item1, DateTimeKind.Utc), DateTime.SpecifyKind(row.Item2, DateTimeKind.Utc), row.Item3, row.Item4);
    }

    [Theory, Sqlite, Postgres]
    public async Task Remove_and_Set_soft_delete_links_and_every_read_skips_them(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Athlete>();
        var ann = await db.InsertAsync(new Athlete { Name = "Ann" });
        var bob = await db.InsertAsync(new Athlete { Name = "Bob" });
        var clubs = await db.InsertManyAsync([new Club { Name = "a" }, new Club { Name = "b" }, new Club { Name = "c" }]);
        var before = DateTime.UtcNow.AddSeconds(-1);
        await ann.AddClubsAsync(db, clubs, through: new Membership { Level = "gold" });
        await bob.AddClubAsync(db, clubs[0]);

        // [Timestamps] on the junction: every link row gets them.
        var first = await RowAsync(t, ann.Id, clubs[0].Id);
        Assert.True(first.Created >= before);
        Assert.Equal(first.Created, first.Updated);
        Assert.Null(first.Deleted);
        Assert.Equal(0, await t.Count("Memberships", "\"CreatedAt\" < @before", new { before }));

        await ann.RemoveClubAsync(db, clubs[0]);
        Assert.Null(clubs[0].Membership);
        Assert.Equal(4, await t.Count("Memberships"));                                      // still there
        Assert.NotNull((await RowAsync(t, ann.Id, clubs[0].Id)).Deleted);
        Assert.Null((await RowAsync(t, bob.Id, clubs[0].Id)).Deleted);                     // another source's link is untouched
        Assert.Equal(2, await Live(t, ann.Id));

        // Every read through the junction skips the soft-deleted link.
        Assert.Equal(["b", "c"], (await ann.GetClubsAsync(db, q => q.OrderBy(Club.Columns.Name))).Select(c => c.Name));
        Assert.Equal(["b", "c"], (await ann.GetClubsAsync(db)).Select(c => c.Name).Order());   // the plain getter too
        Assert.Equal(2, await ann.CountClubsAsync(db));
        Assert.False(await ann.HasClubAsync(db, clubs[0]));
        Assert.False(await ann.HasClubsAsync(db, [clubs[0], clubs[1]]));
        Assert.True(await ann.HasClubsAsync(db, [clubs[1], clubs[2]]));
        Assert.Equal(["Bob"], (await clubs[0].GetAthletesAsync(db)).Select(a => a.Name));  // the inverse association too
        var athletes = await db.Query<Athlete>().IncludeClubs(q => q.OrderBy(Club.Columns.Name)).WithClubsCount().OrderBy(Athlete.Columns.Name).ToListAsync();
        Assert.Equal(["b", "c"], athletes[0].Clubs!.Select(c => c.Name));
        Assert.Equal([2, 1], athletes.Select(a => a.ClubsCount!.Value));
        Assert.Equal(["Bob"], (await db.Query<Athlete>().WhereHasClubs(c => c.Where(Club.Columns.Name == "a")).ToListAsync()).Select(a => a.Name));
        Assert.Equal(["Ann"], (await db.Query<Athlete>().WhereHasNoClubs(c => c.Where(Club.Columns.Name == "a")).ToListAsync()).Select(a => a.Name));

        // through: j => j.WithDeleted() reads soft-deleted links too, each carrying its junction row.
        var all = await ann.GetClubsAsync(db, q => q.OrderBy(Club.Columns.Name), j => j.WithDeleted());
        Assert.Equal(["a", "b", "c"], all.Select(c => c.Name));
        Assert.NotNull(all[0].Membership!.DeletedAt);
        Assert.Equal(3, await ann.CountClubsAsync(db, null, j => j.WithDeleted()));
        Assert.Equal(3, (await db.Query<Athlete>().Where(Athlete.Columns.Id == ann.Id).IncludeClubs(null, j => j.WithDeleted()).ToListAsync())[0].Clubs!.Count);
        Assert.Equal(["a"], (await ann.GetClubsAsync(db, null, j => j.WithDeleted().Where(Membership.Columns.DeletedAt.IsNotNull()))).Select(c => c.Name));

        // Set soft-deletes the links it drops; a link already soft-deleted keeps its DeletedAt.
        var removedAt = (await RowAsync(t, ann.Id, clubs[0].Id)).Deleted;
        await ann.SetClubsAsync(db, [clubs[1]]);
        Assert.Equal(4, await t.Count("Memberships"));
        Assert.Equal(1, await Live(t, ann.Id));
        Assert.NotNull((await RowAsync(t, ann.Id, clubs[2].Id)).Deleted);
        Assert.Equal(removedAt, (await RowAsync(t, ann.Id, clubs[0].Id)).Deleted);
        Assert.Equal(["b"], (await ann.GetClubsAsync(db)).Select(c => c.Name));
    }

    [Theory, Sqlite, Postgres]
    public async Task Re_adding_a_soft_deleted_pair_restores_it(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Athlete>();
        var ann = await db.InsertAsync(new Athlete { Name = "Ann" });
        var clubs = await db.InsertManyAsync([new Club { Name = "a" }, new Club { Name = "b" }, new Club { Name = "c" }]);
        await ann.AddClubsAsync(db, clubs, through: new Membership { Level = "gold" });
        var created = (await RowAsync(t, ann.Id, clubs[0].Id)).Created;
        var createdB = (await RowAsync(t, ann.Id, clubs[1].Id)).Created;
        await ann.RemoveClubsAsync(db, clubs);
        Assert.Equal(0, await Live(t, ann.Id));
        await Task.Delay(20);

        // Add without a payload: the row is live again and keeps its payload and CreatedAt; UpdatedAt is the restore's.
        await ann.AddClubAsync(db, clubs[0].Id);
        var restored = await RowAsync(t, ann.Id, clubs[0].Id);
        Assert.Null(restored.Deleted);
        Assert.Equal("gold", restored.Level);
        Assert.Equal(created, restored.Created);
        Assert.True(restored.Updated > created);
        Assert.Equal(3, await t.Count("Memberships"));                                      // restored, not inserted again

        // Add with a payload: the payload is written as for a live pair; CreatedAt still never changes.
        await ann.AddClubAsync(db, clubs[1], through: new Membership { Level = "silver" });
        var paid = await RowAsync(t, ann.Id, clubs[1].Id);
        Assert.Equal((createdB, (DateTime?)null, "silver"), (paid.Created, paid.Deleted, paid.Level));
        Assert.True(paid.Updated > createdB);
        Assert.Equal("silver", clubs[1].Membership!.Level);
        Assert.Null(clubs[1].Membership!.DeletedAt);

        // Re-adding a live pair without a payload leaves it alone (UpdatedAt too).
        var live = await RowAsync(t, ann.Id, clubs[0].Id);
        await ann.AddClubAsync(db, clubs[0].Id);
        Assert.Equal(live, await RowAsync(t, ann.Id, clubs[0].Id));

        // Set restores the pairs it keeps, a payload read WithDeleted() included (DeletedAt is not written back).
        var withDeleted = await ann.GetClubsAsync(db, q => q.Where(Club.Columns.Name == "c"), j => j.WithDeleted());
        Assert.NotNull(withDeleted[0].Membership!.DeletedAt);
        withDeleted[0].Membership!.Level = "bronze";
        await ann.SetClubsAsync(db, [clubs[0], withDeleted[0]]);
        Assert.Equal(["a", "c"], (await ann.GetClubsAsync(db, q => q.OrderBy(Club.Columns.Name))).Select(c => c.Name));
        Assert.Equal("bronze", (await RowAsync(t, ann.Id, clubs[2].Id)).Level);
        Assert.NotNull((await RowAsync(t, ann.Id, clubs[1].Id)).Deleted);
        Assert.Equal(3, await t.Count("Memberships"));

        // Create links a new target with a live, timestamped row.
        var d = await ann.CreateClubAsync(db, new Club { Name = "d" });
        var row = await RowAsync(t, ann.Id, d.Id);
        Assert.Equal((row.Created, (DateTime?)null, "basic"), (row.Updated, row.Deleted, row.Level));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_timestamped_junction_stamps_link_rows_and_keeps_CreatedAt_when_a_payload_is_rewritten(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Guild>();
        var guild = await db.InsertAsync(new Guild { Name = "smiths" });
        var crafter = await db.InsertAsync(new Crafter { Name = "c" });
        async Task<(DateTime Created, DateTime Updated, string Rank)> Seat()
        {
            var row = (await t.Rows<(DateTime, DateTime, string)>("SELECT \"CreatedAt\", \"UpdatedAt\", \"Rank\" FROM \"GuildSeats\"")).Single();
            return (DateTime.SpecifyKind(row.Item1, DateTimeKind.Utc), DateTime.SpecifyKind(row.Item2, DateTimeKind.Utc), row.Item3);
        }

        var before = DateTime.UtcNow.AddSeconds(-1);
        await guild.AddCrafterAsync(db, crafter);
        var first = await Seat();
        Assert.True(first.Created >= before);                                                  // not DateTime.MinValue
        Assert.Equal(first.Created, first.Updated);
        Assert.Equal(first.Created, crafter.GuildSeat!.CreatedAt);

        await Task.Delay(20);
        await guild.AddCrafterAsync(db, crafter, through: new GuildSeat { Rank = "master" });  // the pair gets the payload
        var second = await Seat();
        Assert.Equal((first.Created, "master"), (second.Created, second.Rank));
        Assert.True(second.Updated > first.Updated);

        await guild.AddCrafterAsync(db, crafter);                                               // no payload: a no-op
        Assert.Equal(second, await Seat());
    }

    [Theory, Sqlite, Postgres]
    public async Task Pairs_that_may_repeat_are_linked_anew_and_keep_their_history(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Radio>();
        var radio = await db.InsertAsync(new Radio { Name = "r" });
        var tracks = await db.InsertManyAsync([new Track { Title = "a" }, new Track { Title = "b" }]);
        await radio.AddTracksAsync(db, tracks);
        await radio.AddTrackAsync(db, tracks[0]);                                              // Unique = false: a second row
        Assert.Equal(3, await radio.CountTracksAsync(db));

        await radio.RemoveTrackAsync(db, tracks[0]);                                           // both rows of the pair
        Assert.Equal(2, await t.Count("Spins", "\"DeletedAt\" IS NOT NULL"));
        Assert.Equal(["b"], (await radio.GetTracksAsync(db)).Select(x => x.Title));
        Assert.False(await radio.HasTrackAsync(db, tracks[0]));

        await radio.SetTracksAsync(db, [tracks[0], tracks[1]]);                               // links a anew, leaves b alone
        Assert.Equal(4, await t.Count("Spins"));
        Assert.Equal(2, await t.Count("Spins", "\"DeletedAt\" IS NULL"));
        Assert.Equal(["a", "b"], (await radio.GetTracksAsync(db, q => q.OrderBy(Track.Columns.Title))).Select(x => x.Title));
        Assert.Equal(4, await radio.CountTracksAsync(db, null, j => j.WithDeleted()));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_paranoid_junction_with_delete_hooks_soft_deletes_row_by_row(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Scout>();
        var scout = await db.InsertAsync(new Scout { Name = "s" });
        var badges = await db.InsertManyAsync([new Badge { Name = "knots" }, new Badge { Name = "fire" }, new Badge { Name = "map" }]);
        await scout.AddBadgesAsync(db, badges);
        var hooks = Volatile.Read(ref Award.Deleted);

        await scout.RemoveBadgeAsync(db, badges[0]);
        await scout.SetBadgesAsync(db, [badges[0], badges[2]]);                               // restores knots, drops fire
        Assert.Equal(2, Volatile.Read(ref Award.Deleted) - hooks);
        Assert.Equal(3, await t.Count("Awards"));
        Assert.Equal(1, await t.Count("Awards", "\"DeletedAt\" IS NOT NULL AND \"BadgeId\" = @id", new { id = badges[1].Id }));
        Assert.Equal(["knots", "map"], (await scout.GetBadgesAsync(db, q => q.OrderBy(Badge.Columns.Name))).Select(b => b.Name));
        Assert.True(await scout.HasBadgesAsync(db, [badges[0], badges[2]]));
        Assert.False(await scout.HasBadgeAsync(db, badges[1]));
    }
}
