using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>Every loaded graph is checked against plain-SQL counts and ids.</summary>
public class IncludeTests
{
    /// <summary>Five users: user i has i posts (0..4), users 1 and 3 have a profile, post j has j % 3 comments.</summary>
    private static async Task<(TestDb t, List<User> users)> Blog(string engine)
    {
        var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var users = new List<User>();
        var postNo = 0;
        for (var i = 0; i < 5; i++)
        {
            var user = await db.InsertAsync(new User { Name = "U" + i });
            users.Add(user);
            if (i % 2 == 1) await user.CreateProfileAsync(db, new Profile { Bio = "bio" + i });
            for (var p = 0; p < i; p++)
            {
                var post = await user.CreateArticleAsync(db, new Post { Title = $"U{i}P{p}", Status = p % 2 == 0 ? "published" : "draft" });
                for (var c = 0; c < postNo % 3; c++) await post.CreateCommentAsync(db, new Comment { Body = $"c{c}" });
                postNo++;
            }
        }
        return (t, users);
    }

    private static async Task<Dictionary<int, List<int>>> PostIdsByAuthor(TestDb t) =>
        (await t.Rows<(int, int)>("SELECT \"AuthorId\", \"Id\" FROM \"Posts\" ORDER BY \"Id\""))
            .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToList());

    [Theory, Sqlite, Postgres]
    public async Task To_many_and_to_one_includes_match_the_rows(string engine)
    {
        var (t, _) = await Blog(engine);
        await using var __ = t;
        var expected = await PostIdsByAuthor(t);

        var users = await t.Db.Query<User>().OrderBy(User.Columns.Id).IncludeArticles().IncludeProfile().ToListAsync();

        Assert.Equal(5, users.Count);
        foreach (var user in users)
        {
            Assert.NotNull(user.Articles); // included but empty is an empty list
            Assert.Equal(expected.GetValueOrDefault(user.Id) ?? [], user.Articles!.Select(p => p.Id).Order());
            Assert.All(user.Articles!, p => Assert.Equal(user.Id, p.AuthorId));
            var profileId = await t.Scalar<int?>("SELECT \"Id\" FROM \"Profiles\" WHERE \"UserId\" = @id", new { id = user.Id });
            Assert.Equal(profileId, user.Profile?.Id);
            Assert.Null(user.Roles); // not included stays null
        }
    }

    [Theory, Sqlite, Postgres]
    public async Task Nested_includes_to_any_depth(string engine)
    {
        var (t, _) = await Blog(engine);
        await using var __ = t;

        var users = await t.Db.Query<User>()
            .IncludeArticles(a => a.IncludeComments(c => c.IncludePost(p => p.IncludeAuthor(u => u.IncludeProfile()))))
            .ToListAsync();

        var comments = users.SelectMany(u => u.Articles!).SelectMany(p => p.Comments!).ToList();
        Assert.Equal(await t.Count("Comments"), comments.Count);
        foreach (var user in users)
            foreach (var post in user.Articles!)
            {
                Assert.Equal(await t.Count("Comments", "\"PostId\" = @id", new { id = post.Id }), post.Comments!.Count);
                foreach (var comment in post.Comments!)
                {
                    Assert.Equal(post.Id, comment.Post!.Id);
                    Assert.Equal(user.Id, comment.Post.Author!.Id);
                }
            }
        var withProfile = users.SelectMany(u => u.Articles!).SelectMany(p => p.Comments!).Select(c => c.Post!.Author!).Where(a => a.Profile is not null).Select(a => a.Id).Distinct().Order();
        var expected = await t.Rows<int>("SELECT DISTINCT p.\"AuthorId\" FROM \"Comments\" c JOIN \"Posts\" p ON p.\"Id\" = c.\"PostId\" JOIN \"Profiles\" f ON f.\"UserId\" = p.\"AuthorId\" ORDER BY 1");
        Assert.Equal(expected, withProfile);
    }

    [Theory, Sqlite, Postgres]
    public async Task Filters_order_and_per_parent_limits_inside_an_include(string engine)
    {
        var (t, _) = await Blog(engine);
        await using var __ = t;

        var users = await t.Db.Query<User>().OrderBy(User.Columns.Id)
            .IncludeArticles(a => a.OrderByDescending(Post.Columns.Id).Limit(2))
            .ToListAsync();
        var expected = await PostIdsByAuthor(t);
        foreach (var user in users)
            Assert.Equal((expected.GetValueOrDefault(user.Id) ?? []).OrderDescending().Take(2), user.Articles!.Select(p => p.Id));

        var paged = await t.Db.Query<User>().IncludeArticles(a => a.OrderBy(Post.Columns.Id).Offset(1).Limit(2)).ToListAsync();
        foreach (var user in paged)
            Assert.Equal((expected.GetValueOrDefault(user.Id) ?? []).Skip(1).Take(2), user.Articles!.Select(p => p.Id));

        var published = await t.Db.Query<User>().IncludeArticles(a => a.Where(Post.Columns.Status == "published")).ToListAsync();
        Assert.Equal(await t.Count("Posts", "\"Status\" = 'published'"), published.Sum(u => u.Articles!.Count));
        Assert.All(published.SelectMany(u => u.Articles!), p => Assert.Equal("published", p.Status));
    }

    [Theory, Sqlite, Postgres]
    public async Task Required_includes_keep_only_parents_with_a_match(string engine)
    {
        var (t, users) = await Blog(engine);
        await using var __ = t;

        var withProfile = await t.Db.Query<User>().IncludeProfile(p => p.Required()).ToListAsync();
        Assert.Equal([users[1].Id, users[3].Id], withProfile.Select(u => u.Id).Order());

        var withDrafts = await t.Db.Query<User>().IncludeArticles(a => a.Where(Post.Columns.Status == "draft").Required()).ToListAsync();
        var expected = await t.Rows<int>("SELECT DISTINCT \"AuthorId\" FROM \"Posts\" WHERE \"Status\" = 'draft' ORDER BY 1");
        Assert.Equal(expected, withDrafts.Select(u => u.Id).Order());
        Assert.All(withDrafts, u => Assert.NotEmpty(u.Articles!));

        Assert.Equal(expected.Count, await t.Db.Query<User>().IncludeArticles(a => a.Where(Post.Columns.Status == "draft").Required()).CountAsync());
        Assert.Equal(2, await t.Db.Query<User>().IncludeProfile(p => p.Required()).IncludeArticles().CountAsync());
    }

    [Theory, Sqlite, Postgres]
    public async Task Limit_on_the_parent_stays_correct_and_count_counts_parents(string engine)
    {
        var (t, users) = await Blog(engine);
        await using var __ = t;

        var page = await t.Db.Query<User>().OrderByDescending(User.Columns.Id).Limit(2).IncludeArticles().IncludeProfile().ToListAsync();

        Assert.Equal([users[4].Id, users[3].Id], page.Select(u => u.Id));
        Assert.Equal([4, 3], page.Select(u => u.Articles!.Count));
        Assert.Equal(5, await t.Db.Query<User>().IncludeArticles().IncludeProfile().CountAsync());
        Assert.True(await t.Db.Query<User>().IncludeArticles(a => a.Required()).AnyAsync());
    }

    [Theory, Sqlite, Postgres]
    public async Task Two_includes_of_one_target_and_self_associations(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Team>();
        await db.SyncAsync<Human>();
        var a = await db.InsertAsync(new Team { Name = "A" });
        var b = await db.InsertAsync(new Team { Name = "B" });
        var g1 = await db.InsertAsync(new Game { Venue = "g1", HomeTeamId = a.Id, AwayTeamId = b.Id });
        var g2 = await db.InsertAsync(new Game { Venue = "g2", HomeTeamId = b.Id });

        var games = await db.Query<Game>().OrderBy(Game.Columns.Id).IncludeHomeTeam().IncludeAwayTeam().ToListAsync();
        Assert.Equal(["A", "B"], games.Select(g => g.HomeTeam!.Name));
        Assert.Equal("B", games[0].AwayTeam!.Name);
        Assert.Null(games[1].AwayTeam);

        var teams = await db.Query<Team>().OrderBy(Team.Columns.Id).IncludeHomeGames().IncludeAwayGames().ToListAsync();
        Assert.Equal([[g1.Id], [g2.Id]], teams.Select(x => x.HomeGames!.Select(g => g.Id).ToArray()));
        Assert.Equal([[], [g1.Id]], teams.Select(x => x.AwayGames!.Select(g => g.Id).ToArray()));

        var mum = await db.InsertAsync(new Human { Name = "Mum" });
        var kid = await db.InsertAsync(new Human { Name = "Kid" });
        await mum.AddChildAsync(db, kid);
        var humans = await db.Query<Human>().OrderBy(Human.Columns.Id).IncludeChildren().IncludeParents().ToListAsync();
        Assert.Equal(["Kid"], humans[0].Children!.Select(h => h.Name));
        Assert.Empty(humans[0].Parents!);
        Assert.Equal(["Mum"], humans[1].Parents!.Select(h => h.Name));
    }

    [Theory, Sqlite, Postgres]
    public async Task Many_to_many_includes_carry_the_junction_row_and_filter_on_it(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var jane = await db.InsertAsync(new User { Name = "Jane" });
        var projects = new List<Project>();
        for (var i = 0; i < 4; i++) projects.Add(await db.InsertAsync(new Project { Title = "P" + i }));
        for (var i = 0; i < 4; i++) await john.AddProjectAsync(db, projects[i], through: new UserProject { Status = i % 2 == 0 ? "active" : "done", Hours = i });
        await jane.AddProjectAsync(db, projects[0], through: new UserProject { Status = "done" });

        var users = await db.Query<User>().OrderBy(User.Columns.Id).IncludeProjects().ToListAsync();
        Assert.Equal([4, 1], users.Select(u => u.Projects!.Count));
        Assert.Equal(["active", "done", "active", "done"], users[0].Projects!.OrderBy(p => p.Id).Select(p => p.UserProject!.Status));
        Assert.Equal("done", users[1].Projects![0].UserProject!.Status);
        // Both keys of every junction row are right (the target's is not read twice but copied from the target).
        Assert.All(users, u => Assert.All(u.Projects!, p => Assert.Equal((u.Id, p.Id), (p.UserProject!.UserId, p.UserProject.ProjectId))));
        var thin = await db.Query<User>().IncludeProjects(p => p.Select(Project.Columns.Title)).ToListAsync();
        Assert.All(thin, u => Assert.All(u.Projects!, p => Assert.Equal((u.Id, p.Id), (p.UserProject!.UserId, p.UserProject.ProjectId))));

        var active = await db.Query<User>().OrderBy(User.Columns.Id).IncludeProjects(through: j => j.Where(UserProject.Columns.Status == "active")).ToListAsync();
        Assert.Equal([2, 0], active.Select(u => u.Projects!.Count));

        var top = await db.Query<User>().OrderBy(User.Columns.Id).IncludeProjects(p => p.OrderByDescending(Project.Columns.Id).Limit(2)).ToListAsync();
        Assert.Equal([projects[3].Id, projects[2].Id], top[0].Projects!.Select(p => p.Id));

        var onlyActive = await db.Query<User>().IncludeProjects(p => p.Required(), through: j => j.Where(UserProject.Columns.Status == "active")).ToListAsync();
        Assert.Equal([john.Id], onlyActive.Select(u => u.Id));

        var admin = await db.InsertAsync(new Role { Name = "admin" });
        await john.CreateProfileAsync(db, new Profile { Bio = "john" });
        await admin.AddUsersAsync(db, [john, jane]);
        var roles = await db.Query<Role>().IncludeUsers(u => u.OrderBy(User.Columns.Id).IncludeProfile()).ToListAsync();
        Assert.Equal([john.Id, jane.Id], roles[0].Users!.Select(u => u.Id));
        Assert.Equal(["john", null], roles[0].Users!.Select(u => u.Profile?.Bio));
        Assert.All(roles[0].Users!, u => Assert.Equal((admin.Id, u.Id), (u.UserRoles!.RoleId, u.UserRoles.UserId)));
    }

    [Theory, Sqlite, Postgres]
    public async Task Load_includes_for_rows_already_in_memory(string engine)
    {
        var (t, users) = await Blog(engine);
        await using var __ = t;
        var expected = await PostIdsByAuthor(t);
        var fresh = await t.Db.Query<User>().OrderBy(User.Columns.Id).ToListAsync();

        await t.Db.LoadAsync(fresh, q => q.IncludeArticles(a => a.IncludeComments()).IncludeProfile());

        Assert.Equal(users.Select(u => (expected.GetValueOrDefault(u.Id) ?? []).Count), fresh.Select(u => u.Articles!.Count));
        Assert.Equal([false, true, false, true, false], fresh.Select(u => u.Profile is not null));
        Assert.Equal(await t.Count("Comments"), fresh.Sum(u => u.Articles!.Sum(p => p.Comments!.Count)));

        var posts = await t.Db.Query<Post>().ToListAsync();
        await t.Db.LoadAsync(posts, q => q.IncludeAuthor());
        Assert.All(posts, p => Assert.Equal(p.AuthorId, p.Author!.Id));
    }

    [Theory, Sqlite, Postgres]
    public async Task Loading_into_two_objects_of_one_row_gives_each_its_own_list(string engine)
    {
        var (t, users) = await Blog(engine);
        await using var __ = t;
        var expected = await PostIdsByAuthor(t);
        var first = await t.Db.Query<User>().Where(User.Columns.Id == users[4].Id).FirstOrDefaultAsync();
        var second = await t.Db.Query<User>().Where(User.Columns.Id == users[4].Id).FirstOrDefaultAsync();
        var noKey = new User { Name = "not saved" };

        await t.Db.LoadAsync([first!, second!, noKey], q => q.IncludeArticles());

        Assert.Equal(expected[users[4].Id], first!.Articles!.Select(p => p.Id).Order());
        Assert.Equal(expected[users[4].Id], second!.Articles!.Select(p => p.Id).Order());
        Assert.NotSame(first.Articles, second.Articles);
        Assert.Empty(noKey.Articles!);
    }

    [Theory, Sqlite, Postgres]
    public async Task Getters_accept_includes(string engine)
    {
        var (t, users) = await Blog(engine);
        await using var __ = t;

        var posts = await users[4].GetArticlesAsync(t.Db, q => q.IncludeComments().IncludeAuthor());

        Assert.Equal(4, posts.Count);
        Assert.All(posts, p => Assert.Equal(users[4].Id, p.Author!.Id));
        Assert.Equal(await t.Count("Comments", "\"PostId\" IN (SELECT \"Id\" FROM \"Posts\" WHERE \"AuthorId\" = @id)", new { id = users[4].Id }), posts.Sum(p => p.Comments!.Count));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_to_many_level_over_100000_parents(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        const int count = 100_000;
        // Bulk-fill with plain SQL (the include is what is under test, not the inserts).
        if (t.IsPostgres)
        {
            await db.ExecuteSqlAsync($"INSERT INTO \"Users\" (\"Name\") SELECT 'u' || g FROM generate_series(1, {count}) g");
            await db.ExecuteSqlAsync("INSERT INTO \"Posts\" (\"Title\", \"Status\", \"AuthorId\") SELECT 'p', 'draft', \"Id\" FROM \"Users\" WHERE \"Id\" % 10 = 0");
        }
        else
        {
            await db.ExecuteSqlAsync($"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {count}) INSERT INTO \"Users\" (\"Name\") SELECT 'u' || n FROM g");
            await db.ExecuteSqlAsync("INSERT INTO \"Posts\" (\"Title\", \"Status\", \"AuthorId\") SELECT 'p', 'draft', \"Id\" FROM \"Users\" WHERE \"Id\" % 10 = 0");
        }

        // A filtered root query: its to-many level selects by the parent query itself (a sub-select).
        var users = await db.Query<User>().Where(User.Columns.Id > 0).IncludeArticles().ToListAsync();
        Assert.Equal(count, users.Count);
        Assert.Equal(count / 10, users.Sum(u => u.Articles!.Count));
        Assert.All(users, u => Assert.Equal(u.Id % 10 == 0 ? 1 : 0, u.Articles!.Count));

        // Rows already in memory: 100,000 keys travel as one parameter (JSON on SQLite, an array on PostgreSQL).
        var fresh = await db.Query<User>().ToListAsync();
        await db.LoadAsync(fresh, q => q.IncludeArticles());
        Assert.Equal(count / 10, fresh.Sum(u => u.Articles!.Count));

        // The whole table: no key list at all.
        var all = await db.Query<User>().IncludeArticles().ToListAsync();
        Assert.Equal(count / 10, all.Sum(u => u.Articles!.Count));
    }
}
