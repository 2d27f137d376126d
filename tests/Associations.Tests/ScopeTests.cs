using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

public class ScopeTests
{
    private static async Task<(TestDb t, Writer ann, Article[] a)> Articles(string engine)
    {
        var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Writer>();
        var ann = await db.InsertAsync(new Writer { Name = "Ann" });
        var a = new[]
        {
            await ann.CreateArticleAsync(db, new Article { Title = "live", Status = "published" }),
            await ann.CreateArticleAsync(db, new Article { Title = "draft" }),
            await ann.CreateArticleAsync(db, new Article { Title = "gone", Status = "published", DeletedAt = new DateTime(2024, 1, 1) }),
            await db.InsertAsync(new Article { Title = "orphan", Status = "published" }),
        };
        return (t, ann, a);
    }

    [Theory, Sqlite, Postgres]
    public async Task Named_scopes_compose_with_where_and_includes(string engine)
    {
        var (t, ann, a) = await Articles(engine);
        await using var _ = t;

        var published = await t.Db.Query<Article>().Published().OrderBy(Article.Columns.Id).ToListAsync();
        Assert.Equal([a[0].Id, a[3].Id], published.Select(x => x.Id)); // the default scope hides the deleted one

        var withWriter = await t.Db.Query<Article>().Published().WithWriter().Where(Article.Columns.Title == "live").ToListAsync();
        Assert.Equal("Ann", Assert.Single(withWriter).Writer!.Name);
        Assert.Equal(2, await t.Db.Query<Article>().Published().CountAsync());
    }

    [Theory, Sqlite, Postgres]
    public async Task The_default_scope_applies_everywhere_until_unscoped(string engine)
    {
        var (t, ann, a) = await Articles(engine);
        await using var _ = t;
        var db = t.Db;

        Assert.Equal(3, await db.Query<Article>().CountAsync());
        Assert.Equal(4, await db.Query<Article>().Unscoped().CountAsync());
        Assert.Equal(3, await db.Query<Article>().Unscoped().Published().CountAsync());
        Assert.Null(await db.FindAsync<Article>(a[2].Id));
        Assert.NotNull(await db.FindAsync<Article>(a[1].Id));
        Assert.Equal(2, (await ann.GetArticlesAsync(db)).Count);
        Assert.Equal(2, await ann.CountArticlesAsync(db));
        Assert.Equal(3, await ann.CountArticlesAsync(db, q => q.Unscoped()));
        var writers = await db.Query<Writer>().IncludeArticles().ToListAsync();
        Assert.Equal(2, writers[0].Articles!.Count);
        Assert.Equal(4, await t.Count("Articles")); // nothing was deleted, only hidden
    }
}

public class HookTests
{
    private static Task<List<string>> Log(TestDb t) => t.Rows<string>("SELECT \"Text\" FROM \"AuditEntries\" ORDER BY \"Id\"");

    [Theory, Sqlite, Postgres]
    public async Task Crud_runs_the_hooks_in_the_same_transaction(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();

        var doc = await db.InsertAsync(new Doc { Title = "a" });
        doc.Title = "b";
        await db.UpdateAsync(doc);
        await db.DeleteAsync(doc);

        Assert.Equal([
            "before insert doc a", $"after insert doc a #{doc.Id}",
            "before update doc b folder none", "after update doc b",
            "before delete doc b", "after delete doc b"], await Log(t));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_throwing_hook_rolls_back_the_whole_operation(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();
        var frozen = await db.InsertAsync(new Doc { Title = "frozen" });
        var before = await Log(t);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.UpdateAsync(frozen));

        Assert.Equal(before, await Log(t));
        Assert.Null(db.CurrentTransaction);
    }

    [Theory, Sqlite, Postgres]
    public async Task Accessors_that_change_a_foreign_key_run_update_hooks(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();
        var folder = await db.InsertAsync(new Folder { Name = "f" });
        var d1 = await db.InsertAsync(new Doc { Title = "d1" });
        var d2 = await db.InsertAsync(new Doc { Title = "d2" });
        await db.ExecuteSqlAsync("DELETE FROM \"AuditEntries\"");

        await folder.AddDocsAsync(db, [d1, d2]);
        await folder.RemoveDocAsync(db, d1);
        await folder.SetDocsAsync(db, [d1]);

        Assert.Equal([
            $"before update doc d1 folder {folder.Id}", "after update doc d1",
            $"before update doc d2 folder {folder.Id}", "after update doc d2",
            "before update doc d1 folder none", "after update doc d1",
            "before update doc d2 folder none", "after update doc d2",
            $"before update doc d1 folder {folder.Id}", "after update doc d1"], await Log(t));
        Assert.Equal([d1.Id], await t.Rows<int>("SELECT \"Id\" FROM \"Docs\" WHERE \"FolderId\" = @id", new { id = folder.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task Hooks_true_deletes_children_through_the_runtime_recursively(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();
        var folder = await db.InsertAsync(new Folder { Name = "f" });
        var doc = await folder.CreateDocAsync(db, new Doc { Title = "d" });
        await doc.CreateNoteAsync(db, new Note { Text = "n1" });
        await doc.CreateNoteAsync(db, new Note { Text = "n2" });
        await db.ExecuteSqlAsync("DELETE FROM \"AuditEntries\"");

        await db.DeleteAsync(folder);

        Assert.Equal(["before delete folder f", "before delete doc d", "after delete note n1", "after delete note n2", "after delete doc d", "after delete folder f"], await Log(t));
        Assert.Equal(0, await t.Count("Notes"));
        Assert.Equal(0, await t.Count("Docs"));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_hook_that_throws_during_a_cascade_leaves_nothing_half_deleted(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();
        var folder = await db.InsertAsync(new Folder { Name = "f" });
        var first = await folder.CreateDocAsync(db, new Doc { Title = "first" });
        await first.CreateNoteAsync(db, new Note { Text = "n" });
        await folder.CreateDocAsync(db, new Doc { Title = "locked" });
        var audit = await t.Count("AuditEntries");

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.DeleteAsync(folder));

        Assert.Equal(1, await t.Count("Folders"));
        Assert.Equal(2, await t.Count("Docs"));
        Assert.Equal(1, await t.Count("Notes"));
        Assert.Equal(audit, await t.Count("AuditEntries"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Many_to_many_accessors_run_the_junction_hooks_only(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();
        var folder = await db.InsertAsync(new Folder { Name = "f" });
        var red = await db.InsertAsync(new Label { Name = "red" });
        var blue = await db.InsertAsync(new Label { Name = "blue" });
        await db.ExecuteSqlAsync("DELETE FROM \"AuditEntries\"");

        await folder.AddLabelAsync(db, red, through: new DocLabel { Color = "red" });
        await folder.AddLabelAsync(db, red); // already linked: nothing written, no hook
        await folder.SetLabelsAsync(db, [blue]);

        Assert.Equal([
            $"link folder {folder.Id} label {red.Id} red",
            $"unlink folder {folder.Id} label {red.Id}",
            $"link folder {folder.Id} label {blue.Id} grey"], await Log(t));
    }
}
