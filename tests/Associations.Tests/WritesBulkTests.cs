using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>SPEC §12: <c>Query&lt;T&gt;.UpdateAsync</c>/<c>DeleteAsync</c> — one statement for every matching row, checked with plain SQL.</summary>
public class WritesBulkTests
{
    private static async Task<TestDb> Options(string engine)
    {
        var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<Option>();
        await t.Db.InsertManyAsync(Enumerable.Range(1, 6).Select(i => new Option { Name = "o" + i, Value = i % 2 == 0 ? "even" : "odd", Hits = i, Note = "n" }));
        return t;
    }

    private static Task<List<string>> Values(TestDb t) => t.Rows<string>(
        "SELECT \"Name\" || ':' || \"Value\" || ':' || CAST(\"Hits\" AS TEXT) || ':' || COALESCE(\"Note\", 'null') FROM \"Options\" ORDER BY \"Id\"");

    [Theory, Sqlite, Postgres]
    public async Task Update_writes_every_matching_row_in_one_statement(string engine)
    {
        await using var t = await Options(engine);
        var db = t.Db;

        var written = await db.Query<Option>().Where(Option.Columns.Value == "even" & Option.Columns.Hits > 2)
            .UpdateAsync(s => s.Set(Option.Columns.Value, "big").Set(Option.Columns.Note, null).Set(Option.Columns.Hits, 0));

        Assert.Equal(2, written);
        Assert.Equal(["o1:odd:1:n", "o2:even:2:n", "o3:odd:3:n", "o4:big:0:null", "o5:odd:5:n", "o6:big:0:null"], await Values(t));
        Assert.Null(db.CurrentTransaction);
    }

    [Theory, Sqlite, Postgres]
    public async Task Update_without_where_writes_every_row_and_a_column_set_twice_keeps_the_last_value(string engine)
    {
        await using var t = await Options(engine);

        Assert.Equal(6, await t.Db.Query<Option>().UpdateAsync(s => s.Set(Option.Columns.Note, "a").Set(Option.Columns.Note, "b")));

        Assert.Equal(6, await t.Count("Options", "\"Note\" = 'b'"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Order_limit_and_offset_pick_the_rows_through_a_key_sub_select(string engine)
    {
        await using var t = await Options(engine);
        var db = t.Db;

        var updated = await db.Query<Option>().OrderByDescending(Option.Columns.Hits).Offset(1).Limit(2)
            .UpdateAsync(s => s.Set(Option.Columns.Value, "picked"));
        var deleted = await db.Query<Option>().Where(Option.Columns.Value != "picked").OrderBy(Option.Columns.Hits).Limit(2).DeleteAsync();

        Assert.Equal(2, updated);
        Assert.Equal(2, deleted);
        Assert.Equal(["o3:odd:3:n", "o4:picked:4:n", "o5:picked:5:n", "o6:even:6:n"], await Values(t));
    }

    [Theory, Sqlite, Postgres]
    public async Task Delete_removes_every_matching_row(string engine)
    {
        await using var t = await Options(engine);
        var db = t.Db;

        Assert.Equal(3, await db.Query<Option>().Where(Option.Columns.Value == "odd").DeleteAsync());
        Assert.Equal(0, await db.Query<Option>().Where(Option.Columns.Value == "odd").DeleteAsync());

        Assert.Equal(["o2:even:2:n", "o4:even:4:n", "o6:even:6:n"], await Values(t));
    }

    [Theory, Sqlite, Postgres]
    public async Task The_default_scope_applies_until_unscoped(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Article>();
        await db.InsertAsync(new Article { Title = "live" });
        await db.InsertAsync(new Article { Title = "gone", DeletedAt = new DateTime(2024, 1, 1) });

        Assert.Equal(1, await db.Query<Article>().UpdateAsync(s => s.Set(Article.Columns.Status, "published")));
        Assert.Equal(["gone:draft", "live:published"], await t.Rows<string>("SELECT \"Title\" || ':' || \"Status\" FROM \"Articles\" ORDER BY \"Title\""));
        Assert.Equal(1, await db.Query<Article>().DeleteAsync());
        Assert.Equal(["gone"], await t.Rows<string>("SELECT \"Title\" FROM \"Articles\""));
        Assert.Equal(1, await db.Query<Article>().Unscoped().UpdateAsync(s => s.Set(Article.Columns.Status, "x")));
        Assert.Equal(1, await db.Query<Article>().Unscoped().DeleteAsync());
        Assert.Equal(0, await t.Count("Articles"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Conditions_on_associations_and_required_includes_filter(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var ann = await db.InsertAsync(new User { Name = "Ann" });
        await db.InsertAsync(new User { Name = "Bob" });
        await db.InsertAsync(new User { Name = "Cy" });
        await ann.CreateArticleAsync(db, new Post { Title = "p", Status = "published" });
        await db.InsertAsync(new Post { Title = "orphan" });

        Assert.Equal(1, await db.Query<User>().WhereHasArticles().UpdateAsync(s => s.Set(User.Columns.Email, "writer@x.org")));
        Assert.Equal(1, await db.Query<Post>().IncludeAuthor(a => a.Required()).UpdateAsync(s => s.Set(Post.Columns.Status, "authored")));
        Assert.Equal(2, await db.Query<User>().WhereHasNoArticles().DeleteAsync());

        Assert.Equal(["Ann:writer@x.org"], await t.Rows<string>("SELECT \"Name\" || ':' || \"Email\" FROM \"Users\""));
        Assert.Equal(["orphan:draft", "p:authored"], await t.Rows<string>("SELECT \"Title\" || ':' || \"Status\" FROM \"Posts\" ORDER BY \"Title\""));
    }

    [Theory, Sqlite, Postgres]
    public async Task Hooks_do_not_run_and_composite_keys_work(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();
        var folder = await db.InsertAsync(new Folder { Name = "f" });
        var labels = await db.InsertManyAsync([new Label { Name = "a" }, new Label { Name = "b" }, new Label { Name = "c" }]);
        await folder.AddLabelsAsync(db, labels);
        var doc = await folder.CreateDocAsync(db, new Doc { Title = "d" });
        await doc.CreateNoteAsync(db, new Note { Text = "n1" });
        await doc.CreateNoteAsync(db, new Note { Text = "n2" });
        var audited = await t.Count("AuditEntries");

        Assert.Equal(2, await db.Query<DocLabel>().OrderByDescending(DocLabel.Columns.LabelId).Limit(2).UpdateAsync(s => s.Set(DocLabel.Columns.Color, "red")));
        Assert.Equal(1, await db.Query<DocLabel>().Where(DocLabel.Columns.Color == "red").OrderBy(DocLabel.Columns.LabelId).Limit(1).DeleteAsync());
        Assert.Equal(2, await db.Query<Note>().DeleteAsync()); // Note has an after-delete hook

        Assert.Equal([$"{labels[0].Id}:grey", $"{labels[2].Id}:red"],
            await t.Rows<string>("SELECT CAST(\"LabelId\" AS TEXT) || ':' || \"Color\" FROM \"DocLabels\" ORDER BY \"LabelId\""));
        Assert.Equal(0, await t.Count("Notes"));
        Assert.Equal(audited, await t.Count("AuditEntries"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Models_with_a_runtime_cascade_are_refused(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();
        var folder = await db.InsertAsync(new Folder { Name = "f" });
        await folder.CreateDocAsync(db, new Doc { Title = "d" });

        var errors = new[]
        {
            await Assert.ThrowsAsync<AssociationException>(() => db.Query<Folder>().DeleteAsync()),
            await Assert.ThrowsAsync<AssociationException>(() => db.Query<Folder>().UpdateAsync(s => s.Set(Folder.Columns.Name, "x"))),
            await Assert.ThrowsAsync<AssociationException>(() => db.Query<Doc>().Where(Doc.Columns.Title == "d").DeleteAsync()),
        };

        Assert.Equal(["Folder", "Folder", "Doc"], errors.Select(e => e.Model));
        Assert.All(errors, e => Assert.Contains("Hooks = true", e.Message));
        Assert.Equal(["f"], await t.Rows<string>("SELECT \"Name\" FROM \"Folders\""));
        Assert.Equal(1, await t.Count("Docs"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Keys_long_values_empty_setters_and_nulls_are_refused(string engine)
    {
        await using var t = await Options(engine);
        var db = t.Db;
        var before = await Values(t);

        var key = await Assert.ThrowsAsync<AssociationException>(() => db.Query<Option>().UpdateAsync(s => s.Set(Option.Columns.Id, 7)));
        Assert.Equal("Option", key.Model);
        Assert.Contains("Option.Id", key.Message);
        var length = await Assert.ThrowsAsync<AssociationException>(() => db.Query<Option>().UpdateAsync(s => s.Set(Option.Columns.Name, "much too long a name")));
        Assert.Contains("Option.Name", length.Message);
        Assert.Contains("12", length.Message);
        Assert.Equal("set", (await Assert.ThrowsAsync<ArgumentException>(() => db.Query<Option>().UpdateAsync(_ => { }))).ParamName);
        Assert.Equal("set", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.Query<Option>().UpdateAsync(null!))).ParamName);
        Assert.Equal("column", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.Query<Option>().UpdateAsync(s => s.Set<string>(null!, "x")))).ParamName);
        var notNull = await Assert.ThrowsAsync<AssociationException>(() => db.Query<Option>().UpdateAsync(s => s.Set(Option.Columns.Value, null!)));
        Assert.Contains("NOT NULL", notNull.Message);

        Assert.Equal(before, await Values(t));
        Assert.Null(db.CurrentTransaction);
    }

    [Theory, Sqlite, Postgres]
    public async Task A_restricted_delete_names_the_referencing_models(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Department>();
        var sales = await db.InsertAsync(new Department { Name = "sales" });
        await db.InsertAsync(new Department { Name = "empty" });
        await sales.CreateEmployeeAsync(db, new Employee { Name = "e" });

        var error = await Assert.ThrowsAsync<AssociationException>(() => db.Query<Department>().DeleteAsync());

        Assert.Contains("Employee", error.Message);
        Assert.Equal(2, await t.Count("Departments"));
        Assert.Equal(1, await db.Query<Department>().Where(Department.Columns.Name == "empty").DeleteAsync());
    }

    [Theory, Sqlite, Postgres]
    public async Task Inside_a_transaction_the_writes_roll_back_with_it(string engine)
    {
        await using var t = await Options(engine);
        var db = t.Db;
        var before = await Values(t);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async () =>
        {
            Assert.Equal(6, await db.Query<Option>().UpdateAsync(s => s.Set(Option.Columns.Hits, 9)));
            Assert.Equal(3, await db.Query<Option>().Where(Option.Columns.Value == "odd").DeleteAsync());
            throw new InvalidOperationException("roll back");
        }));

        Assert.Equal(before, await Values(t));
    }
}
