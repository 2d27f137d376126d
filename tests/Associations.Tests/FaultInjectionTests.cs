using System.Globalization;
using Associations.Tests.Infrastructure;
using Associations.Tests.Models;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Associations.Tests;

/// <summary>
/// SPEC §10, swept: every multi-statement operation is run once to count its steps (commands, BEGIN, SAVEPOINT,
/// RELEASE, COMMIT), then once per step k on a fresh database with a fault at step k — the step fails, or the
/// operation's token is cancelled just before it. Each time: the database (every table, read with plain SQL) is
/// exactly as before or exactly as after a clean run, the in-memory values match it, no transaction is left open,
/// and the session still works.
/// </summary>
public class FaultInjectionTests
{
    /// <summary>An operation to sweep: <see cref="Setup"/> builds its data and returns the operation and a text of the in-memory values it may change.</summary>
    public sealed record Scenario(string Name, Func<DbSession, Task<(Func<DbSession, CancellationToken, Task> Act, Func<string> Memory)>> Setup)
    {
        public override string ToString() => Name;
    }

    private static string Id(object? value) => value?.ToString() ?? "null";

    private static string Same(object? a, object? b) => ReferenceEquals(a, b) ? "same" : a is null ? "null" : "other";

    /// <summary>A lifecycle timestamp in memory, as the dump shows it: null, as it was (<paramref name="old"/>), or new.</summary>
    private static string Stamp(DateTime? value, DateTime? old) => value is null ? "null" : value == old ? "old" : "new";

    /// <summary>The junction row a club carries, as text: its athlete, level and whether it is soft-deleted.</summary>
    private static string Link(Club club) => club.Membership is { } m ? $"{m.AthleteId}:{m.Level}:{Stamp(m.DeletedAt, null)}" : "none";

    public static readonly Scenario[] Scenarios =
    [
        new("HasMany Set", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var p = await db.InsertManyAsync([new Post { Title = "a" }, new Post { Title = "b" }, new Post { Title = "c" }]);
            await john.AddArticlesAsync(db, [p[0], p[1]]);
            return ((d, ct) => john.SetArticlesAsync(d, [p[1], p[2]], ct), () => string.Join(",", p.Select(x => Id(x.AuthorId))));
        }),
        new("HasMany Add", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var p = await db.InsertManyAsync([new Post { Title = "a" }, new Post { Title = "b" }, new Post { Title = "c" }]);
            await john.AddArticleAsync(db, p[0]);
            return ((d, ct) => john.AddArticlesAsync(d, [p[1], p[2]], ct), () => string.Join(",", p.Select(x => Id(x.AuthorId))));
        }),
        new("HasMany Remove", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var p = await db.InsertManyAsync([new Post { Title = "a" }, new Post { Title = "b" }, new Post { Title = "c" }]);
            await john.AddArticlesAsync(db, p);
            return ((d, ct) => john.RemoveArticlesAsync(d, [p[0], p[1]], ct), () => string.Join(",", p.Select(x => Id(x.AuthorId))));
        }),
        new("HasMany Create", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var post = new Post { Title = "new" };
            return ((d, ct) => john.CreateArticleAsync(d, post, ct), () => $"{post.Id} {Id(post.AuthorId)}");
        }),
        new("HasMany Set, non-nullable key (deletes the unlinked)", async db =>
        {
            var post = await db.InsertAsync(new Post { Title = "p" });
            var c1 = await post.CreateCommentAsync(db, new Comment { Body = "one" });
            var c2 = await post.CreateCommentAsync(db, new Comment { Body = "two" });
            var other = await db.InsertAsync(new Post { Title = "q" });
            var c3 = await other.CreateCommentAsync(db, new Comment { Body = "three" });
            return ((d, ct) => post.SetCommentsAsync(d, [c2, c3], ct), () => $"{c1.PostId} {c2.PostId} {c3.PostId}");
        }),
        new("HasMany Set with update hooks (row by row)", async db =>
        {
            var folder = await db.InsertAsync(new Folder { Name = "f" });
            var d1 = await folder.CreateDocAsync(db, new Doc { Title = "d1" });
            var d2 = await db.InsertAsync(new Doc { Title = "d2" });
            var d3 = await db.InsertAsync(new Doc { Title = "d3" });
            return ((d, ct) => folder.SetDocsAsync(d, [d2, d3], ct), () => $"{Id(d1.FolderId)} {Id(d2.FolderId)} {Id(d3.FolderId)}");
        }),
        new("HasOne Set", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var old = await john.CreateProfileAsync(db, new Profile { Bio = "old" });
            var next = await db.InsertAsync(new Profile { Bio = "next" });
            return ((d, ct) => john.SetProfileAsync(d, next, ct), () => $"{Id(old.UserId)} {Id(next.UserId)} {Same(john.Profile, next)}");
        }),
        new("HasOne Create (unlinks the previous)", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var old = await john.CreateProfileAsync(db, new Profile { Bio = "old" });
            var next = new Profile { Bio = "next" };
            return ((d, ct) => john.CreateProfileAsync(d, next, ct), () => $"{Id(old.UserId)} {next.Id} {Id(next.UserId)} {Same(john.Profile, next)}");
        }),
        new("BelongsTo Set", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var jane = await db.InsertAsync(new User { Name = "Jane" });
            var post = await db.InsertAsync(new Post { Title = "p", AuthorId = john.Id });
            return ((d, ct) => post.SetAuthorAsync(d, jane, ct), () => $"{Id(post.AuthorId)} {Same(post.Author, jane)}");
        }),
        new("BelongsTo Create", async db =>
        {
            var post = await db.InsertAsync(new Post { Title = "p" });
            var author = new User { Name = "new" };
            return ((d, ct) => post.CreateAuthorAsync(d, author, ct), () => $"{author.Id} {Id(post.AuthorId)} {Same(post.Author, author)}");
        }),
        new("BelongsToMany Set", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var r = await db.InsertManyAsync([new Role { Name = "a" }, new Role { Name = "b" }, new Role { Name = "c" }]);
            await john.AddRoleAsync(db, r[0]);
            return ((d, ct) => john.SetRolesAsync(d, [r[1], r[2]], cancellationToken: ct), () => string.Join(",", r.Select(x => Id(x.UserRoles?.UserId))));
        }),
        new("BelongsToMany Add", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var r = await db.InsertManyAsync([new Role { Name = "a" }, new Role { Name = "b" }, new Role { Name = "c" }]);
            return ((d, ct) => john.AddRolesAsync(d, r, cancellationToken: ct), () => string.Join(",", r.Select(x => Id(x.UserRoles?.UserId))));
        }),
        new("BelongsToMany Remove", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var r = await db.InsertManyAsync([new Role { Name = "a" }, new Role { Name = "b" }, new Role { Name = "c" }]);
            await john.AddRolesAsync(db, r);
            return ((d, ct) => john.RemoveRolesAsync(d, [r[0], r[1]], cancellationToken: ct), () => string.Join(",", r.Select(x => Id(x.UserRoles?.UserId))));
        }),
        new("BelongsToMany Create", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var role = new Role { Name = "new" };
            return ((d, ct) => john.CreateRoleAsync(d, role, cancellationToken: ct), () => $"{role.Id} {Id(role.UserRoles?.UserId)}");
        }),
        new("BelongsToMany Set with junction hooks", async db =>
        {
            var folder = await db.InsertAsync(new Folder { Name = "f" });
            var l = await db.InsertManyAsync([new Label { Name = "a" }, new Label { Name = "b" }, new Label { Name = "c" }]);
            await folder.AddLabelAsync(db, l[0]);
            return ((d, ct) => folder.SetLabelsAsync(d, [l[1], l[2]], cancellationToken: ct), () => string.Join(",", l.Select(x => Id(x.DocLabel?.FolderId))));
        }),
        new("HasOne Set null (unlink)", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var old = await john.CreateProfileAsync(db, new Profile { Bio = "old" });
            return ((d, ct) => john.SetProfileAsync(d, (Profile?)null, ct), () => $"{Id(old.UserId)} {Same(john.Profile, old)}");
        }),
        new("BelongsTo Set null (unlink)", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var post = await db.InsertAsync(new Post { Title = "p", AuthorId = john.Id });
            post.Author = john;
            return ((d, ct) => post.SetAuthorAsync(d, (User?)null, ct), () => $"{Id(post.AuthorId)} {Same(post.Author, john)}");
        }),
        new("HasMany Remove with update hooks", async db =>
        {
            var folder = await db.InsertAsync(new Folder { Name = "f" });
            var d1 = await folder.CreateDocAsync(db, new Doc { Title = "d1" });
            var d2 = await folder.CreateDocAsync(db, new Doc { Title = "d2" });
            return ((d, ct) => folder.RemoveDocsAsync(d, [d1, d2], ct), () => $"{Id(d1.FolderId)} {Id(d2.FolderId)}");
        }),
        new("HasMany Create with insert hooks", async db =>
        {
            var folder = await db.InsertAsync(new Folder { Name = "f" });
            var doc = new Doc { Title = "new" };
            return ((d, ct) => folder.CreateDocAsync(d, doc, ct), () => $"{doc.Id} {Id(doc.FolderId)}");
        }),
        new("UpdateAsync with hooks", async db =>
        {
            var doc = await db.InsertAsync(new Doc { Title = "d" });
            doc.Title = "changed";
            return ((d, ct) => d.UpdateAsync(doc, ct), () => doc.Title);
        }),
        new("BelongsToMany Set with a payload", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var p = await db.InsertManyAsync([new Project { Title = "a" }, new Project { Title = "b" }, new Project { Title = "c" }]);
            await john.AddProjectAsync(db, p[0], through: new UserProject { Status = "old", Hours = 1 });
            return ((d, ct) => john.SetProjectsAsync(d, [p[0], p[1], p[2]], through: new UserProject { Status = "new", Hours = 2 }, cancellationToken: ct),
                () => string.Join(",", p.Select(x => $"{Id(x.UserProject?.UserId)}:{x.UserProject?.Status}")));
        }),
        new("BelongsToMany Set, Unique = false", async db =>
        {
            var list = await db.InsertAsync(new Playlist { Name = "l" });
            var s = await db.InsertManyAsync([new Song { Title = "a" }, new Song { Title = "b" }, new Song { Title = "c" }]);
            await list.AddSongsAsync(db, [s[0], s[1]]);
            return ((d, ct) => list.SetSongsAsync(d, [s[1], s[2]], cancellationToken: ct), () => string.Join(",", s.Select(x => Id(x.PlaylistSongs?.PlaylistId))));
        }),
        new("An accessor inside a caller's transaction (UseTransaction)", async db =>
        {
            var john = await db.InsertAsync(new User { Name = "John" });
            var p = await db.InsertManyAsync([new Post { Title = "a" }, new Post { Title = "b" }]);
            await john.AddArticleAsync(db, p[0]);
            // In-memory values are not compared: the caller's rollback is invisible to the session (documented).
            return (async (d, ct) =>
            {
                await using var tx = await d.Connection.BeginTransactionAsync(ct);
                d.UseTransaction(tx);
                try
                {
                    await d.InsertAsync(new User { Name = "inside" }, ct);
                    await john.SetArticlesAsync(d, [p[1]], ct);
                    await tx.CommitAsync(ct);
                }
                catch
                {
                    await tx.RollbackAsync(CancellationToken.None);
                    throw;
                }
                finally
                {
                    d.UseTransaction(null);
                }
            }, () => "");
        }),
        new("InsertManyAsync", db =>
        {
            var users = new List<User> { new() { Name = "a" }, new() { Name = "b" }, new() { Name = "c" } };
            return Task.FromResult<(Func<DbSession, CancellationToken, Task>, Func<string>)>(
                ((d, ct) => d.InsertManyAsync(users, ct), () => string.Join(",", users.Select(u => u.Id))));
        }),
        new("InsertManyAsync with hooks", db =>
        {
            var docs = new List<Doc> { new() { Title = "a" }, new() { Title = "b" } };
            return Task.FromResult<(Func<DbSession, CancellationToken, Task>, Func<string>)>(
                ((d, ct) => d.InsertManyAsync(docs, ct), () => string.Join(",", docs.Select(x => x.Id))));
        }),
        new("Delete with Hooks = true cascade", async db =>
        {
            var folder = await db.InsertAsync(new Folder { Name = "f" });
            var doc = await folder.CreateDocAsync(db, new Doc { Title = "d" });
            await doc.CreateNoteAsync(db, new Note { Text = "n1" });
            await doc.CreateNoteAsync(db, new Note { Text = "n2" });
            await folder.CreateDocAsync(db, new Doc { Title = "e" });
            return ((d, ct) => d.DeleteAsync(folder, ct), () => "");
        }),
        new("A graph inside InTransactionAsync", async db =>
        {
            var jane = await db.InsertAsync(new User { Name = "Jane" });
            var role = await db.InsertAsync(new Role { Name = "admin" });
            var john = new User { Name = "John" };
            var profile = new Profile { Bio = "bio" };
            var posts = new List<Post> { new() { Title = "a" }, new() { Title = "b" } };
            return ((d, ct) => d.InTransactionAsync(async () =>
            {
                await d.InsertAsync(john, ct);
                await john.CreateProfileAsync(d, profile, ct);
                foreach (var post in posts) await john.CreateArticleAsync(d, post, ct);
                await john.AddRoleAsync(d, role, cancellationToken: ct);
                await posts[0].SetAuthorAsync(d, jane, ct);
            }, ct), () => $"{john.Id} {profile.Id} {Id(profile.UserId)} {Same(john.Profile, profile)} " +
                          string.Join(",", posts.Select(p => $"{p.Id}:{Id(p.AuthorId)}:{Same(p.Author, jane)}")) + $" {Id(role.UserRoles?.UserId)}");
        }),
        new("Graph insert (SPEC §12): a user with posts, comments, a profile and projects", async db =>
        {
            var existing = await db.InsertAsync(new Project { Title = "old" });
            var posts = new List<Post> { new() { Title = "a", Comments = [new Comment { Body = "c" }] }, new() { Title = "b" } };
            var fresh = new Project { Title = "new", UserProject = new UserProject { Status = "s" } };
            var user = new User { Name = "G", Profile = new Profile { Bio = "b" }, Articles = posts, Projects = [fresh, existing] };
            return ((d, ct) => d.InsertAsync(user, ct),
                () => $"{user.Id} {user.Profile!.Id} {Id(user.Profile.UserId)} {fresh.Id} " +
                      string.Join(",", posts.Select(p => $"{p.Id}:{Id(p.AuthorId)}:{Id(p.Comments?.FirstOrDefault()?.Id)}")));
        }),
        new("Graph insert: a new BelongsTo target first", db =>
        {
            var post = new Post { Title = "p", Author = new User { Name = "A" } };
            return Task.FromResult<(Func<DbSession, CancellationToken, Task>, Func<string>)>(
                ((d, ct) => d.InsertAsync(post, ct), () => $"{post.Id} {post.Author!.Id} {Id(post.AuthorId)}"));
        }),
        new("FindOrCreateAsync (creates, with insert hooks)", async db =>
        {
            await db.InsertAsync(new Doc { Title = "other" });
            var doc = new Doc { Title = "wanted" };
            return ((d, ct) => d.FindOrCreateAsync(Doc.Columns.Title == "wanted", () => doc, ct), () => $"{doc.Id}");
        }),
        new("FindOrCreateAsync (finds)", async db =>
        {
            var existing = await db.InsertAsync(new User { Name = "wanted" });
            var fresh = new User { Name = "wanted" };
            return ((d, ct) => d.FindOrCreateAsync(User.Columns.Name == "wanted", () => fresh, ct), () => $"{existing.Id} {fresh.Id}");
        }),
        new("UpsertAsync inside InTransactionAsync (insert, then update by key)", async db =>
        {
            var existing = await db.InsertAsync(new User { Name = "old" });
            var fresh = new User { Name = "fresh" };
            return ((d, ct) => d.InTransactionAsync(async () =>
            {
                await d.UpsertAsync(fresh, ct);
                existing.Name = "changed";
                await d.UpsertAsync(existing, ct);
            }, ct), () => $"{fresh.Id} {existing.Id}");
        }),
        new("Query UpdateAsync and DeleteAsync inside InTransactionAsync", async db =>
        {
            await db.InsertManyAsync([new User { Name = "a" }, new User { Name = "b" }, new User { Name = "c" }]);
            return ((d, ct) => d.InTransactionAsync(async () =>
            {
                await d.Query<User>().Where(User.Columns.Name != "a").UpdateAsync(s => s.Set(User.Columns.Email, "x@y.z"), ct);
                await d.Query<User>().OrderBy(User.Columns.Name).Limit(1).DeleteAsync(ct);
            }, ct), () => "");
        }),
        // SPEC §12 lifecycle columns: timestamps, soft delete and restore, a paranoid junction's links.
        new("BelongsToMany Remove, paranoid junction with timestamps (soft-deletes the links)", async db =>
        {
            var ann = await db.InsertAsync(new Athlete { Name = "Ann" });
            var c = await db.InsertManyAsync([new Club { Name = "a" }, new Club { Name = "b" }, new Club { Name = "c" }]);
            await ann.AddClubsAsync(db, c, through: new Membership { Level = "gold" });
            return ((d, ct) => ann.RemoveClubsAsync(d, [c[0], c[1]], ct), () => string.Join(",", c.Select(Link)));
        }),
        new("BelongsToMany Set, paranoid junction (soft-deletes one link, restores another)", async db =>
        {
            var ann = await db.InsertAsync(new Athlete { Name = "Ann" });
            var c = await db.InsertManyAsync([new Club { Name = "a" }, new Club { Name = "b" }, new Club { Name = "c" }]);
            await ann.AddClubsAsync(db, c);
            await ann.RemoveClubAsync(db, c[2]);
            return ((d, ct) => ann.SetClubsAsync(d, [c[1], c[2]], cancellationToken: ct), () => string.Join(",", c.Select(Link)));
        }),
        new("BelongsToMany Add, paranoid junction (restores with a payload)", async db =>
        {
            var ann = await db.InsertAsync(new Athlete { Name = "Ann" });
            var c = await db.InsertManyAsync([new Club { Name = "a" }, new Club { Name = "b" }, new Club { Name = "c" }]);
            await ann.AddClubsAsync(db, [c[0], c[1]]);
            await ann.RemoveClubsAsync(db, [c[0], c[1]]);
            return ((d, ct) => ann.AddClubsAsync(d, c, through: new Membership { Level = "silver" }, cancellationToken: ct), () => string.Join(",", c.Select(Link)));
        }),
        new("BelongsToMany Set, paranoid junction with delete hooks (row by row)", async db =>
        {
            var scout = await db.InsertAsync(new Scout { Name = "s" });
            var b = await db.InsertManyAsync([new Badge { Name = "a" }, new Badge { Name = "b" }, new Badge { Name = "c" }]);
            await scout.AddBadgesAsync(db, [b[0], b[1]]);
            return ((d, ct) => scout.SetBadgesAsync(d, [b[2]], cancellationToken: ct), () => string.Join(",", b.Select(x => Id(x.Award?.ScoutId))));
        }),
        new("HasMany Add with timestamps (each row's UpdatedAt)", async db =>
        {
            var home = await db.InsertAsync(new Household { Name = "home" });
            var chores = await db.InsertManyAsync([new Chore { Title = "a" }, new Chore { Title = "b" }]);
            var stamps = chores.Select(x => x.UpdatedAt).ToList();
            return ((d, ct) => home.AddChoresAsync(d, chores, ct),
                () => string.Join(",", chores.Select((x, i) => $"{Id(x.HouseholdId)}:{Stamp(x.UpdatedAt, stamps[i])}")));
        }),
        new("BelongsTo Set with timestamps (the row's UpdatedAt)", async db =>
        {
            var home = await db.InsertAsync(new Household { Name = "home" });
            var other = await db.InsertAsync(new Household { Name = "other" });
            var chore = await home.CreateChoreAsync(db, new Chore { Title = "a" });
            var stamp = chore.UpdatedAt;
            return ((d, ct) => chore.SetHouseholdAsync(d, other, ct), () => $"{Id(chore.HouseholdId)} {Stamp(chore.UpdatedAt, stamp)}");
        }),
        new("Soft delete, update and restore inside InTransactionAsync", async db =>
        {
            var home = await db.InsertAsync(new Household { Name = "home" });
            var chore = await home.CreateChoreAsync(db, new Chore { Title = "a" });
            var gone = await home.CreateChoreAsync(db, new Chore { Title = "b" });
            await db.DeleteAsync(gone);
            home.Name = "house";
            var (updated, homeUpdated, deleted) = (chore.UpdatedAt, home.UpdatedAt, gone.DeletedAt);
            return ((d, ct) => d.InTransactionAsync(async () =>
            {
                await d.DeleteAsync(chore, ct);
                await d.UpdateAsync(home, ct);
                await d.RestoreAsync(gone, ct);
            }, ct), () => $"{Stamp(chore.DeletedAt, null)} {Stamp(chore.UpdatedAt, updated)} {Stamp(home.UpdatedAt, homeUpdated)} {Stamp(gone.DeletedAt, deleted)}");
        }),
    ];

    private static TheoryData<string, string, FaultKind> Cases(string engine)
    {
        var data = new TheoryData<string, string, FaultKind>();
        foreach (var scenario in Scenarios)
            foreach (var kind in new[] { FaultKind.Fail, FaultKind.Cancel })
                data.Add(engine, scenario.Name, kind);
        return data;
    }

    public static TheoryData<string, string, FaultKind> SqliteCases() => Cases(Engines.Sqlite);

    public static TheoryData<string, string, FaultKind> PostgresCases() => Cases(Engines.Postgres);

    [Theory]
    [MemberData(nameof(SqliteCases))]
    public Task Every_step_faulted_on_sqlite(string engine, string scenarioName, FaultKind kind) =>
        Every_step_faulted_leaves_the_operation_whole_or_absent(engine, scenarioName, kind);

    [PostgresTheory]
    [MemberData(nameof(PostgresCases))]
    public Task Every_step_faulted_on_postgres(string engine, string scenarioName, FaultKind kind) =>
        Every_step_faulted_leaves_the_operation_whole_or_absent(engine, scenarioName, kind);

    private static async Task Every_step_faulted_leaves_the_operation_whole_or_absent(string engine, string scenarioName, FaultKind kind)
    {
        var scenario = Scenarios.Single(s => s.Name == scenarioName);

        // A clean run: how many steps, and what "after" looks like.
        int steps;
        List<string> after;
        string memoryAfter;
        // PostgreSQL: one schema for the whole sweep, emptied (identities restarted) before each run; SQLite: a new in-memory database each time.
        await using var shared = engine == Engines.Postgres ? await FaultyDb.CreateAsync(engine) : null;
        async Task<FaultyDb> FreshAsync()
        {
            if (shared is null) return await FaultyDb.CreateAsync(engine);
            await shared.EmptyAsync();
            return shared;
        }

        await using (var clean = new Lease(await FreshAsync(), shared))
        {
            var (act, memory) = await scenario.Setup(clean.Db.Db);
            await clean.Db.MarkBaselineAsync();
            clean.Db.Plan.Arm(0, kind, null);
            await act(clean.Db.Db, CancellationToken.None);
            steps = clean.Db.Plan.Steps;
            after = await clean.Db.DumpAsync();
            memoryAfter = memory();
        }
        Assert.True(steps >= 1, $"{scenarioName}: no step counted");

        for (var k = 1; k <= steps; k++)
        {
            await using var lease = new Lease(await FreshAsync(), shared);
            var t = lease.Db;
            var (act, memory) = await scenario.Setup(t.Db);
            await t.MarkBaselineAsync();
            var before = await t.DumpAsync();
            var memoryBefore = memory();
            using var cts = new CancellationTokenSource();
            t.Plan.Arm(k, kind, cts);
            Exception? error = null;
            try
            {
                await act(t.Db, cts.Token);
            }
            catch (Exception e)
            {
                error = e;
            }
            t.Plan.Disarm();
            var where = $"{scenarioName}, {kind} at step {k} of {steps}";
            Assert.True(t.Plan.Fired, where + ": the fault did not fire");

            Assert.Null(t.Db.CurrentTransaction);
            var now = await t.DumpAsync();
            if (error is null)
            {
                // Only a cancellation that came after the last check may let the operation complete.
                Assert.True(kind == FaultKind.Cancel, where + ": a failed step went unnoticed");
                Assert.Equal(after, now);
                Assert.Equal(memoryAfter, memory());
            }
            else
            {
                if (kind == FaultKind.Fail) Assert.True(Chain(error).Any(e => e is InjectedFaultException), where + ": " + error);
                else Assert.True(Chain(error).Any(e => e is OperationCanceledException), where + ": " + error);
                Assert.True(before.SequenceEqual(now), where + ": the database is neither before nor after:\n" + string.Join("\n", now));
                Assert.True(memoryBefore == memory(), $"{where}: in-memory values {memory()} were not put back to {memoryBefore}");
            }

            // The session is usable afterwards.
            var entry = await t.Db.InsertAsync(new AuditEntry { Text = "after the fault" });
            Assert.Equal(1L, await t.Db.ScalarSqlAsync<long>("SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"Id\" = @id", new { id = entry.Id }));
        }
    }

    /// <summary>Disposes a database unless it is the sweep's shared one.</summary>
    private sealed class Lease(FaultyDb db, FaultyDb? shared) : IAsyncDisposable
    {
        public FaultyDb Db { get; } = db;

        public ValueTask DisposeAsync() => ReferenceEquals(Db, shared) ? ValueTask.CompletedTask : Db.DisposeAsync();
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException) yield return e;
    }

    /// <summary>A fresh database whose session runs on a <see cref="FaultyConnection"/>; rows are dumped through the inner connection.</summary>
    private sealed class FaultyDb : IAsyncDisposable
    {
        private readonly Func<ValueTask> _cleanup;

        private FaultyDb(DbSession db, FaultyConnection connection, Func<ValueTask> cleanup)
        {
            Db = db;
            Connection = connection;
            _cleanup = cleanup;
        }

        public DbSession Db { get; }

        public FaultyConnection Connection { get; }

        public FaultPlan Plan => Connection.Plan;

        public bool IsPostgres => Db.Dialect.Kind == DialectKind.PostgreSql;

        public static async Task<FaultyDb> CreateAsync(string engine)
        {
            FaultyDb created;
            if (engine == Engines.Postgres)
            {
                var baseCs = Engines.PostgresConnectionString!;
                var schema = "f_" + Guid.NewGuid().ToString("N");
                await using (var admin = new NpgsqlConnection(baseCs))
                {
                    await admin.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", admin);
                    await create.ExecuteNonQueryAsync();
                }
                var cs = new NpgsqlConnectionStringBuilder(baseCs) { SearchPath = schema, Pooling = false }.ConnectionString;
                var connection = new FaultyConnection(new NpgsqlConnection(cs), new FaultPlan());
                var db = new DbSession(connection, dialect: Dialect.PostgreSql);
                created = new FaultyDb(db, connection, async () =>
                {
                    await db.DisposeAsync();
                    await using var admin = new NpgsqlConnection(baseCs);
                    await admin.OpenAsync();
                    await using var drop = new NpgsqlCommand($"DROP SCHEMA \"{schema}\" CASCADE", admin);
                    await drop.ExecuteNonQueryAsync();
                });
            }
            else
            {
                var connection = new FaultyConnection(new SqliteConnection("Data Source=:memory:"), new FaultPlan());
                var db = new DbSession(connection, dialect: Dialect.Sqlite);
                created = new FaultyDb(db, connection, () => db.DisposeAsync());
            }
            await created.Db.SyncAsync<User>();
            await created.Db.SyncAsync<Folder>();
            await created.Db.SyncAsync<AuditEntry>();
            await created.Db.SyncAsync<Playlist>();
            await created.Db.SyncAsync<Household>();
            await created.Db.SyncAsync<Athlete>();
            await created.Db.SyncAsync<Scout>();
            return created;
        }

        /// <summary>Empties every table and restarts identities (plain SQL on the inner connection, not counted as steps).</summary>
        public async Task EmptyAsync()
        {
            var tables = await TablesAsync();
            await using var truncate = Connection.Inner.CreateCommand();
            truncate.CommandText = "TRUNCATE " + string.Join(", ", tables.Select(t => "\"" + t + "\"")) + " RESTART IDENTITY CASCADE";
            await truncate.ExecuteNonQueryAsync();
        }

        private async Task<List<string>> TablesAsync()
        {
            var tables = new List<string>();
            await using var list = Connection.Inner.CreateCommand();
            list.CommandText = IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1"
                : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            return tables;
        }

        /// <summary>The lifecycle values (<c>CreatedAt</c>, <c>UpdatedAt</c>, <c>DeletedAt</c>) the data had when <see cref="MarkBaselineAsync"/> ran.</summary>
        private HashSet<string> _baseline = new(StringComparer.Ordinal);

        /// <summary>Remembers the lifecycle values written so far (by a scenario's setup), so that dumps can tell them from new ones.</summary>
        public async Task MarkBaselineAsync()
        {
            _baseline = new HashSet<string>(StringComparer.Ordinal);
            await ReadRowsAsync((_, name, value) =>
            {
                if (IsLifecycle(name) && value is not null) _baseline.Add(value);
                return "";
            });
        }

        /// <summary>
        /// Every row of every table, as text, sorted (plain SQL on the inner connection, not through the library). A lifecycle
        /// timestamp differs from run to run, so it is written as <c>null</c>, <c>old</c> (a value the baseline had) or <c>new</c>
        /// (written since): a rolled-back soft delete or touch still shows, as a <c>new</c> where <c>old</c>/<c>null</c> was.
        /// </summary>
        public Task<List<string>> DumpAsync() =>
            ReadRowsAsync((_, name, value) => value is null ? "null" : !IsLifecycle(name) ? value : _baseline.Contains(value) ? "old" : "new");

        private static bool IsLifecycle(string column) =>
            column.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() is "createdat" or "updatedat" or "deletedat";

        /// <summary>A cell as text; a timestamp to the tick ("O"), since Convert.ToString stops at the second and a stamp written by
        /// the operation in the same second as the setup's would pass for old.</summary>
        private static string Text(object value) => value switch
        {
            DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };

        private async Task<List<string>> ReadRowsAsync(Func<string, string, string?, string> cell)
        {
            var inner = Connection.Inner;
            var tables = await TablesAsync();
            var rows = new List<string>();
            foreach (var table in tables)
            {
                await using var select = inner.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var values = new string[reader.FieldCount];
                    for (var i = 0; i < values.Length; i++)
                        values[i] = cell(table, reader.GetName(i),
                            reader.IsDBNull(i) ? null : Text(reader.GetValue(i)));
                    rows.Add(table + ": " + string.Join(" | ", values));
                }
            }
            rows.Sort(StringComparer.Ordinal);
            return rows;
        }

        public ValueTask DisposeAsync() => _cleanup();
    }
}
