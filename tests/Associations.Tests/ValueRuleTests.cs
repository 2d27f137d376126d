using Associations.Tests.Infrastructure;
using Associations.Tests.Models;
using C = Associations.Tests.Models.ValueRow.Columns;

namespace Associations.Tests;

/// <summary>SPEC §9 rules with named cases, checked against the database itself.</summary>
public class ValueRuleTests
{
    private static ValueRow Row(int seq) => new() { Seq = seq, Text = "t", Blob = [1] };

    [Theory, Sqlite, Postgres]
    public async Task Decimals_compare_and_order_numerically(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<ValueRow>();
        var seq = 0;
        foreach (var m in new[] { 9.5m, 10m, 100m, 2m, 1.50m })
        {
            var row = Row(seq++);
            row.Money = m;
            await t.Db.InsertAsync(row);
        }
        var over = await t.Db.Query<ValueRow>().Where(ValueRow.Columns.Money > 9.9m).OrderBy(ValueRow.Columns.Money).ToListAsync();
        Assert.Equal([10m, 100m], over.Select(r => r.Money));
        var all = await t.Db.Query<ValueRow>().OrderBy(ValueRow.Columns.Money).ToListAsync();
        Assert.Equal([1.5m, 2m, 9.5m, 10m, 100m], all.Select(r => r.Money));
        Assert.Equal(1, await t.Db.Query<ValueRow>().Where(ValueRow.Columns.Money == 1.5m).CountAsync());
        Assert.Equal(2, await t.Db.Query<ValueRow>().Where(ValueRow.Columns.Money.In(1.5m, 2.00m)).CountAsync());
    }

    [Theory, Sqlite, Postgres]
    public async Task Instants_order_by_instant_not_by_local_time(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<ValueRow>();
        var early = Row(0);
        early.At = new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)); // 08:00Z
        var late = Row(1);
        late.At = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
        await t.Db.InsertManyAsync([late, early]);
        var ordered = await t.Db.Query<ValueRow>().OrderBy(ValueRow.Columns.At).ToListAsync();
        Assert.Equal([0, 1], ordered.Select(r => r.Seq));
        Assert.Equal(early.At.UtcTicks, ordered[0].At.UtcTicks);
        Assert.Equal(TimeSpan.Zero, ordered[0].At.Offset); // read back in UTC on both engines
        Assert.Equal(1, await t.Db.Query<ValueRow>().Where(ValueRow.Columns.At < new DateTimeOffset(2024, 1, 1, 8, 30, 0, TimeSpan.Zero)).CountAsync());
    }

    [Theory, Sqlite, Postgres]
    public async Task In_with_bools_dates_and_spans_matches_equality(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<ValueRow>();
        var row = Row(0);
        row.Flag = true;
        row.When = new DateTime(2020, 2, 29, 13, 14, 15, 123);
        row.Span = TimeSpan.FromHours(25);
        row.F32 = 0.1f;
        row.U8 = 200;
        await t.Db.InsertAsync(row);
        foreach (var condition in new[] { C.Flag.In(true), C.When.In(row.When), C.Span.In(row.Span), C.F32.In(0.1f), C.U8.In((byte)200), C.Money.In(0m) })
            Assert.Equal(1, await t.Db.Query<ValueRow>().Where(condition).CountAsync());
        Assert.Equal(0, await t.Db.Query<ValueRow>().Where(C.Flag.In(false)).CountAsync());
    }

    [Theory, Sqlite, Postgres]
    public async Task Negations_keep_nulls_as_CSharp_does(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<ValueRow>();
        var withNull = Row(0);
        var withFive = Row(1);
        withFive.I32N = 5;
        await t.Db.InsertManyAsync([withNull, withFive]);
        async Task<int[]> Seqs(Condition<ValueRow> where) =>
            (await t.Db.Query<ValueRow>().Where(where).OrderBy(C.Seq).ToListAsync()).Select(r => r.Seq).ToArray();
        Assert.Equal(new[] { 0 }, await Seqs(C.I32N != 5));           // null != 5 is true
        Assert.Equal(new[] { 0 }, await Seqs(!(C.I32N == 5)));
        Assert.Equal(new[] { 0 }, await Seqs(!(C.I32N > 3)));
        Assert.Equal(new[] { 0 }, await Seqs(!C.I32N.In(5, 6)));
        Assert.Equal(new[] { 1 }, await Seqs(!C.I32N.In(6, null)));  // the list holds null: null is in it
        Assert.Equal(new[] { 0, 1 }, await Seqs(C.I32N.In(5, null)));
        Assert.Empty(await Seqs(C.I32N < null));             // a lifted comparison with null is false
        var nullsFirst = await t.Db.Query<ValueRow>().OrderBy(C.I32N).ToListAsync();
        Assert.Equal([0, 1], nullsFirst.Select(r => r.Seq));
        var nullsLast = await t.Db.Query<ValueRow>().OrderByDescending(C.I32N).ToListAsync();
        Assert.Equal([1, 0], nullsLast.Select(r => r.Seq));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_stored_value_outside_the_property_range_fails_the_read(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<ValueRow>();
        var row = await t.Db.InsertAsync(Row(0));
        await t.Db.ExecuteSqlAsync("UPDATE \"ValueRows\" SET \"U8\" = 300 WHERE \"Id\" = @id", new { id = row.Id });
        var error = await Assert.ThrowsAsync<AssociationException>(() => t.Db.FindAsync<ValueRow>(row.Id));
        Assert.Contains("ValueRow.U8", error.Message);
        Assert.Contains("300", error.Message);
        Assert.Equal("ValueRow", error.Model);
    }

    [Theory, Sqlite, Postgres]
    public async Task DateOnly_and_TimeOnly_are_stored(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<ValueRow>();
        var row = Row(0);
        row.Day = new DateOnly(1990, 5, 17);
        row.Clock = new TimeOnly(23, 59, 58, 123, 456);
        await t.Db.InsertAsync(row);
        var back = (await t.Db.FindAsync<ValueRow>(row.Id))!;
        Assert.Equal(row.Day, back.Day);
        Assert.Equal(row.Clock, back.Clock);
        Assert.Equal(1, await t.Db.Query<ValueRow>().Where(ValueRow.Columns.Day > new DateOnly(1990, 5, 16)).CountAsync());
    }

    [Theory, Sqlite, Postgres]
    public async Task MaxLength_limits_the_column_and_fails_the_write_with_the_limit(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<Account>();
        var ok = await t.Db.InsertAsync(new Account { Handle = "0123456789", Email = "a@b", Nick = "n" });
        var error = await Assert.ThrowsAsync<AssociationException>(() => t.Db.InsertAsync(new Account { Handle = new string('x', 11), Email = "a@b" }));
        Assert.Contains("Account.Handle", error.Message);
        Assert.Contains("10", error.Message);
        ok.Code = "123456";
        error = await Assert.ThrowsAsync<AssociationException>(() => t.Db.UpdateAsync(ok));
        Assert.Contains("Account.Code", error.Message);
        Assert.Equal(1, await t.Count("Accounts"));
        // The database enforces it too (varchar(n) / CHECK), for writes that do not come through the library.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            t.Db.ExecuteSqlAsync("INSERT INTO \"Accounts\" (\"Handle\", \"Email\", \"Nick\") VALUES ('abcdefghijkl', 'e', 'n')"));
        // [Required] makes a nullable string NOT NULL.
        var missing = await Assert.ThrowsAsync<AssociationException>(() => t.Db.InsertAsync(new Account { Handle = "h" }));
        Assert.Contains("NOT NULL", missing.Message);
        var script = Schema.Script(t.IsPostgres ? Dialect.PostgreSql : Dialect.Sqlite, typeof(Account));
        Assert.Contains("\"Nick\" varchar(40)", script);
        Assert.Contains(t.IsPostgres ? "\"Handle\" character varying(10)" : "CHECK (length(\"Handle\") <= 10)", script);
    }
}

public class IdentifierTests
{
    [Theory, Sqlite, Postgres]
    public async Task Long_constraint_names_are_shortened_and_stay_distinct(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<BillingEntry>();
        await t.Db.SyncAsync<BillingEntry>(); // again: nothing to do, nothing fails
        var script = Schema.Script(t.IsPostgres ? Dialect.PostgreSql : Dialect.Sqlite, typeof(BillingEntry));
        var names = System.Text.RegularExpressions.Regex.Matches(script, "\"((?:FK|IX|UX)_[^\"]*)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(4, names.Count); // two foreign keys, two indexes
        Assert.All(names, n => Assert.True(System.Text.Encoding.UTF8.GetByteCount(n) <= 63, n));
        Assert.Equal(names.Count, names.Select(n => n[..Math.Min(n.Length, 63)]).Distinct().Count());
        Assert.Equal("FK_Short_Col", Schema.ConstraintName("FK_", "Short", "Col"));
        Assert.Equal(Schema.ConstraintName("IX_", new string('t', 60), "A"), Schema.ConstraintName("IX_", new string('t', 60), "A"));
        var owner = await t.Db.InsertAsync(new BillingOwner());
        var entry = await t.Db.InsertAsync(new BillingEntry());
        await entry.SetResponsibleOwnerDeputyAsync(t.Db, owner);
        Assert.Equal(0, await t.Db.Query<BillingEntry>().Where(BillingEntry.Columns.ResponsibleOwnerId.IsNotNull()).CountAsync());
        Assert.Empty((await Schema.DiffAsync(t.Db, typeof(BillingEntry))).Changes);
    }
}

public class DefaultValueTests
{
    [Theory, Sqlite, Postgres]
    public async Task DefaultValue_lets_Alter_add_NOT_NULL_columns_to_a_table_with_rows(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.ExecuteSqlAsync(t.IsPostgres
            ? "CREATE TABLE \"Widgets\" (\"Id\" integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, \"Name\" text NOT NULL)"
            : "CREATE TABLE \"Widgets\" (\"Id\" INTEGER PRIMARY KEY, \"Name\" TEXT NOT NULL)");
        await t.Db.ExecuteSqlAsync("INSERT INTO \"Widgets\" (\"Name\") VALUES ('old')");
        await t.Db.SyncAsync<Widget>(new SyncOptions { Alter = true });
        var old = (await t.Db.Query<Widget>().ToListAsync()).Single();
        Assert.Equal((7, "n/a", 1.5m, true, Shade.Green, 2.5), (old.Stock, old.Note, old.Price, old.Active, old.Tint, old.Ratio));
        Assert.Equal(1, await t.Count("Widgets", "\"Stock\" = 7 AND \"Note\" = 'n/a'"));
        Assert.Empty((await Schema.DiffAsync(t.Db, typeof(Widget))).Changes);
        Assert.Contains("DEFAULT", Schema.Script(t.IsPostgres ? Dialect.PostgreSql : Dialect.Sqlite, typeof(Widget)));
    }
}

public class TableSchemaTests
{
    [Theory, Sqlite, Postgres]
    public async Task Table_schema_is_honoured_on_PostgreSQL_and_part_of_the_name_on_SQLite(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        // "assoc_auth" is outside the test's private schema, so it is shared with every test that syncs all models. It is left
        // in place: dropping it here could pull it from under a concurrent SyncAsync; Force below starts this test afresh.
        await db.SyncAsync<AuthAccount>(new SyncOptions { Force = true });
        var account = await db.InsertAsync(new AuthAccount { Login = "root" });
        await account.CreateTokenAsync(db, new AuthToken { Value = "abc" });
        var read = await db.Query<AuthAccount>().IncludeTokens().WhereHasTokens().ToListAsync();
        Assert.Equal("abc", Assert.Single(Assert.Single(read).Tokens!).Value);
        Assert.Equal(1, await account.CountTokensAsync(db));
        var table = t.IsPostgres ? "\"assoc_auth\".\"acct\"" : "\"assoc_auth.acct\"";
        Assert.Equal(1, await t.Scalar<long>($"SELECT COUNT(*) FROM {table}"));
        if (t.IsPostgres)
            Assert.Equal(2, await t.Scalar<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'assoc_auth'"));
        await db.DeleteAsync(account);
    }
}
