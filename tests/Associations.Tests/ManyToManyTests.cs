using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

public class ManyToManyTests
{
    private static async Task<(TestDb t, User john, Role[] roles)> Roles(string engine)
    {
        var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        var john = await t.Db.InsertAsync(new User { Name = "John" });
        var roles = new Role[4];
        for (var i = 0; i < roles.Length; i++) roles[i] = await t.Db.InsertAsync(new Role { Name = "R" + i });
        return (t, john, roles);
    }

    private static Task<List<int>> Linked(TestDb t, User user) =>
        t.Rows<int>("SELECT \"RoleId\" FROM \"UserRoles\" WHERE \"UserId\" = @id ORDER BY \"RoleId\"", new { id = user.Id });

    [Theory, Sqlite, Postgres]
    public async Task Generated_junction_links_both_ways(string engine)
    {
        var (t, john, r) = await Roles(engine);
        await using var _ = t;
        var db = t.Db;

        await john.AddRoleAsync(db, r[0]);
        await john.AddRolesAsync(db, [r[1], r[2]]);

        Assert.Equal([r[0].Id, r[1].Id, r[2].Id], await Linked(t, john));
        Assert.Equal(3, await john.CountRolesAsync(db));
        Assert.True(await john.HasRoleAsync(db, r[1]));
        Assert.False(await john.HasRoleAsync(db, r[3].Id));
        Assert.True(await john.HasRolesAsync(db, new[] { r[0].Id, r[2].Id }));
        Assert.False(await john.HasRolesAsync(db, [r[0], r[3]]));
        var roles = await john.GetRolesAsync(db, q => q.OrderBy(Role.Columns.Name));
        Assert.Equal(["R0", "R1", "R2"], roles.Select(x => x.Name));
        Assert.All(roles, role => Assert.Equal(john.Id, role.UserRoles!.UserId));

        // The inverse sees the same junction rows.
        var users = await r[1].GetUsersAsync(db);
        Assert.Equal([john.Id], users.Select(u => u.Id));
        Assert.Equal(r[1].Id, users[0].UserRoles!.RoleId);

        await john.RemoveRoleAsync(db, r[1]);
        await john.RemoveRolesAsync(db, new[] { r[2].Id });
        Assert.Equal([r[0].Id], await Linked(t, john));
        Assert.Equal(4, await t.Count("Roles")); // unlinking never deletes a target
    }

    [Theory, Sqlite, Postgres]
    public async Task Set_replaces_and_a_failed_set_changes_nothing(string engine)
    {
        var (t, john, r) = await Roles(engine);
        await using var _ = t;
        var db = t.Db;

        await john.SetRolesAsync(db, [r[0], r[1]]);
        await john.SetRolesAsync(db, new[] { r[1].Id, r[2].Id });
        Assert.Equal([r[1].Id, r[2].Id], await Linked(t, john));

        var error = await Assert.ThrowsAsync<AssociationException>(() => john.SetRolesAsync(db, new[] { r[3].Id, 8888 }));
        Assert.Contains("8888", error.Message);
        Assert.Contains("User.Roles", error.Message);
        Assert.Equal([r[1].Id, r[2].Id], await Linked(t, john));

        await john.SetRolesAsync(db, Array.Empty<int>());
        Assert.Empty(await Linked(t, john));

        // A source that is gone from the database: the set fails before writing anything.
        var ghost = await db.InsertAsync(new User { Name = "Ghost" });
        await db.ExecuteSqlAsync("DELETE FROM \"Users\" WHERE \"Id\" = @id", new { id = ghost.Id });
        var gone = await Assert.ThrowsAsync<AssociationException>(() => ghost.SetRolesAsync(db, [r[0]]));
        Assert.Contains($"no User has Id {ghost.Id}", gone.Message);
        Assert.Equal(0, await t.Count("UserRoles", "\"UserId\" = @id", new { id = ghost.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task Duplicates_and_re_adds_are_ignored(string engine)
    {
        var (t, john, r) = await Roles(engine);
        await using var _ = t;
        var db = t.Db;

        await john.AddRolesAsync(db, [r[0], r[0], r[1]]);
        await john.AddRoleAsync(db, r[0]);
        await john.SetRolesAsync(db, new[] { r[1].Id, r[1].Id, r[2].Id });

        Assert.Equal([r[1].Id, r[2].Id], await Linked(t, john));
        Assert.Equal(2, await t.Count("UserRoles"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Add_of_a_missing_target_fails_and_adds_nothing(string engine)
    {
        var (t, john, r) = await Roles(engine);
        await using var _ = t;

        var error = await Assert.ThrowsAsync<AssociationException>(() => john.AddRolesAsync(t.Db, new[] { r[0].Id, 7070 }));

        Assert.Equal(7070, error.Key);
        Assert.Equal("Roles", error.Association);
        Assert.Empty(await Linked(t, john));
    }

    [Theory, Sqlite, Postgres]
    public async Task Create_inserts_the_target_and_its_junction_row(string engine)
    {
        var (t, john, _) = await Roles(engine);
        await using var __ = t;

        var admin = await john.CreateRoleAsync(t.Db, new Role { Name = "admin" });

        Assert.True(admin.Id > 0);
        Assert.Equal([admin.Id], await Linked(t, john));
        Assert.Equal(john.Id, admin.UserRoles!.UserId);
    }

    [Theory, Sqlite, Postgres]
    public async Task Deleting_either_side_cascades_the_junction_rows(string engine)
    {
        var (t, john, r) = await Roles(engine);
        await using var _ = t;
        var db = t.Db;
        var jane = await db.InsertAsync(new User { Name = "Jane" });
        await john.SetRolesAsync(db, [r[0], r[1]]);
        await jane.SetRolesAsync(db, [r[0], r[2]]);

        await db.ExecuteSqlAsync("DELETE FROM \"Roles\" WHERE \"Id\" = @id", new { id = r[0].Id });
        Assert.Equal(2, await t.Count("UserRoles"));

        await db.ExecuteSqlAsync("DELETE FROM \"Users\" WHERE \"Id\" = @id", new { id = john.Id });
        Assert.Equal([r[2].Id], await Linked(t, jane));
        Assert.Equal(1, await t.Count("UserRoles"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Payloads_are_written_updated_and_read_back(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var apollo = await db.InsertAsync(new Project { Title = "Apollo" });
        var gemini = await db.InsertAsync(new Project { Title = "Gemini" });
        var mercury = await db.InsertAsync(new Project { Title = "Mercury" });

        await john.AddProjectAsync(db, apollo, through: new UserProject { Status = "started", Hours = 3 });
        await john.AddProjectAsync(db, gemini);
        Assert.Equal("started", await t.Scalar<string>("SELECT \"Status\" FROM \"UserProjects\" WHERE \"ProjectId\" = @id", new { id = apollo.Id }));
        Assert.Equal("new", await t.Scalar<string>("SELECT \"Status\" FROM \"UserProjects\" WHERE \"ProjectId\" = @id", new { id = gemini.Id }));

        // Re-adding with a payload updates it; without one it is a no-op.
        await john.AddProjectAsync(db, apollo, through: new UserProject { Status = "done", Hours = 10 });
        await john.AddProjectAsync(db, apollo);
        Assert.Equal(("done", 10), (await t.Rows<(string, int)>("SELECT \"Status\", \"Hours\" FROM \"UserProjects\" WHERE \"ProjectId\" = @id", new { id = apollo.Id }))[0]);

        var projects = await john.GetProjectsAsync(db, q => q.OrderBy(Project.Columns.Title));
        Assert.Equal(["done", "new"], projects.Select(p => p.UserProject!.Status));
        Assert.Equal(10, projects[0].UserProject!.Hours);

        // Set: a row's own junction is its payload; `through` is the default for the others.
        mercury.UserProject = new UserProject { Status = "own", Hours = 1 };
        await john.SetProjectsAsync(db, [projects[1], mercury], through: new UserProject { Status = "default" });
        var rows = await t.Rows<(int, string)>("SELECT \"ProjectId\", \"Status\" FROM \"UserProjects\" ORDER BY \"ProjectId\"");
        Assert.Equal([(gemini.Id, "new"), (mercury.Id, "own")], rows);

        // A junction row read through another user is that user's payload, not a payload for this one.
        var jane = await db.InsertAsync(new User { Name = "Jane" });
        await jane.SetProjectsAsync(db, [mercury], through: new UserProject { Status = "jane's" });
        Assert.Equal(("jane's", 0), (await t.Rows<(string, int)>("SELECT \"Status\", \"Hours\" FROM \"UserProjects\" WHERE \"UserId\" = @id", new { id = jane.Id }))[0]);
        var johns = await john.GetProjectsAsync(db);
        await jane.SetProjectsAsync(db, johns);
        Assert.Equal([(gemini.Id, "new"), (mercury.Id, "jane's")],
            await t.Rows<(int, string)>("SELECT \"ProjectId\", \"Status\" FROM \"UserProjects\" WHERE \"UserId\" = @id ORDER BY \"ProjectId\"", new { id = jane.Id }));

        // Filters on the junction.
        var own = await john.GetProjectsAsync(db, null, j => j.Where(UserProject.Columns.Status == "own"));
        Assert.Equal(["Mercury"], own.Select(p => p.Title));
        Assert.Equal(1, await john.CountProjectsAsync(db, q => q.Where(Project.Columns.Title.Like("G%")), j => j.Where(UserProject.Columns.Hours == 0)));
    }

    [Theory, Sqlite, Postgres]
    public async Task Add_takes_a_payload_built_in_code_on_the_targets_junction_property(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var jane = await db.InsertAsync(new User { Name = "Jane" });
        var p = await db.InsertManyAsync([new Project { Title = "a" }, new Project { Title = "b" }, new Project { Title = "c" }]);
        Task<string> Stored(User user, Project project) =>
            t.Scalar<string>("SELECT \"Status\" FROM \"UserProjects\" WHERE \"UserId\" = @u AND \"ProjectId\" = @p", new { u = user.Id, p = project.Id });

        // A junction row built in code is the target's payload; `through` is the default for the targets without one.
        p[0].UserProject = new UserProject { Status = "own", Hours = 5 };
        await john.AddProjectsAsync(db, [p[0], p[1]], through: new UserProject { Status = "default" });
        Assert.Equal([(p[0].Id, "own", 5), (p[1].Id, "default", 0)],
            await t.Rows<(int, string, int)>("SELECT \"ProjectId\", \"Status\", \"Hours\" FROM \"UserProjects\" WHERE \"UserId\" = @id ORDER BY 1", new { id = john.Id }));
        Assert.Equal((john.Id, "own"), (p[0].UserProject!.UserId, p[0].UserProject!.Status));

        // The row a link left on the instance (John's) is not a payload for Add: re-adding without `through` is a no-op,
        // and a `through` given is written.
        p[0].UserProject!.Status = "changed in memory";
        await john.AddProjectAsync(db, p[0]);
        Assert.Equal("own", await Stored(john, p[0]));
        await john.AddProjectAsync(db, p[0], through: new UserProject { Status = "given" });
        Assert.Equal("given", await Stored(john, p[0]));

        // A row read through another user is that user's payload: Jane's link gets the defaults.
        var johns = await john.GetProjectsAsync(db, q => q.Where(Project.Columns.Title == "b"));
        await jane.AddProjectsAsync(db, johns);
        Assert.Equal("new", await Stored(jane, p[1]));

        // Create follows the same rule.
        var created = await john.CreateProjectAsync(db, new Project { Title = "d", UserProject = new UserProject { Status = "built" } });
        Assert.Equal("built", await Stored(john, created));
    }

    [Theory, Sqlite, Postgres]
    public async Task Self_association_uses_both_keys_and_its_inverse(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Human>();
        var mum = await db.InsertAsync(new Human { Name = "Mum" });
        var ann = await db.InsertAsync(new Human { Name = "Ann" });
        var bob = await db.InsertAsync(new Human { Name = "Bob" });

        await mum.AddChildrenAsync(db, [ann, bob]);

        Assert.Equal(2, await t.Count("HumanChildren", "\"HumanId\" = @id", new { id = mum.Id }));
        Assert.Equal(1, await t.Count("HumanChildren", "\"ChildId\" = @id", new { id = ann.Id }));
        Assert.Equal(["Ann", "Bob"], (await mum.GetChildrenAsync(db, q => q.OrderBy(Human.Columns.Name))).Select(h => h.Name));
        Assert.Equal(["Mum"], (await ann.GetParentsAsync(db)).Select(h => h.Name));
        Assert.Empty(await mum.GetParentsAsync(db));

        await bob.RemoveParentAsync(db, mum);
        Assert.Equal(["Ann"], (await mum.GetChildrenAsync(db)).Select(h => h.Name));
    }

    [Theory, Sqlite, Postgres]
    public async Task Super_many_to_many_accessors_share_the_rows(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Developer>();
        var dev = await db.InsertAsync(new Developer { Name = "Dee" });
        var t1 = await db.InsertAsync(new Ticket { Title = "T1" });
        var t2 = await db.InsertAsync(new Ticket { Title = "T2" });

        await dev.AddTicketAsync(db, t1, through: new Assignment { Role = "reviewer" });
        var assignment = await dev.CreateAssignmentAsync(db, new Assignment { Role = "owner", TicketId = t2.Id });

        Assert.Equal(2, await dev.CountTicketsAsync(db));
        Assert.Equal(2, await dev.CountAssignmentsAsync(db));
        Assert.Equal(["reviewer", "owner"], (await dev.GetTicketsAsync(db, q => q.OrderBy(Ticket.Columns.Title))).Select(x => x.Assignment!.Role));
        Assert.Equal("Dee", (await assignment.GetDeveloperAsync(db))!.Name);
        Assert.Equal("T2", (await assignment.GetTicketAsync(db))!.Title);
        Assert.Equal([dev.Id], (await t1.GetDevelopersAsync(db)).Select(d => d.Id));
        Assert.Equal(1, await t1.CountAssignmentsAsync(db));
        Assert.True(assignment.Id > 0);

        // The pair is unique even though the junction has its own key.
        await dev.AddTicketAsync(db, t1);
        Assert.Equal(2, await t.Count("Assignments"));
        await Assert.ThrowsAsync<AssociationException>(() => db.InsertAsync(new Assignment { DeveloperId = dev.Id, TicketId = t1.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task Guid_and_string_keys_link_include_and_stitch(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Crew>();
        var crews = new[] { new Crew { Id = Guid.NewGuid(), Name = "A" }, new Crew { Id = Guid.NewGuid(), Name = "B" } };
        foreach (var crew in crews) await db.InsertAsync(crew);
        var members = new List<Member>();
        foreach (var handle in new[] { "ada", "bob", "cy" }) members.Add(await db.InsertAsync(new Member { Handle = handle, Name = handle.ToUpperInvariant() }));

        await crews[0].SetMembersAsync(db, [members[0], members[1]]);
        await crews[1].AddMembersAsync(db, new[] { "bob", "cy" });
        await crews[0].CreateMissionAsync(db, new Mission { Title = "M1" });
        await crews[0].CreateMissionAsync(db, new Mission { Title = "M2" });
        Assert.Equal(2, await t.Count("CrewMembers", "\"MemberHandle\" = @h", new { h = "bob" }));
        Assert.Equal(4, await t.Count("CrewMembers"));

        var loaded = await db.Query<Crew>().OrderBy(Crew.Columns.Name).IncludeMembers(m => m.OrderBy(Member.Columns.Handle)).IncludeMissions().ToListAsync();
        Assert.Equal([["ada", "bob"], ["bob", "cy"]], loaded.Select(c => c.Members!.Select(m => m.Handle).ToArray()));
        Assert.All(loaded, c => Assert.All(c.Members!, m => Assert.Equal((c.Id, m.Handle), (m.CrewMembers!.CrewId, m.CrewMembers.MemberHandle))));
        Assert.Equal([2, 0], loaded.Select(c => c.Missions!.Count));
        Assert.All(loaded[0].Missions!, m => Assert.Equal(crews[0].Id, m.CrewId));

        var byMember = await db.Query<Member>().OrderBy(Member.Columns.Handle).IncludeCrews().ToListAsync();
        Assert.Equal([1, 2, 1], byMember.Select(m => m.Crews!.Count));

        // Set by key replaces; a missing key fails and changes nothing.
        await crews[0].SetMembersAsync(db, new[] { "cy" });
        var error = await Assert.ThrowsAsync<AssociationException>(() => crews[1].SetMembersAsync(db, new[] { "ada", "nobody" }));
        Assert.Contains("nobody", error.Message);
        Assert.Equal(["cy"], (await crews[0].GetMembersAsync(db)).Select(m => m.Handle));
        Assert.Equal(["bob", "cy"], (await crews[1].GetMembersAsync(db, q => q.OrderBy(Member.Columns.Handle))).Select(m => m.Handle));

        var fresh = await db.Query<Crew>().OrderBy(Crew.Columns.Name).ToListAsync();
        await db.LoadAsync(fresh, q => q.IncludeMembers().IncludeMissions());
        Assert.Equal([1, 2], fresh.Select(c => c.Members!.Count));
        Assert.Equal([2, 0], fresh.Select(c => c.Missions!.Count));
    }

    [Theory, Sqlite, Postgres]
    public async Task Unique_false_allows_the_same_pair_twice(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Playlist>();
        var list = await db.InsertAsync(new Playlist { Name = "Mix" });
        var song = await db.InsertAsync(new Song { Title = "Loop" });

        await list.AddSongAsync(db, song);
        await list.AddSongAsync(db, song);

        Assert.Equal(2, await t.Count("PlaylistSongs", "\"SongId\" = @id", new { id = song.Id }));
        Assert.Equal(2, await list.CountSongsAsync(db));
        Assert.True(await list.HasSongAsync(db, song));

        // Set links what is not linked yet and leaves linked pairs (both of them) alone, as Sequelize's set does.
        var other = await db.InsertAsync(new Song { Title = "Other" });
        await list.SetSongsAsync(db, [song, other]);
        Assert.Equal(2, await t.Count("PlaylistSongs", "\"SongId\" = @id", new { id = song.Id }));
        Assert.Equal(1, await t.Count("PlaylistSongs", "\"SongId\" = @id", new { id = other.Id }));
        await list.SetSongsAsync(db, [other]);
        Assert.Equal([other.Id], (await list.GetSongsAsync(db)).Select(s => s.Id));
    }

    [Theory, SqliteFile, Postgres]
    public async Task Concurrent_adds_of_one_pair_leave_one_row_and_never_fail(string engine)
    {
        var (t, john, r) = await Roles(engine);
        await using var _ = t;

        for (var round = 0; round < 5; round++)
        {
            await john.SetRolesAsync(t.Db, Array.Empty<Role>());
            var sessions = Enumerable.Range(0, 4).Select(_ => t.Open()).ToList();
            try
            {
                await Task.WhenAll(sessions.Select(s => Task.Run(async () =>
                {
                    var me = (await s.FindAsync<User>(john.Id))!;
                    await me.AddRolesAsync(s, [r[0], r[1]]);
                })));
            }
            finally
            {
                foreach (var s in sessions) await s.DisposeAsync();
            }
            Assert.Equal([r[0].Id, r[1].Id], await Linked(t, john));
        }
    }
}
