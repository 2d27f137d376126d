using System.Data;
using System.Transactions;
using Associations.Tests.Infrastructure;
using Associations.Tests.Models;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Associations.Tests;

/// <summary>SPEC §10, and the regressions of issue 13 (items 1–6, 10, 11).</summary>
public class SessionSafetyTests
{
    // ---- issue 13.1: cancellation at a savepoint release

    [Theory, Sqlite, Postgres]
    public async Task An_insert_cancelled_after_its_own_work_is_rolled_back_inside_a_transaction(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        await db.SyncAsync<Beacon>();
        using var cts = new CancellationTokenSource();
        var beacon = new Beacon { Name = "cancelled" };

        await db.InTransactionAsync(async () =>
        {
            await db.InsertAsync(new User { Name = "kept" });
            Beacon.AfterInsert.Value = () =>
            {
                cts.Cancel();
                return Task.CompletedTask;
            };
            try
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.InsertAsync(beacon, cts.Token));
            }
            finally
            {
                Beacon.AfterInsert.Value = null;
            }
        });

        Assert.Equal(0, await t.Count("Beacons"));
        Assert.Equal(0, beacon.Id);
        Assert.Equal(["kept"], await t.Rows<string>("SELECT \"Name\" FROM \"Users\""));
    }

    // ---- issue 13.2: one operation at a time

    [Theory, Sqlite, Postgres]
    public async Task A_second_operation_throws_and_the_running_one_is_unaffected(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = db.InTransactionAsync(async () =>
        {
            await db.InsertAsync(new User { Name = "first" });
            await gate.Task;
            await db.InsertAsync(new User { Name = "first, again" });
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertAsync(new User { Name = "second" }));
        Assert.Contains("a second operation started on this DbSession before the previous one completed", error.Message, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Query<User>().ToListAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.ExecuteSqlAsync("DELETE FROM \"Users\""));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.BeginTransactionAsync());
        gate.SetResult();
        await first;

        Assert.Equal(["first", "first, again"], await t.Rows<string>("SELECT \"Name\" FROM \"Users\" ORDER BY \"Id\""));
        Assert.Null(db.CurrentTransaction);
        await db.InsertAsync(new User { Name = "third" }); // idle again
    }

    [Theory, Sqlite, Postgres]
    public async Task Hooks_and_transaction_bodies_using_the_session_are_not_a_second_operation(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Folder>();
        await db.SyncAsync<AuditEntry>();

        await db.InTransactionAsync(async () =>
        {
            var folder = await db.InsertAsync(new Folder { Name = "f" });
            await folder.CreateDocAsync(db, new Doc { Title = "d" }); // its hooks insert audit entries through db
            await db.InTransactionAsync(() => db.InsertAsync(new AuditEntry { Text = "nested" }));
        });

        Assert.Equal(3, await t.Count("AuditEntries"));
    }

    [Theory, Sqlite, Postgres]
    public async Task Two_calls_at_once_inside_one_operation_are_refused_too(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        await db.SyncAsync<Beacon>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await db.InTransactionAsync(async () =>
        {
            Beacon.AfterInsert.Value = () => gate.Task;
            var running = db.InsertAsync(new Beacon { Name = "waits in its hook" });
            Beacon.AfterInsert.Value = null;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertAsync(new User { Name = "at the same time" }));
            gate.SetResult();
            await running;
            await db.InsertAsync(new User { Name = "after it" });
        });

        Assert.Equal(1, await t.Count("Beacons"));
        Assert.Equal(["after it"], await t.Rows<string>("SELECT \"Name\" FROM \"Users\""));
    }

    [Fact]
    public async Task Disposing_the_session_leaves_a_callers_transaction_to_its_owner()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var db = new DbSession(connection, ownsConnection: false);
        await db.SyncAsync<User>();
        await using var tx = await connection.BeginTransactionAsync();
        db.UseTransaction(tx);
        await db.InsertAsync(new User { Name = "inside" });
        await db.DisposeAsync();

        Assert.NotNull(tx.Connection); // not rolled back by the session
        await tx.CommitAsync();
        await using var again = new DbSession(connection, ownsConnection: false);
        Assert.Equal(1, await again.Query<User>().CountAsync());
    }

    // ---- issue 13.3: in-memory values put back

    [Theory, Sqlite, Postgres]
    public async Task A_failed_InsertMany_puts_the_keys_back(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var m1 = new Post { Title = "m1" };
        var m2 = new Post { Title = "m2" };
        var bad = new Post { Title = "bad", AuthorId = 999 };

        await Assert.ThrowsAsync<AssociationException>(() => db.InsertManyAsync([m1, m2, bad]));

        Assert.Equal(0, m1.Id);
        Assert.Equal(0, m2.Id);
        Assert.Equal(0, await t.Count("Posts"));
        await db.InsertManyAsync([m1, m2]);
        await john.AddArticleAsync(db, m1); // a key of a row that exists
        Assert.Equal(john.Id, m1.AuthorId);
    }

    [Theory, Sqlite, Postgres]
    public async Task Values_set_by_accessors_are_put_back_when_the_enclosing_transaction_rolls_back(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var jane = await db.InsertAsync(new User { Name = "Jane" });
        var post = await db.InsertAsync(new Post { Title = "kept", AuthorId = john.Id });
        var role = await db.InsertAsync(new Role { Name = "admin" });
        var profile = new Profile { Bio = "bio" };
        var article = new Post { Title = "new" };
        var newcomer = new User { Name = "newcomer" };

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(async () =>
        {
            await db.InsertAsync(newcomer);
            await john.CreateProfileAsync(db, profile);
            await john.CreateArticleAsync(db, article);
            await post.SetAuthorAsync(db, jane);
            await john.AddRoleAsync(db, role);
            Assert.Same(profile, john.Profile);
            throw new InvalidOperationException("later");
        }));

        Assert.Equal(0, newcomer.Id);
        Assert.Equal(0, profile.Id);
        Assert.Null(profile.UserId);
        Assert.Null(john.Profile);
        Assert.Equal(0, article.Id);
        Assert.Null(article.AuthorId);
        Assert.Equal(john.Id, post.AuthorId);
        Assert.Null(post.Author);
        Assert.Null(role.UserRoles);
        Assert.Equal(2, await t.Count("Users"));
        Assert.Equal(1, await t.Count("Posts"));

        // The same instances can be written again.
        await john.CreateProfileAsync(db, profile);
        Assert.Equal(1, await t.Count("Profiles", "\"UserId\" = @id", new { id = john.Id }));
    }

    // ---- issue 13.4: disposal

    [Theory, Sqlite, Postgres]
    public async Task After_dispose_every_operation_throws_ObjectDisposedException(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        await db.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.InsertAsync(new User { Name = "late" }));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.FindAsync<User>(john.Id));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.Query<User>().ToListAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => john.GetArticlesAsync(db));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => john.SetArticlesAsync(db, Array.Empty<int>()));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.ExecuteSqlAsync("SELECT 1"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.InTransactionAsync(() => Task.CompletedTask));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.BeginTransactionAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.SyncAsync<User>());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.EnsureOpenAsync());
        Assert.Equal(ConnectionState.Closed, db.Connection.State); // not silently reopened
        db.Dispose(); // twice is harmless
    }

    // ---- issue 13.5: null arguments

    [Fact]
    public async Task A_null_session_throws_ArgumentNullException_naming_db()
    {
        var john = new User { Id = 1, Name = "John" };
        var post = new Post { Id = 1, Title = "p" };
        DbSession db = null!;

        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => john.GetArticlesAsync(db))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => john.CountArticlesAsync(db))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => john.SetArticlesAsync(db, [post]))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => john.AddArticleAsync(db, post))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => john.RemoveArticleAsync(db, post))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => john.CreateArticleAsync(db, new Post()))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => john.GetProfileAsync(db))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => john.SetProfileAsync(db, (Profile?)null))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => post.GetAuthorAsync(db))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => post.SetAuthorAsync(db, john))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => john.GetRolesAsync(db))).ParamName);
        Assert.Equal("db", (await Assert.ThrowsAsync<ArgumentNullException>(() => john.AddRoleAsync(db, new Role { Id = 1 }))).ParamName);
    }

    [Fact]
    public async Task Null_arguments_of_the_session_are_named()
    {
        await using var db = new DbSession(new SqliteConnection("Data Source=:memory:"));
        Assert.Equal("entity", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.InsertAsync<User>(null!))).ParamName);
        Assert.Equal("entities", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.InsertManyAsync<User>(null!))).ParamName);
        Assert.Equal("entities", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.InsertManyAsync<User>([new User(), null!]))).ParamName);
        Assert.Equal("key", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.FindAsync<User>(null!))).ParamName);
        Assert.Equal("sql", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.ExecuteSqlAsync(null!))).ParamName);
        Assert.Equal("work", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.InTransactionAsync(null!))).ParamName);
        Assert.Equal("models", (await Assert.ThrowsAsync<ArgumentNullException>(() => db.SyncModelsAsync(null!))).ParamName);
    }

    // ---- issue 13.6: key lists in messages

    [Theory, Sqlite, Postgres]
    public async Task A_message_lists_at_most_ten_missing_keys(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });

        var error = await Assert.ThrowsAsync<AssociationException>(() => john.AddArticlesAsync(db, Enumerable.Range(1000, 100_000)));

        Assert.True(error.Message.Length < 500, error.Message.Length + " characters");
        Assert.Contains("1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009 … and 99990 more", error.Message);
        Assert.DoesNotContain("1010", error.Message);
    }

    [Theory, Sqlite]
    public async Task A_message_lists_ten_keys_whole_and_cuts_after_ten(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });

        async Task<string> MissingAsync(int count) =>
            (await Assert.ThrowsAsync<AssociationException>(() => john.AddArticlesAsync(db, Enumerable.Range(1, count)))).Message;

        Assert.Contains("has Id 1, 2, 3. Nothing was changed.", await MissingAsync(3));
        Assert.Contains("has Id 1, 2, 3, 4, 5, 6, 7, 8, 9, 10. Nothing was changed.", await MissingAsync(10));
        Assert.Contains("has Id 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 … and 1 more. Nothing was changed.", await MissingAsync(11));
    }

    // ---- issue 13.10: a caller's own transaction, and TransactionScope

    [Theory, Sqlite, Postgres]
    public async Task UseTransaction_joins_a_callers_transaction_and_never_ends_it(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var post = await db.InsertAsync(new Post { Title = "p" });

        // Rolled back by its owner: nothing the session did inside survives.
        var tx = await db.Connection.BeginTransactionAsync();
        db.UseTransaction(tx);
        Assert.Same(tx, db.CurrentTransaction);
        await db.InsertAsync(new User { Name = "inside" });
        await john.SetArticlesAsync(db, [post]);                                         // a savepoint inside tx
        await Assert.ThrowsAsync<AssociationException>(() => john.AddArticlesAsync(db, [post.Id, 999])); // undoes only itself
        await db.InTransactionAsync(() => db.InsertAsync(new User { Name = "nested" }));  // released, not committed
        await db.Connection.ExecuteAsync("INSERT INTO \"Users\" (\"Name\") VALUES ('dapper')", transaction: tx);
        Assert.Equal(4, await db.Query<User>().CountAsync());
        Assert.Equal(1, await db.Query<Post>().Where(Post.Columns.AuthorId == john.Id).CountAsync());
        Assert.NotNull(tx.Connection); // still open: the session did not end it
        await tx.RollbackAsync();
        await tx.DisposeAsync();

        Assert.Null(db.CurrentTransaction); // an ended transaction is detached by itself
        Assert.Equal(["John"], await t.Rows<string>("SELECT \"Name\" FROM \"Users\""));

        // Committed by its owner.
        var tx2 = await db.Connection.BeginTransactionAsync();
        db.UseTransaction(tx2);
        await db.InsertAsync(new User { Name = "committed" });
        await john.AddArticleAsync(db, post);
        db.UseTransaction(null);
        Assert.Null(db.CurrentTransaction);
        await tx2.CommitAsync();
        await tx2.DisposeAsync();
        Assert.Equal(2, await t.Count("Users"));
        Assert.Equal(1, await t.Count("Posts", "\"AuthorId\" = @id", new { id = john.Id }));
    }

    [Theory, Sqlite, Postgres]
    public async Task UseTransaction_refuses_a_transaction_of_another_connection(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        if (!t.IsPostgres)
        {
            await using var other = new SqliteConnection("Data Source=:memory:");
            await other.OpenAsync();
            await using var foreign = await other.BeginTransactionAsync();
            Assert.Throws<InvalidOperationException>(() => t.Db.UseTransaction(foreign));
            return;
        }
        await using var session = t.Open();
        await session.EnsureOpenAsync();
        await using var tx = await session.Connection.BeginTransactionAsync();
        Assert.Throws<InvalidOperationException>(() => t.Db.UseTransaction(tx));
    }

    [Theory, Sqlite]
    public async Task A_TransactionScope_on_sqlite_is_refused_at_the_first_command_and_nothing_commits(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();

        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await Assert.ThrowsAsync<NotSupportedException>(() => db.InsertAsync(new User { Name = "outside the scope?" }));
            await Assert.ThrowsAsync<NotSupportedException>(() => db.Query<User>().CountAsync());
        }

        Assert.Equal(0, await t.Count("Users"));
        await db.InsertAsync(new User { Name = "after" }); // no scope: works again
        Assert.Equal(1, await t.Count("Users"));
    }

    [Theory, Postgres]
    public async Task A_TransactionScope_on_postgres_is_joined(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<User>();
        var john = await db.InsertAsync(new User { Name = "John" });
        var post = await db.InsertAsync(new Post { Title = "p" });

        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await db.InsertAsync(new User { Name = "not completed" });
            await john.SetArticlesAsync(db, [post]); // savepoints inside the scope
            await Assert.ThrowsAsync<AssociationException>(() => john.AddArticlesAsync(db, [999]));
        }
        await using (var other = t.Open())
        {
            Assert.Equal(1, await other.Query<User>().CountAsync());
            Assert.Equal(0, await other.Query<Post>().Where(Post.Columns.AuthorId == john.Id).CountAsync());
        }

        using (var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await db.InsertAsync(new User { Name = "completed" });
            scope.Complete();
        }
        Assert.Equal(2, await db.Query<User>().CountAsync());

        // A connection first opened inside the scope (Npgsql enlists it on open).
        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await using var fresh = t.Open();
            await fresh.InsertAsync(new User { Name = "opened inside, not completed" });
            await john.AddArticleAsync(fresh, post);
        }
        Assert.Equal(2, await db.Query<User>().CountAsync());
        Assert.Equal(0, await db.Query<Post>().Where(Post.Columns.AuthorId == john.Id).CountAsync());
    }

    // ---- issue 13.11: a restricted delete names who references the row

    [Theory, Sqlite, Postgres]
    public async Task A_restricted_delete_names_the_referencing_models(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        var db = t.Db;
        await db.SyncAsync<Department>();
        var sales = await db.InsertAsync(new Department { Name = "Sales" });
        await sales.CreateEmployeeAsync(db, new Employee { Name = "Eve" });

        var error = await Assert.ThrowsAsync<AssociationException>(() => db.DeleteAsync(sales));

        Assert.Contains("Department", error.Message);
        Assert.Contains("Employee", error.Message);
        Assert.NotNull(error.InnerException);
        await db.InsertAsync(new Department { Name = "usable" });
    }
}
