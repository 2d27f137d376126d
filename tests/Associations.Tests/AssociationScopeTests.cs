using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

public class AssociationScopeTests
{
    private static async Task<(TestDb t, Image image, Video video)> Media(string engine)
    {
        var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<Image>();
        await t.Db.SyncAsync<Video>();
        // Same key on purpose: only the scope tells the two parents apart.
        var image = await t.Db.InsertAsync(new Image { Url = "a.png" });
        var video = await t.Db.InsertAsync(new Video { Title = "clip" });
        Assert.Equal(image.Id, video.Id);
        return (t, image, video);
    }

    [Theory, Sqlite, Postgres]
    public async Task Reads_see_only_their_scope_and_writes_set_it(string engine)
    {
        var (t, image, video) = await Media(engine);
        await using var _ = t;
        var db = t.Db;

        var nice = await image.CreateRemarkAsync(db, new Remark { Body = "nice pic" });
        await video.CreateRemarkAsync(db, new Remark { Body = "great clip" });
        var loose = await db.InsertAsync(new Remark { Body = "loose" });
        await video.AddRemarkAsync(db, loose);

        Assert.Equal("image", nice.CommentableType);
        Assert.Equal("video", loose.CommentableType);
        Assert.Equal(["nice pic"], (await image.GetRemarksAsync(db)).Select(r => r.Body));
        Assert.Equal(["great clip", "loose"], (await video.GetRemarksAsync(db, q => q.OrderBy(Remark.Columns.Id))).Select(r => r.Body));
        Assert.Equal(1, await image.CountRemarksAsync(db));
        Assert.Equal(2, await video.CountRemarksAsync(db));
        Assert.Equal(2, await t.Count("Remarks", "\"CommentableType\" = 'video'"));
        Assert.False(await image.HasRemarkAsync(db, loose));

        var images = await db.Query<Image>().IncludeRemarks().ToListAsync();
        Assert.Equal(["nice pic"], images[0].Remarks!.Select(r => r.Body));
    }

    [Theory, Sqlite, Postgres]
    public async Task Remove_and_set_touch_only_rows_of_their_scope(string engine)
    {
        var (t, image, video) = await Media(engine);
        await using var _ = t;
        var db = t.Db;
        var forImage = await image.CreateRemarkAsync(db, new Remark { Body = "i" });
        var forVideo = await video.CreateRemarkAsync(db, new Remark { Body = "v" });

        await image.SetRemarksAsync(db, Array.Empty<Remark>());
        Assert.Equal(1, await t.Count("Remarks", "\"CommentableId\" IS NOT NULL"));
        Assert.Equal(video.Id, await t.Scalar<int>("SELECT \"CommentableId\" FROM \"Remarks\" WHERE \"Id\" = @id", new { id = forVideo.Id }));

        await image.RemoveRemarkAsync(db, forVideo); // a video's remark is not the image's to remove
        Assert.Equal(1, await video.CountRemarksAsync(db));
        Assert.Equal(0, await image.CountRemarksAsync(db));
        Assert.Null(await t.Scalar<int?>("SELECT \"CommentableId\" FROM \"Remarks\" WHERE \"Id\" = @id", new { id = forImage.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task Constraints_false_emits_no_constraint_and_no_cascade(string engine)
    {
        var (t, image, _) = await Media(engine);
        await using var __ = t;
        var db = t.Db;
        var script = Schema.Script(t.IsPostgres ? Dialect.PostgreSql : Dialect.Sqlite, typeof(Image));
        Assert.DoesNotContain("FOREIGN KEY (\"CommentableId\")", script);
        Assert.Contains("CREATE INDEX IF NOT EXISTS \"IX_Remarks_CommentableId\"", script);

        await db.InsertAsync(new Remark { Body = "dangling", CommentableId = 4242 }); // no constraint to refuse it
        await image.CreateRemarkAsync(db, new Remark { Body = "kept" });
        await db.DeleteAsync(image);

        Assert.Equal(2, await t.Count("Remarks")); // no cascade either
    }
}

public class AttributeSelectionTests
{
    [Theory, Sqlite, Postgres]
    public async Task Select_reads_only_the_given_columns_plus_keys(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John", Email = "j@x.org" });
        await john.CreateArticleAsync(db, new Post { Title = "T", Status = "published" });

        var users = await db.Query<User>().Select(User.Columns.Name).ToListAsync();
        Assert.Equal((john.Id, "John", (string?)null), (users[0].Id, users[0].Name, users[0].Email));

        var withPosts = await db.Query<User>().Select(User.Columns.Email).IncludeArticles(a => a.Select(Post.Columns.Title)).ToListAsync();
        var post = Assert.Single(withPosts[0].Articles!);
        Assert.Equal(("T", "draft", john.Id), (post.Title, post.Status, post.AuthorId)); // Status keeps its default; the key and FK are read
        Assert.Equal("", withPosts[0].Name);
        Assert.Equal("j@x.org", withPosts[0].Email);

        var got = await john.GetArticlesAsync(db, q => q.Select(Post.Columns.Status));
        Assert.Equal(("", "published"), (got[0].Title, got[0].Status));
    }

    [Theory, Sqlite, Postgres]
    public async Task ThroughSelect_picks_the_junction_columns(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var apollo = await db.InsertAsync(new Project { Title = "Apollo" });
        await john.AddProjectAsync(db, apollo, through: new UserProject { Status = "started", Hours = 7 });

        var projects = await john.GetProjectsAsync(db, q => q.Select(Project.Columns.Id).ThroughSelect(UserProject.Columns.Status));
        Assert.Equal(("", "started", 0, john.Id), (projects[0].Title, projects[0].UserProject!.Status, projects[0].UserProject!.Hours, projects[0].UserProject!.UserId));

        var users = await db.Query<User>().IncludeProjects(p => p.ThroughSelect(UserProject.Columns.Hours)).ToListAsync();
        var junction = users[0].Projects![0].UserProject!;
        Assert.Equal(("new", 7), (junction.Status, junction.Hours));
        Assert.Equal("Apollo", users[0].Projects![0].Title);
    }
}

public class PolymorphicManyToManyTests
{
    [Theory, Sqlite, Postgres]
    public async Task Two_sources_with_equal_keys_can_both_link_one_target(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<Photo>();
        await t.Db.SyncAsync<Story>();
        var photo = await t.Db.InsertAsync(new Photo());
        var story = await t.Db.InsertAsync(new Story());
        Assert.Equal(photo.Id, story.Id);
        var red = await t.Db.InsertAsync(new Sticker { Name = "red" });
        await photo.AddStickerAsync(t.Db, red);
        await story.AddStickerAsync(t.Db, red);
        await story.AddStickerAsync(t.Db, red); // still one link for the article
        Assert.Equal(2, await t.Count("Labelings"));
        Assert.Equal(1, await t.Count("Labelings", "\"LabelableType\" = 'photo'"));
        Assert.Equal(["red"], (await photo.GetStickersAsync(t.Db)).Select(l => l.Name));
        Assert.Equal(["red"], (await story.GetStickersAsync(t.Db)).Select(l => l.Name));
        await photo.RemoveStickerAsync(t.Db, red);
        Assert.Empty(await photo.GetStickersAsync(t.Db));
        Assert.Single(await story.GetStickersAsync(t.Db));
    }
}
