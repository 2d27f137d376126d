using Associations.Tests.Infrastructure;
using Associations.Tests.Models;
using Npgsql;

namespace Associations.Tests;

/// <summary>
/// The session's cached commands are prepared on PostgreSQL from their second use (DbSession.Prepare.cs). These tests
/// count round trips with a <see cref="CountingConnection"/> and check that prepared statements stay correct across a
/// reopened (pooled) connection, tables dropped and recreated, DISCARD ALL, and parameters that switch between null and a value.
/// </summary>
public class PreparedStatementTests
{
    private static async Task<(TestDb t, DbSession db, CountingConnection counter)> Counted(string engine)
    {
        var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        var inner = (NpgsqlConnection)t.Db.Connection;
        // A second connection on the same schema, counted; pooling on, as applications run it.
        var cs = new NpgsqlConnectionStringBuilder(inner.ConnectionString) { Pooling = true }.ConnectionString;
        var counter = new CountingConnection(new NpgsqlConnection(cs));
        var db = new DbSession(counter, dialect: t.Db.Dialect);
        return (t, db, counter);
    }

    [Theory, Postgres]
    public async Task Set_is_one_round_trip_per_statement_and_prepares_once(string engine)
    {
        var (t, db, counter) = await Counted(engine);
        await using var _ = t;
        await using var __ = db;
        var john = await db.InsertAsync(new User { Name = "John" });
        var roles = new Role[4];
        for (var i = 0; i < roles.Length; i++) roles[i] = await db.InsertAsync(new Role { Name = "R" + i });

        counter.Reset();
        await john.SetRolesAsync(db, [roles[0], roles[1]]);
        var first = (counter.Executions, counter.Prepares, counter.Commits);
        Assert.Equal(0, first.Prepares); // a statement run once is never prepared
        Assert.Equal(1, first.Commits);
        Assert.True(first.Executions <= 3, $"first set: {first.Executions} executions");

        counter.Reset();
        await john.SetRolesAsync(db, [roles[1], roles[2]]);
        Assert.Equal(first.Executions, counter.Prepares); // second use: each statement prepared once
        Assert.Equal(first.Executions, counter.Executions);

        counter.Reset();
        await john.SetRolesAsync(db, [roles[3]]);
        Assert.Equal(0, counter.Prepares);
        // At most one round trip per statement: the statements themselves, and the commit.
        Assert.Equal(first.Executions + 1, counter.RoundTrips);
        Assert.Equal([roles[3].Id], (await john.GetRolesAsync(db)).Select(r => r.Id));
    }

    [Theory, Postgres]
    public async Task Accessors_prepare_on_second_use_and_again_after_the_connection_reopens(string engine)
    {
        var (t, db, counter) = await Counted(engine);
        await using var _ = t;
        await using var __ = db;
        var john = await db.InsertAsync(new User { Name = "John" });
        await john.AddRoleAsync(db, await db.InsertAsync(new Role { Name = "R" }));

        counter.Reset();
        Assert.Equal(1, await john.CountRolesAsync(db));
        Assert.Equal(1, await john.CountRolesAsync(db));
        Assert.Equal(1, await john.CountRolesAsync(db));
        Assert.Equal((3, 1), (counter.Executions, counter.Prepares));
        counter.Reset();
        for (var i = 0; i < 3; i++) Assert.Empty(await john.GetArticlesAsync(db));
        Assert.Equal((3, 1), (counter.Executions, counter.Prepares)); // one round trip per get, plus one prepare

        // Back to the pool and out again (maybe another physical connection): prepared again on its next use.
        await counter.CloseAsync();
        await counter.OpenAsync();
        counter.Reset();
        Assert.Equal(1, await john.CountRolesAsync(db));
        Assert.Equal(1, await john.CountRolesAsync(db));
        Assert.Equal((2, 1), (counter.Executions, counter.Prepares));
    }

    [Theory, Postgres]
    public async Task A_prepared_query_works_after_SyncAsync_Force_and_after_a_table_changes_its_columns(string engine)
    {
        var (t, db, _) = await Counted(engine);
        await using var __ = t;
        await using var ___ = db;
        var john = await db.InsertAsync(new User { Name = "John" });
        for (var i = 0; i < 3; i++) Assert.Equal(0, await john.CountRolesAsync(db));
        for (var i = 0; i < 3; i++) Assert.Empty(await db.Query<Role>().Where(Role.Columns.Name == "R").ToListAsync());

        await db.SyncAsync<User>(new SyncOptions { Force = true });
        john = await db.InsertAsync(new User { Name = "John" });
        var role = await db.InsertAsync(new Role { Name = "R" });
        await john.AddRoleAsync(db, role);
        for (var i = 0; i < 3; i++) Assert.Equal(1, await john.CountRolesAsync(db));
        for (var i = 0; i < 3; i++) Assert.Equal([role.Id], (await db.Query<Role>().Where(Role.Columns.Name == "R").ToListAsync()).Select(r => r.Id));

        // The same table recreated with another column type: PostgreSQL answers a statement prepared before with
        // 0A000 "cached plan must not change result type" at most once; the statement after it works.
        await db.ExecuteSqlAsync("DROP TABLE \"UserRoles\"; DROP TABLE \"Roles\"; " +
            "CREATE TABLE \"Roles\" (\"Id\" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, \"Name\" varchar(200) NOT NULL)");
        await db.ExecuteSqlAsync("INSERT INTO \"Roles\" (\"Name\") VALUES ('R')");
        var failures = 0;
        for (var i = 0; i < 3; i++)
        {
            try
            {
                Assert.Single(await db.Query<Role>().Where(Role.Columns.Name == "R").ToListAsync());
            }
            catch (PostgresException error) when (error.SqlState == "0A000")
            {
                failures++;
            }
        }
        Assert.True(failures <= 1, $"{failures} failures");
    }

    [Theory, Postgres]
    public async Task A_prepared_query_works_after_DISCARD_ALL(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        for (var i = 0; i < 3; i++) Assert.Equal(0, await john.CountRolesAsync(db));
        var role = await db.InsertAsync(new Role { Name = "R" });
        for (var i = 0; i < 3; i++) await john.SetRolesAsync(db, [role]);

        // Behind the library's back (Npgsql does not see it): every prepared statement of the connection is gone.
        // DISCARD ALL also resets the search path; set the test's schema again.
        var schema = new NpgsqlConnectionStringBuilder(db.Connection.ConnectionString).SearchPath;
        await db.ExecuteSqlAsync("DISCARD ALL");
        await db.ExecuteSqlAsync($"SET search_path TO \"{schema}\"");
        for (var i = 0; i < 3; i++) Assert.Equal(1, await john.CountRolesAsync(db));
        for (var i = 0; i < 3; i++) await john.SetRolesAsync(db, [role]);

        // The same inside an atomic accessor (its own transaction), first thing after the DISCARD ALL.
        await db.ExecuteSqlAsync("DISCARD ALL");
        await db.ExecuteSqlAsync($"SET search_path TO \"{schema}\"");
        for (var i = 0; i < 3; i++) await john.SetRolesAsync(db, [role]);
        Assert.Equal(1, await john.CountRolesAsync(db));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_prepared_statement_takes_null_and_values_in_turn(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        string?[] emails = [null, "a@x", null, "b@x", null, "c@x", null];
        foreach (var email in emails) await db.InsertAsync(new User { Name = "U", Email = email });
        var read = await db.Query<User>().OrderBy(User.Columns.Id).ToListAsync();
        Assert.Equal(emails, read.Select(u => u.Email));
        foreach (var user in read)
        {
            user.Email = user.Email is null ? "set" : null;
            await db.UpdateAsync(user);
        }
        Assert.Equal(emails.Select(e => e is null ? "set" : null), (await db.Query<User>().OrderBy(User.Columns.Id).ToListAsync()).Select(u => u.Email));
    }

    [Theory, Sqlite, Postgres]
    public async Task A_prepared_statement_takes_values_of_another_type(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        const string sql = "SELECT CAST(@p0 AS TEXT)";
        object?[][] values = [[1], [2], [3], [4L], ["five"], [6], [null], [7.5m]];
        string?[] expected = ["1", "2", "3", "4", "five", "6", null, "7.5"];
        for (var i = 0; i < values.Length; i++)
            Assert.Equal(expected[i], await db.ScalarSqlAsync<string>(sql, values[i]));

        // Nulls first: the statement is prepared only once every value is given.
        const string other = "SELECT CAST(@p0 AS TEXT) AS v";
        values = [[null], [null], [null], [1], [2], [3L], [null], ["s"], [4]];
        expected = [null, null, null, "1", "2", "3", null, "s", "4"];
        for (var i = 0; i < values.Length; i++)
            Assert.Equal(expected[i], await db.ScalarSqlAsync<string>(other, values[i]));
    }
}
