using System.Diagnostics;
using System.Diagnostics.Metrics;
using Associations.Tests.Infrastructure;
using Associations.Tests.Models;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Associations.Tests;

/// <summary>Logging (event ids, levels, elapsed time, sensitive data), spans and metrics named "Associations".</summary>
public class ObservabilityTests
{
    private const string TestSourceName = "Associations.Tests.Observability";
    private static readonly ActivitySource TestSource = new(TestSourceName);

    [Fact]
    public async Task Commands_are_logged_with_stable_event_ids_elapsed_time_and_no_values_by_default()
    {
        var logger = new RecordingLogger();
        await using var db = new DbSession(new SqliteConnection("Data Source=:memory:"), logger: logger);
        await db.SyncAsync<User>();
        await db.InsertAsync(new User { Name = "secret name" });

        var executing = logger.Entries.Where(e => e.EventId == AssociationsEvents.CommandExecuting).ToList();
        var executed = logger.Entries.Where(e => e.EventId == AssociationsEvents.CommandExecuted).ToList();
        Assert.All(executing, e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.All(executed, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Equal(1000, AssociationsEvents.CommandExecuting.Id);
        Assert.Equal(1001, AssociationsEvents.CommandExecuted.Id);
        Assert.Equal(1002, AssociationsEvents.CommandFailed.Id);
        var insert = Assert.Single(executed, e => e.Message.Contains("INSERT INTO \"Users\"", StringComparison.Ordinal));
        Assert.Matches(@"^Executed DbCommand \(\d+ms\) \[Parameters=\[@p0='\?' \(DbType = String\)", insert.Message);
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains("secret name", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.EventId == AssociationsEvents.SyncStatement && e.Level == LogLevel.Information
                                             && e.Message.Contains("CREATE TABLE IF NOT EXISTS \"Users\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parameter_values_are_logged_only_with_sensitive_data_logging()
    {
        var logger = new RecordingLogger();
        await using var db = new DbSession(new SqliteConnection("Data Source=:memory:"), new DbSessionOptions { EnableSensitiveDataLogging = true }, logger);
        await db.SyncAsync<User>();
        await db.InsertAsync(new User { Name = "visible" });
        Assert.Contains(logger.Entries, e => e.EventId == AssociationsEvents.CommandExecuted && e.Message.Contains("@p0='visible'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_command_is_logged_at_error_level_with_its_exception()
    {
        var logger = new RecordingLogger();
        await using var db = new DbSession(new SqliteConnection("Data Source=:memory:"), logger: logger);
        await Assert.ThrowsAsync<SqliteException>(() => db.ExecuteSqlAsync("SELECT * FROM \"Missing\"", []));
        var failed = Assert.Single(logger.Entries, e => e.EventId == AssociationsEvents.CommandFailed);
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.IsType<SqliteException>(failed.Exception);
        Assert.Contains("SELECT * FROM \"Missing\"", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_canceled_command_is_logged_as_canceled_at_debug_level_not_as_an_error()
    {
        var logger = new RecordingLogger();
        await using var db = new DbSession(new SqliteConnection("Data Source=:memory:"), logger: logger);
        await db.SyncAsync<User>();
        await db.InsertAsync(new User { Name = "a" });
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in db.Query<User>().AsAsyncEnumerable(cancel.Token)) cancel.Cancel();
        });
        var canceled = Assert.Single(logger.Entries, e => e.EventId == AssociationsEvents.CommandCanceled);
        Assert.Equal(LogLevel.Debug, canceled.Level);
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Transactions_and_savepoints_are_logged()
    {
        var logger = new RecordingLogger();
        await using var db = new DbSession(new SqliteConnection("Data Source=:memory:"), logger: logger);
        await db.SyncAsync<User>();
        await db.InTransactionAsync(async () =>
        {
            await db.InsertAsync(new User { Name = "a" });
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                db.InTransactionAsync(() => throw new InvalidOperationException("inner")));
        });
        await using (var tx = await db.BeginTransactionAsync()) { } // rolled back on dispose

        var ids = logger.Entries.Select(e => e.EventId.Id).ToList();
        Assert.Contains(AssociationsEvents.TransactionStarted.Id, ids);
        Assert.Contains(AssociationsEvents.TransactionCommitted.Id, ids);
        Assert.Contains(AssociationsEvents.SavepointCreated.Id, ids);
        Assert.Contains(AssociationsEvents.SavepointRolledBack.Id, ids);
        Assert.Contains(AssociationsEvents.TransactionRolledBack.Id, ids);
        Assert.All(logger.Entries.Where(e => e.EventId.Id is >= 1100 and < 1106), e => Assert.Equal(LogLevel.Debug, e.Level));
    }

    [Theory, Sqlite, Postgres]
    public async Task Accessors_and_commands_are_spans_following_the_database_semantic_conventions(string engine)
    {
        await using var t = await TestDb.CreateAsync(engine);
        await t.Db.SyncAsync<User>();
        var john = await t.Db.InsertAsync(new User { Name = "John" });
        await john.CreateArticleAsync(t.Db, new Post { Title = "Hello" });

        var spans = new List<Activity>();
        using var parent = new ActivityListenerScope(spans);
        using (var root = TestSource.StartActivity("test"))
        {
            parent.TraceId = root!.TraceId;
            var articles = await john.GetArticlesAsync(t.Db, q => q.Where(Post.Columns.Title == "Hello"));
            Assert.Single(articles);
            Assert.Equal(1, await t.Db.Query<Post>().CountAsync());
        }

        var mine = spans.Where(a => a.Source.Name == "Associations").ToList();
        var operation = Assert.Single(mine, a => a.DisplayName == "get User.Articles");
        Assert.Equal(ActivityKind.Internal, operation.Kind);
        Assert.Equal("User", operation.GetTagItem("associations.model"));
        Assert.Equal("Articles", operation.GetTagItem("associations.association"));
        Assert.Equal("get", operation.GetTagItem("associations.operation"));

        var command = Assert.Single(mine, a => a.ParentSpanId == operation.SpanId && a.Kind == ActivityKind.Client);
        Assert.Equal("SELECT Posts", command.DisplayName);
        Assert.Equal(t.IsPostgres ? "postgresql" : "sqlite", command.GetTagItem("db.system.name"));
        Assert.Equal("SELECT", command.GetTagItem("db.operation.name"));
        Assert.Equal("Posts", command.GetTagItem("db.collection.name"));
        Assert.Contains("FROM \"Posts\"", (string)command.GetTagItem("db.query.text")!, StringComparison.Ordinal);
        Assert.Null(command.GetTagItem("db.query.parameter.p0")); // values only with EnableSensitiveDataLogging

        var count = Assert.Single(mine, a => a.DisplayName == "count Post");
        Assert.Equal("Post", count.GetTagItem("associations.model"));
        Assert.Contains(mine, a => a.ParentSpanId == count.SpanId && a.Kind == ActivityKind.Client && (string?)a.GetTagItem("db.operation.name") == "SELECT");
    }

    [Fact]
    public async Task A_failing_command_marks_its_span_and_the_operation_as_errors()
    {
        await using var db = new DbSession(new SqliteConnection("Data Source=:memory:"));
        await db.SyncAsync<User>();
        var spans = new List<Activity>();
        using var listener = new ActivityListenerScope(spans);
        using (var root = TestSource.StartActivity("test"))
        {
            listener.TraceId = root!.TraceId;
            var ghost = new User { Id = 404, Name = "ghost" };
            await Assert.ThrowsAsync<AssociationException>(() => ghost.CreateArticleAsync(db, new Post { Title = "x" }));
        }
        var mine = spans.Where(a => a.Source.Name == "Associations").ToList();
        Assert.Contains(mine, a => a.Kind == ActivityKind.Client && a.Status == ActivityStatusCode.Error && a.GetTagItem("error.type") is string);
        Assert.Contains(mine, a => a.Kind == ActivityKind.Internal && a.Status == ActivityStatusCode.Error);
    }

    [Fact]
    public async Task Command_durations_are_recorded_on_the_Associations_meter()
    {
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AssociationsDiagnostics.Name) l.EnableMeasurementEvents(instrument);
        };
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var dictionary = new Dictionary<string, object?>();
            foreach (var tag in tags) dictionary[tag.Key] = tag.Value;
            lock (measurements) measurements.Add((instrument.Name, value, dictionary));
        });
        meterListener.Start();

        await using var db = new DbSession(new SqliteConnection("Data Source=:memory:"));
        await db.SyncAsync<User>();
        await db.InsertAsync(new User { Name = "m" });

        List<(string Instrument, double Value, Dictionary<string, object?> Tags)> seen;
        lock (measurements) seen = measurements.ToList();
        Assert.Contains(seen, m => m.Instrument == "db.client.operation.duration" && m.Value >= 0
                                   && (string?)m.Tags["db.system.name"] == "sqlite"
                                   && (string?)m.Tags["db.operation.name"] == "INSERT"
                                   && (string?)m.Tags["db.collection.name"] == "Users");
        Assert.Contains(seen, m => m.Instrument == "associations.operation.duration" && (string?)m.Tags["associations.model"] == "User"
                                   && (string?)m.Tags["associations.operation"] == "insert");
    }

    /// <summary>Listens to every source, keeping the spans of one trace (tests run in parallel).</summary>
    private sealed class ActivityListenerScope : IDisposable
    {
        private readonly ActivityListener _listener;

        public ActivityListenerScope(List<Activity> spans)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name is AssociationsDiagnostics.Name or TestSourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    if (a.TraceId == TraceId) lock (spans) spans.Add(a);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public ActivityTraceId TraceId { get; set; }

        public void Dispose() => _listener.Dispose();
    }
}
