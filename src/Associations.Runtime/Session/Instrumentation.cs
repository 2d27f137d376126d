using System;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Associations
{
    /// <summary>
    /// Tracing and metrics: an <see cref="ActivitySource"/> and a <see cref="Meter"/>, both named <c>Associations</c>
    /// (<c>AddSource("Associations")</c>, <c>AddMeter("Associations")</c> in OpenTelemetry). Spans follow OpenTelemetry's
    /// database semantic conventions: one Client span per command (<c>db.system.name</c>, <c>db.operation.name</c>,
    /// <c>db.collection.name</c>, <c>db.query.text</c>), inside one Internal span per accessor, CRUD call or query
    /// (<c>associations.model</c>, <c>associations.association</c>, <c>associations.operation</c>).
    /// </summary>
    public static class AssociationsDiagnostics
    {
        /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>.</summary>
        public const string Name = "Associations";

        private static readonly string? Version = typeof(AssociationsDiagnostics).Assembly.GetName().Version?.ToString();

        /// <summary>The activity source of every span the library starts.</summary>
        public static ActivitySource ActivitySource { get; } = new ActivitySource(Name, Version);

        /// <summary>The meter of the library's instruments.</summary>
        public static Meter Meter { get; } = new Meter(Name, Version);

        /// <summary><c>db.client.operation.duration</c> (seconds), per command, as OpenTelemetry's database metrics define it.</summary>
        internal static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>(
            "db.client.operation.duration", unit: "s", description: "Duration of database client operations.");

        /// <summary><c>associations.operation.duration</c> (seconds), per accessor, CRUD call or query.</summary>
        internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
            "associations.operation.duration", unit: "s", description: "Duration of Associations operations (accessors, CRUD, queries), all their commands included.");

        internal static string SystemName(DialectKind kind) => kind == DialectKind.PostgreSql ? "postgresql" : "sqlite";

        // ------------------------------------------------------------------ the statement's summary (operation, table)

        private static readonly ConcurrentDictionary<string, SqlSummary> Summaries = new ConcurrentDictionary<string, SqlSummary>(StringComparer.Ordinal);

        /// <summary>The statement's first keyword (<c>SELECT</c>, <c>INSERT</c>, …) and the first table it names, as the semantic conventions ask
        /// (<c>db.operation.name</c>, <c>db.collection.name</c>). Statements are constants or composed from a few shapes, so they are cached.</summary>
        internal static SqlSummary Summarize(string sql)
        {
            if (Summaries.TryGetValue(sql, out var summary)) return summary;
            summary = SqlSummary.Parse(sql);
            if (Summaries.Count < 4096) Summaries.TryAdd(sql, summary);
            return summary;
        }
    }

    internal readonly struct SqlSummary
    {
        public SqlSummary(string operation, string? collection)
        {
            Operation = operation;
            Collection = collection;
        }

        public string Operation { get; }

        public string? Collection { get; }

        public static SqlSummary Parse(string sql)
        {
            var i = 0;
            var operation = Word(sql, ref i).ToUpperInvariant();
            string? collection = null;
            // the first table: after FROM, INTO, UPDATE, TABLE (CREATE/DROP TABLE [IF [NOT] EXISTS]), or JOIN
            var previous = operation;
            while (i < sql.Length && collection is null)
            {
                var word = Word(sql, ref i);
                if (word.Length == 0) { i++; continue; }
                var upper = word.ToUpperInvariant();
                if (upper is "IF" or "NOT" or "EXISTS" or "ONLY") continue;
                if (previous is "FROM" or "INTO" or "UPDATE" or "TABLE" or "JOIN" && upper is not "SELECT" and not "(")
                    collection = word.Trim('"', '`', '[', ']');
                previous = upper;
            }
            return new SqlSummary(operation, collection);
        }

        private static string Word(string sql, ref int i)
        {
            while (i < sql.Length && (char.IsWhiteSpace(sql[i]) || sql[i] == '(' || sql[i] == ',')) i++;
            var start = i;
            if (i < sql.Length && sql[i] == '"')
            {
                i++;
                while (i < sql.Length && sql[i] != '"') i++;
                if (i < sql.Length) i++;
                return sql.Substring(start, i - start);
            }
            while (i < sql.Length && !char.IsWhiteSpace(sql[i]) && sql[i] != '(' && sql[i] != ',' && sql[i] != ';') i++;
            return sql.Substring(start, i - start);
        }
    }

    // Logging and tracing of the session's commands, transactions and operations. Execution and transactions call in here
    // with one line each, so what is recorded, and how, lives in this file.
    public sealed partial class DbSession
    {
        private static readonly Action<ILogger, string, string, Exception?> LogExecuting = LoggerMessage.Define<string, string>(
            LogLevel.Debug, AssociationsEvents.CommandExecuting, "Executing DbCommand [Parameters=[{Parameters}]]\n{CommandText}");

        private static readonly Action<ILogger, string, string, string, Exception?> LogExecuted = LoggerMessage.Define<string, string, string>(
            LogLevel.Information, AssociationsEvents.CommandExecuted, "Executed DbCommand ({Elapsed}ms) [Parameters=[{Parameters}]]\n{CommandText}");

        private static readonly Action<ILogger, string, string, string, Exception?> LogFailed = LoggerMessage.Define<string, string, string>(
            LogLevel.Error, AssociationsEvents.CommandFailed, "Failed executing DbCommand ({Elapsed}ms) [Parameters=[{Parameters}]]\n{CommandText}");

        private static readonly Action<ILogger, string, string, string, Exception?> LogCanceled = LoggerMessage.Define<string, string, string>(
            LogLevel.Debug, AssociationsEvents.CommandCanceled, "Canceled DbCommand ({Elapsed}ms) [Parameters=[{Parameters}]]\n{CommandText}");

        private static readonly Action<ILogger, string, Exception?> LogSync = LoggerMessage.Define<string>(
            LogLevel.Information, AssociationsEvents.SyncStatement, "Sync: {CommandText}");

        /// <summary>Starts recording one command (span, log, duration); the caller disposes it when the command and its rows are done.</summary>
        private CommandTrace StartCommand(DbCommand command) => StartCommand(command.CommandText, command.Parameters);

        /// <summary>Starts recording a command run by Dapper (plain SQL): its parameters are not known here.</summary>
        private CommandTrace StartCommand(string sql, DbParameterCollection? parameters)
        {
            var logging = _logger is not null && _logger.IsEnabled(LogLevel.Debug) || _logger is not null && _logger.IsEnabled(LogLevel.Error);
            var activity = AssociationsDiagnostics.ActivitySource.HasListeners() ? StartCommandActivity(sql, parameters) : null;
            if (!logging && activity is null && !AssociationsDiagnostics.CommandDuration.Enabled) return CommandTrace.Disabled;
            string? parameterText = null;
            if (_logger is not null && _logger.IsEnabled(LogLevel.Debug))
                LogExecuting(_logger, parameterText = FormatParameters(parameters), sql, null);
            return new CommandTrace(this, sql, parameters, parameterText, activity);
        }

        private Activity? StartCommandActivity(string sql, DbParameterCollection? parameters)
        {
            var summary = AssociationsDiagnostics.Summarize(sql);
            var name = summary.Collection is null ? summary.Operation : summary.Operation + " " + summary.Collection;
            var activity = AssociationsDiagnostics.ActivitySource.StartActivity(name, ActivityKind.Client);
            if (activity is null || !activity.IsAllDataRequested) return activity;
            activity.SetTag("db.system.name", AssociationsDiagnostics.SystemName(Dialect.Kind));
            activity.SetTag("db.operation.name", summary.Operation);
            if (summary.Collection is not null) activity.SetTag("db.collection.name", summary.Collection);
            activity.SetTag("db.query.text", sql);
            if (!string.IsNullOrEmpty(Connection.Database)) activity.SetTag("db.namespace", Connection.Database);
            if (Options.EnableSensitiveDataLogging && parameters is not null)
                foreach (DbParameter parameter in parameters)
                    activity.SetTag("db.query.parameter." + parameter.ParameterName.TrimStart('@', ':', '$'), FormatValue(parameter.Value));
            return activity;
        }

        private string FormatParameters(DbParameterCollection? parameters)
        {
            if (parameters is null || parameters.Count == 0) return "";
            var text = new StringBuilder();
            foreach (DbParameter parameter in parameters)
            {
                if (text.Length > 0) text.Append(", ");
                text.Append(parameter.ParameterName).Append('=');
                if (Options.EnableSensitiveDataLogging) text.Append('\'').Append(FormatValue(parameter.Value)).Append('\'');
                else text.Append("'?'");
                text.Append(" (DbType = ").Append(parameter.DbType.ToString()).Append(')');
            }
            return text.ToString();
        }

        private static string FormatValue(object? value) => value switch
        {
            null or DBNull => "NULL",
            byte[] bytes => "0x" + Convert.ToHexString(bytes, 0, Math.Min(bytes.Length, 32)) + (bytes.Length > 32 ? "…" : ""),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            Array array => "[" + array.Length.ToString(CultureInfo.InvariantCulture) + " values]",
            _ => value.ToString() ?? "",
        };

        /// <summary>One command being recorded: ends its span, logs it as executed or failed with the elapsed time, records its duration.</summary>
        private sealed class CommandTrace : IDisposable
        {
            public static readonly CommandTrace Disabled = new CommandTrace(null, "", null, null, null);

            private readonly DbSession? _session;
            private readonly string _sql;
            private readonly DbParameterCollection? _parameters;
            private readonly Activity? _activity;
            private readonly long _started;
            private string? _parameterText;
            private Exception? _error;

            public CommandTrace(DbSession? session, string sql, DbParameterCollection? parameters, string? parameterText, Activity? activity)
            {
                _session = session;
                _sql = sql;
                _parameters = parameters;
                _parameterText = parameterText;
                _activity = activity;
                _started = session is null ? 0 : Stopwatch.GetTimestamp();
            }

            /// <summary>Records the failure; always false, so that <c>catch (…) when (trace.Fail(e))</c> never catches.</summary>
            public bool Fail(Exception error)
            {
                if (_session is not null) _error ??= error;
                return false;
            }

            public void Dispose()
            {
                var session = _session;
                if (session is null) return;
                var elapsed = Stopwatch.GetElapsedTime(_started);
                var logger = session._logger;
                var canceled = _error is OperationCanceledException;
                var level = _error is null ? LogLevel.Information : canceled ? LogLevel.Debug : LogLevel.Error;
                if (logger is not null && logger.IsEnabled(level))
                {
                    _parameterText ??= session.FormatParameters(_parameters);
                    var ms = elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
                    if (_error is null) LogExecuted(logger, ms, _parameterText, _sql, null);
                    else if (canceled) LogCanceled(logger, ms, _parameterText, _sql, _error);
                    else LogFailed(logger, ms, _parameterText, _sql, _error);
                }
                if (AssociationsDiagnostics.CommandDuration.Enabled)
                {
                    var summary = AssociationsDiagnostics.Summarize(_sql);
                    var tags = new TagList
                    {
                        { "db.system.name", AssociationsDiagnostics.SystemName(session.Dialect.Kind) },
                        { "db.operation.name", summary.Operation },
                    };
                    if (summary.Collection is not null) tags.Add("db.collection.name", summary.Collection);
                    if (_error is not null) tags.Add("error.type", _error.GetType().FullName);
                    AssociationsDiagnostics.CommandDuration.Record(elapsed.TotalSeconds, tags);
                }
                if (_activity is not null)
                {
                    if (_error is not null) SetError(_activity, _error);
                    _activity.Dispose();
                }
            }
        }

        private static void SetError(Activity activity, Exception error)
        {
            activity.SetStatus(ActivityStatusCode.Error, error.Message);
            activity.SetTag("error.type", error.GetType().FullName);
            activity.AddException(error);
        }

        /// <summary>Whether <c>catch (…) when (CommandFailed(trace, e))</c> should catch: never; it records the error on the trace.</summary>
        private static bool CommandFailed(CommandTrace trace, Exception error) => trace.Fail(error);

        // ------------------------------------------------------------------ operations (accessors, CRUD, queries)

        /// <summary>Starts the span of one library operation (an accessor, a CRUD call, a query), null when nobody listens.</summary>
        internal OperationTrace? StartOperation(string model, string? association, string operation)
        {
            var listening = AssociationsDiagnostics.ActivitySource.HasListeners();
            if (!listening && !AssociationsDiagnostics.OperationDuration.Enabled) return null;
            Activity? activity = null;
            if (listening)
            {
                var name = operation + " " + (association is null ? model : model + "." + association);
                activity = AssociationsDiagnostics.ActivitySource.StartActivity(name, ActivityKind.Internal);
                if (activity is not null && activity.IsAllDataRequested)
                {
                    activity.SetTag("db.system.name", AssociationsDiagnostics.SystemName(Dialect.Kind));
                    activity.SetTag("associations.model", model);
                    if (association is not null) activity.SetTag("associations.association", association);
                    activity.SetTag("associations.operation", operation);
                }
            }
            return new OperationTrace(this, model, association, operation, activity);
        }

        /// <summary>The span of a query run on its own (not inside an accessor, whose span already covers it).</summary>
        internal OperationTrace? StartQuery(string model, string operation)
        {
            var current = Activity.Current;
            if (current is not null && ReferenceEquals(current.Source, AssociationsDiagnostics.ActivitySource) && current.Kind == ActivityKind.Internal) return null;
            return StartOperation(model, null, operation);
        }

        /// <summary>Records the failure on the operation's span; always false (used in exception filters).</summary>
        private static bool OperationFailed(OperationTrace? trace, Exception error)
        {
            trace?.Fail(error);
            return false;
        }

        internal sealed class OperationTrace : IDisposable
        {
            private readonly DbSession _session;
            private readonly string _model;
            private readonly string? _association;
            private readonly string _operation;
            private readonly Activity? _activity;
            private readonly long _started = Stopwatch.GetTimestamp();
            private Exception? _error;

            public OperationTrace(DbSession session, string model, string? association, string operation, Activity? activity)
            {
                _session = session;
                _model = model;
                _association = association;
                _operation = operation;
                _activity = activity;
            }

            public void Fail(Exception error) => _error ??= error;

            public void Dispose()
            {
                if (AssociationsDiagnostics.OperationDuration.Enabled)
                {
                    var tags = new TagList
                    {
                        { "db.system.name", AssociationsDiagnostics.SystemName(_session.Dialect.Kind) },
                        { "associations.model", _model },
                        { "associations.operation", _operation },
                    };
                    if (_association is not null) tags.Add("associations.association", _association);
                    if (_error is not null) tags.Add("error.type", _error.GetType().FullName);
                    AssociationsDiagnostics.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
                }
                if (_activity is not null)
                {
                    if (_error is not null) SetError(_activity, _error);
                    _activity.Dispose();
                }
            }
        }

        // ------------------------------------------------------------------ transactions and sync

        internal void LogTransaction(EventId eventId, string? savepoint)
        {
            if (_logger is null || !_logger.IsEnabled(LogLevel.Debug)) return;
            var what = eventId.Id switch
            {
                1100 => "Began transaction",
                1101 => "Committed transaction",
                1102 => "Rolled back transaction",
                1103 => "Created savepoint",
                1104 => "Released savepoint",
                1105 => "Rolled back to savepoint",
                _ => eventId.Name ?? "Transaction event",
            };
            _logger.Log(LogLevel.Debug, eventId, "{Event} {Savepoint}", what, savepoint ?? "");
            Activity.Current?.AddEvent(new ActivityEvent(what.ToLowerInvariant()));
        }

        internal void LogTransactionFailed(string action, Exception error)
        {
            _logger?.Log(LogLevel.Error, AssociationsEvents.TransactionFailed, error, "Failed to {Action} the transaction", action);
        }

        /// <summary>Records a failed transaction action; always false (used in exception filters).</summary>
        internal bool TransactionFailed(string action, Exception error)
        {
            LogTransactionFailed(action, error);
            return false;
        }

        private void LogSyncStatement(string statement)
        {
            if (_logger is not null && _logger.IsEnabled(LogLevel.Information)) LogSync(_logger, statement, null);
        }
    }
}
