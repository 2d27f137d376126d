using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Associations.Tests.Infrastructure;
using Associations.Tests.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Associations.Tests;

/// <summary>services.AddAssociations(…): a scoped DbSession per request scope, with logger and options.</summary>
public class DependencyInjectionTests
{
    private static string TempDatabase() => Path.Combine(Path.GetTempPath(), "associations-di-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task A_scope_gets_one_session_of_its_own_disposed_with_the_scope()
    {
        var path = TempDatabase();
        try
        {
            var logger = new RecordingLogger();
            var services = new ServiceCollection();
            services.AddSingleton<ILoggerFactory>(logger);
            services.AddAssociationsSqlite($"Data Source={path};Pooling=False", o => o.EnableSensitiveDataLogging = true);
            await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

            DbSession first;
            DbConnection connection;
            await using (var scope = provider.CreateAsyncScope())
            {
                first = scope.ServiceProvider.GetRequiredService<DbSession>();
                Assert.Same(first, scope.ServiceProvider.GetRequiredService<DbSession>());
                Assert.True(first.Options.EnableSensitiveDataLogging);
                Assert.Equal(DialectKind.Sqlite, first.Dialect.Kind);
                await first.SyncAsync<User>();
                await first.InsertAsync(new User { Name = "John" });
                connection = first.Connection;
                Assert.Equal(ConnectionState.Open, connection.State);
            }
            Assert.Equal(ConnectionState.Closed, connection.State); // the scope disposed the session and its connection

            await using (var scope = provider.CreateAsyncScope())
            {
                var second = scope.ServiceProvider.GetRequiredService<DbSession>();
                Assert.NotSame(first, second);
                Assert.Equal(1, await second.Query<User>().CountAsync());
            }
            Assert.Equal(AssociationsServiceCollectionExtensions.LoggerCategory, logger.Category);
            Assert.Contains(logger.Entries, e => e.EventId == AssociationsEvents.CommandExecuted && e.Message.Contains("@p0='John'", StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (File.Exists(path)) File.Delete(path);
        }
    }

    [Fact]
    public async Task Each_ASP_NET_Core_request_gets_its_own_session_disposed_when_the_request_ends()
    {
        var path = TempDatabase();
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddAssociationsSqlite($"Data Source={path};Pooling=False");
            var sessions = new ConcurrentBag<DbSession>();
            await using var app = builder.Build();
            app.MapPost("/users/{name}", async (string name, DbSession db) =>
            {
                sessions.Add(db);
                await db.SyncAsync<User>();
                await db.InsertAsync(new User { Name = name });
                return await db.Query<User>().CountAsync();
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using (var http = new HttpClient { BaseAddress = new Uri(address) })
            {
                Assert.Equal("1", await (await http.PostAsync("/users/john", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
                Assert.Equal("2", await (await http.PostAsync("/users/jane", null)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
            }
            await app.StopAsync();

            Assert.Equal(2, sessions.Distinct().Count());                                    // one session per request
            Assert.All(sessions, s => Assert.Equal(ConnectionState.Closed, s.Connection.State)); // disposed with the request's scope
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (File.Exists(path)) File.Delete(path);
        }
    }

    [Fact]
    public async Task A_factory_gives_each_scope_its_connection()
    {
        var created = 0;
        var services = new ServiceCollection();
        services.AddAssociations(_ =>
        {
            Interlocked.Increment(ref created);
            return new SqliteConnection("Data Source=:memory:");
        });
        await using var provider = services.BuildServiceProvider();
        for (var i = 0; i < 2; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            await db.SyncAsync<User>();
        }
        Assert.Equal(2, created);
    }

    [Fact]
    public async Task An_expression_lambda_is_the_connection_factory_and_an_assignment_lambda_configures_the_options()
    {
        var services = new ServiceCollection();
        services.AddAssociations(_ => new SqliteConnection("Data Source=:memory:"), o => o.EnableSensitiveDataLogging = true);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        Assert.IsType<SqliteConnection>(db.Connection);
        Assert.True(db.Options.EnableSensitiveDataLogging);
        Assert.Null(db.Options.Dialect);
    }

    [Fact]
    public async Task The_provider_factory_overload_uses_the_connection_string()
    {
        var services = new ServiceCollection();
        services.AddAssociations(SqliteFactory.Instance, "Data Source=:memory:");
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        Assert.IsType<SqliteConnection>(db.Connection);
        Assert.Equal("Data Source=:memory:", db.Connection.ConnectionString);
    }

    [Fact]
    public async Task Without_a_connection_it_needs_a_DbDataSource_and_says_so()
    {
        var services = new ServiceCollection();
        services.AddAssociations();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var error = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<DbSession>());
        Assert.Contains("AddNpgsqlDataSource", error.Message, StringComparison.Ordinal);
    }

    [Theory, Postgres]
    public async Task An_NpgsqlDataSource_in_the_container_serves_the_sessions(string engine)
    {
        Assert.Equal(Engines.Postgres, engine);
        var services = new ServiceCollection();
        // What Npgsql.DependencyInjection's AddNpgsqlDataSource registers: the data source, also as DbDataSource.
        services.AddSingleton(_ => NpgsqlDataSource.Create(Engines.PostgresConnectionString!));
        services.AddSingleton<DbDataSource>(sp => sp.GetRequiredService<NpgsqlDataSource>());
        services.AddAssociations();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        Assert.Equal(DialectKind.PostgreSql, db.Dialect.Kind);
        Assert.Equal(1, await db.ScalarSqlAsync<int>("SELECT 1", []));
    }

    [Theory, Postgres]
    public async Task An_NpgsqlDataSource_can_be_passed_directly(string engine)
    {
        Assert.Equal(Engines.Postgres, engine);
        await using var dataSource = NpgsqlDataSource.Create(Engines.PostgresConnectionString!);
        var services = new ServiceCollection();
        services.AddAssociations(dataSource);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        Assert.IsType<NpgsqlConnection>(db.Connection);
        Assert.Equal(2, await db.ScalarSqlAsync<int>("SELECT @p0 + 1", [1]));
    }
}
