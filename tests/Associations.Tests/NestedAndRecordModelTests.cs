using Associations.Tests.Infrastructure;
using Associations.Tests.Models;

namespace Associations.Tests;

/// <summary>Nested models and <c>record class</c> models work as any other model, on both engines (issue 14).</summary>
public class NestedAndRecordModelTests
{
    [Theory, Sqlite, Postgres]
    public async Task Nested_and_record_models_write_read_and_include(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Library.Book>();

        var book = await db.InsertAsync(new Library.Book { Title = "Dune" });
        var first = await book.CreateEditionAsync(db, new Edition { Year = 1965 });
        await book.CreateEditionAsync(db, new Edition { Year = 2005 });
        var mark = await db.InsertAsync(new Library.Shelfmark { Code = "SF-1" });
        await book.AddShelfmarkAsync(db, mark);

        Assert.Equal(book.Id, first.BookId);
        Assert.Equal([(book.Id, 1965), (book.Id, 2005)],
            await t.Rows<(int, int)>("SELECT \"BookId\", \"Year\" FROM \"Editions\" ORDER BY \"Year\""));
        Assert.Equal(1, await t.Count("BookShelfmarks"));

        var read = (await db.Query<Library.Book>().IncludeEditions(e => e.OrderBy(Edition.Columns.Year)).IncludeShelfmarks().ToListAsync()).Single();
        Assert.Equal([1965, 2005], read.Editions!.Select(e => e.Year));
        Assert.Equal(["SF-1"], read.Shelfmarks!.Select(s => s.Code));
        var owner = (await db.Query<Edition>().Where(Edition.Columns.Year == 2005).IncludeBook().ToListAsync()).Single().Book!;
        Assert.Equal("Dune", owner.Title);

        // A record's `with` copy is an ordinary instance: updating it writes the row.
        await db.UpdateAsync(owner with { Title = "Dune (revised)" });
        Assert.Equal(["Dune (revised)"], await t.Rows<string>("SELECT \"Title\" FROM \"Books\""));

        // Value equality is the record's own: two reads of one row with nothing loaded are equal.
        var once = await db.FindAsync<Edition>(first.Id);
        var twice = await db.FindAsync<Edition>(first.Id);
        Assert.NotSame(once, twice);
        Assert.Equal(once, twice);
    }
}
