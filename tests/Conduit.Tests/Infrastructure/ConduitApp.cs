using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Associations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Conduit.Tests.Infrastructure;

/// <summary>
/// The Conduit app in memory (WebApplicationFactory) on a database of its own: a new SQLite file, or a new PostgreSQL schema
/// (the data source's search_path), removed when the test ends. <see cref="Statements"/> sees every SQL command the
/// library runs, through its logging (event 1001, CommandExecuted).
/// </summary>
public sealed class ConduitApp : WebApplicationFactory<Program>
{
    private readonly string? _sqlitePath;
    private readonly string? _schema;
    private readonly string? _postgres;

    private ConduitApp(string engine, string? sqlitePath, string? schema, string? postgres)
    {
        Engine = engine;
        _sqlitePath = sqlitePath;
        _schema = schema;
        _postgres = postgres;
    }

    public string Engine { get; }

    public StatementLog Statements { get; } = new();

    public static async Task<ConduitApp> StartAsync(string engine)
    {
        ConduitApp app;
        if (engine == Engines.Postgres)
        {
            var baseCs = Engines.PostgresConnectionString ?? throw new InvalidOperationException(Engines.PostgresSkipReason);
            var schema = "conduit_" + Guid.NewGuid().ToString("N");
            await using (var admin = new NpgsqlConnection(baseCs))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(baseCs) { SearchPath = schema }.ConnectionString;
            app = new ConduitApp(engine, null, schema, cs);
        }
        else
        {
            app = new ConduitApp(engine, Path.Combine(Path.GetTempPath(), "conduit-test-" + Guid.NewGuid().ToString("N") + ".db"), null, null);
        }
        _ = app.Server; // starts the host: the schema is created now
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Statements);
            logging.AddFilter(AssociationsServiceCollectionExtensions.LoggerCategory, LogLevel.Information);
        });
        builder.ConfigureTestServices(services =>
        {
            services.PostConfigure<ConduitOptions>(o =>
            {
                o.Postgres = _postgres ?? "";
                o.Sqlite = _sqlitePath is null ? o.Sqlite : $"Data Source={_sqlitePath}";
                o.JwtSigningKey = "conduit-tests-signing-key-of-32-bytes-at-least!";
            });
            // The real hasher, with fewer iterations than the default, so registering a user costs little.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    /// <summary>A client; with <paramref name="token"/>, it sends <c>Authorization: Token …</c>.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost/api/") });
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        return client;
    }

    /// <summary>A session on the app's database, for checks in plain SQL (not through the API).</summary>
    public async Task<T> Sql<T>(Func<DbSession, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<DbSession>());
    }

    /// <summary>COUNT(*) of a table, with an optional WHERE in plain SQL.</summary>
    public Task<long> Count(string table, string where = "1 = 1") =>
        Sql(db => db.ScalarSqlAsync<long>($"SELECT COUNT(*) FROM \"{table}\" WHERE {where}", []));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm", _sqlitePath + "-journal" })
                if (File.Exists(file)) File.Delete(file);
        }
        if (_schema is not null)
        {
            await using var admin = new NpgsqlConnection(Engines.PostgresConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA \"{_schema}\" CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>What a response carried: its status and its JSON (null when empty).</summary>
public sealed record Reply(HttpStatusCode Status, JsonNode? Json)
{
    public JsonNode Body => Json ?? throw new InvalidOperationException($"The {(int)Status} response has no body.");

    /// <summary>The spec's error messages: <c>errors.body</c>.</summary>
    public string[] Errors => Body["errors"]!["body"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();
}

public static class Http
{
    public static async Task<Reply> Send(this HttpClient client, HttpMethod method, string path, object? body = null, string? raw = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (raw is not null) request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length > 0) Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        return new Reply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static Task<Reply> Get(this HttpClient client, string path) => client.Send(HttpMethod.Get, path);
    public static Task<Reply> Post(this HttpClient client, string path, object? body = null) => client.Send(HttpMethod.Post, path, body);
    public static Task<Reply> Put(this HttpClient client, string path, object? body = null) => client.Send(HttpMethod.Put, path, body);
    public static Task<Reply> Delete(this HttpClient client, string path) => client.Send(HttpMethod.Delete, path);

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();
}
