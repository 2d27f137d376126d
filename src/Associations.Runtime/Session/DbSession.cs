using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Associations
{
    /// <summary>
    /// A unit of work on one connection: picks the dialect, opens the connection on first use, turns on
    /// SQLite foreign keys, carries the ambient transaction, runs CRUD, queries and schema sync.
    /// Not thread-safe (like the connection it wraps).
    /// </summary>
    public sealed partial class DbSession : IAsyncDisposable, IDisposable
    {
        private readonly bool _ownsConnection;
        private readonly ILogger? _logger;
        private bool _prepared;
        private int _savepoints;

        /// <summary>Wraps <paramref name="connection"/> (open or closed).</summary>
        /// <param name="connection">A SQLite or PostgreSQL connection; opened on first use when closed.</param>
        /// <param name="ownsConnection">Dispose the connection with the session (default).</param>
        /// <param name="logger">Receives the events of <see cref="AssociationsEvents"/> (commands, transactions, sync).</param>
        /// <param name="dialect">Overrides the dialect picked from the connection type.</param>
        public DbSession(DbConnection connection, bool ownsConnection = true, ILogger? logger = null, Dialect? dialect = null)
        {
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _ownsConnection = ownsConnection;
            _logger = logger;
            Dialect = dialect ?? Dialect.FromConnection(connection);
            Options = new DbSessionOptions { OwnsConnection = ownsConnection, Dialect = dialect };
        }

        /// <summary>Wraps <paramref name="connection"/> with <paramref name="options"/> (what <c>AddAssociations</c> uses).</summary>
        /// <param name="connection">A SQLite or PostgreSQL connection; opened on first use when closed.</param>
        /// <param name="options">Sensitive-data logging, dialect, connection ownership.</param>
        /// <param name="logger">Receives the events of <see cref="AssociationsEvents"/>.</param>
        public DbSession(DbConnection connection, DbSessionOptions options, ILogger? logger = null)
            : this(connection, (options ?? throw new ArgumentNullException(nameof(options))).OwnsConnection, logger, options.Dialect)
        {
            Options = options.Clone();
        }

        /// <summary>The options this session was created with.</summary>
        public DbSessionOptions Options { get; }

        /// <summary>The wrapped connection.</summary>
        public DbConnection Connection { get; }

        /// <summary>The SQL dialect of the connection.</summary>
        public Dialect Dialect { get; }

        /// <summary>The ambient transaction every command joins, if one is open.</summary>
        public DbTransaction? CurrentTransaction { get; private set; }

        /// <summary>A query over every row of <typeparamref name="T"/>.</summary>
        public Query<T> Query<T>() where T : class, IModel<T> => new Query<T>(this, T.Metadata);

        // ------------------------------------------------------------------ CRUD

        /// <summary>Inserts <paramref name="entity"/>, writes the generated key back onto it and returns it.
        /// Its <see cref="IBeforeInsert"/>/<see cref="IAfterInsert"/> hooks run in the same transaction.</summary>
        public async Task<T> InsertAsync<T>(T entity, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (entity is null) throw new ArgumentNullException(nameof(entity));
            var meta = T.Metadata;
            await RunAsync(meta.Name, null, null, "insert", async ct =>
            {
                if (entity is IBeforeInsert before) await before.OnBeforeInsertAsync(this, ct).ConfigureAwait(false);
                var sql = meta.Statements.Insert.For(Dialect.Kind);
                if (meta.KeyGenerated)
                {
                    var key = await ScalarAsync(sql, meta.GetInsertValues(entity), ct).ConfigureAwait(false);
                    meta.SetGeneratedKey(entity, key!);
                }
                else
                {
                    await ExecuteAsync(sql, meta.GetInsertValues(entity), ct).ConfigureAwait(false);
                }
                if (entity is IAfterInsert after) await after.OnAfterInsertAsync(this, ct).ConfigureAwait(false);
                return 0;
            }, atomic: HookInfo<T>.Insert, cancellationToken).ConfigureAwait(false);
            return entity;
        }

        /// <summary>Inserts every entity in one transaction (all or none) and returns them with their keys.</summary>
        public async Task<List<T>> InsertManyAsync<T>(IEnumerable<T> entities, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (entities is null) throw new ArgumentNullException(nameof(entities));
            var list = entities.ToList();
            if (list.Count == 0) return list;
            await InTransactionAsync(async () =>
            {
                foreach (var entity in list) await InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return list;
        }

        /// <summary>Writes every column of <paramref name="entity"/> by its key; throws when no row has that key.
        /// Its update hooks run in the same transaction.</summary>
        public async Task<T> UpdateAsync<T>(T entity, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (entity is null) throw new ArgumentNullException(nameof(entity));
            var meta = T.Metadata;
            RequireSaved(meta, entity, null, "update");
            var key = meta.GetKey(entity);
            await RunAsync(meta.Name, null, key, "update", async ct =>
            {
                if (entity is IBeforeUpdate before) await before.OnBeforeUpdateAsync(this, ct).ConfigureAwait(false);
                var affected = await ExecuteAsync(meta.Statements.Update.For(Dialect.Kind), meta.GetUpdateValues(entity), ct).ConfigureAwait(false);
                if (affected == 0)
                    throw new AssociationException($"Cannot update {meta.Name} with key {key}: no such row.", meta.Name, null, key);
                if (entity is IAfterUpdate after) await after.OnAfterUpdateAsync(this, ct).ConfigureAwait(false);
                return 0;
            }, atomic: HookInfo<T>.Update, cancellationToken).ConfigureAwait(false);
            return entity;
        }

        /// <summary>Deletes the row of <paramref name="entity"/>; throws when no row has its key. Its delete hooks run,
        /// and children of <c>Hooks = true</c> associations are deleted first through the runtime (running theirs), all in one transaction.</summary>
        public async Task DeleteAsync<T>(T entity, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (entity is null) throw new ArgumentNullException(nameof(entity));
            var meta = T.Metadata;
            RequireSaved(meta, entity, null, "delete");
            var key = meta.GetKey(entity);
            await RunAsync(meta.Name, null, key, "delete", async ct =>
            {
                if (entity is IBeforeDelete before) await before.OnBeforeDeleteAsync(this, ct).ConfigureAwait(false);
                await meta.DeleteChildrenAsync(this, entity, ct).ConfigureAwait(false);
                var affected = await ExecuteAsync(meta.Statements.Delete.For(Dialect.Kind), KeyValues(key), ct).ConfigureAwait(false);
                if (affected == 0)
                    throw new AssociationException($"Cannot delete {meta.Name} with key {key}: no such row.", meta.Name, null, key);
                if (entity is IAfterDelete after) await after.OnAfterDeleteAsync(this, ct).ConfigureAwait(false);
                return 0;
            }, atomic: HookInfo<T>.Delete || meta.CascadesThroughRuntime, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The row of <typeparamref name="T"/> with <paramref name="key"/>, or null.</summary>
        public async Task<T?> FindAsync<T>(object key, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (key is null) throw new ArgumentNullException(nameof(key));
            var meta = T.Metadata;
            if (meta.HasDefaultScope && meta.Key.Count == 1)
                return await Query<T>().Where(Condition.Equal(meta.Key[0], key)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var rows = await RunAsync(meta.Name, null, key, "find",
                ct => QueryAsync(meta, meta.Statements.Find.For(Dialect.Kind), KeyValues(key), ct),
                atomic: false, cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }

        /// <summary>
        /// Loads includes for rows already in memory: <c>await db.LoadAsync(users, q =&gt; q.IncludeArticles())</c>
        /// runs one statement per include level for all of them (to-one includes too, keyed on the rows' keys).
        /// </summary>
        public async Task LoadAsync<T>(IEnumerable<T> rows, Func<Query<T>, Query<T>> includes, CancellationToken cancellationToken = default)
            where T : class, IModel<T>
        {
            if (rows is null) throw new ArgumentNullException(nameof(rows));
            if (includes is null) throw new ArgumentNullException(nameof(includes));
            var list = rows as IReadOnlyList<T> ?? rows.ToList();
            await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            await includes(new Query<T>(this, T.Metadata)).LoadIncludesAsync(this, list, joined: false, cancellationToken).ConfigureAwait(false);
        }

        private static object?[] KeyValues(object? key) => key is CompositeKey composite ? composite.Parts.ToArray() : new[] { key };

        // ------------------------------------------------------------------ schema

        /// <summary>Creates the tables of <typeparamref name="T"/> and of every model connected to it, in foreign-key order.</summary>
        public Task SyncAsync<T>(SyncOptions? options = null, CancellationToken cancellationToken = default) where T : class, IModel<T> =>
            SyncModelsAsync(Schema.Connected(new ModelMetadata[] { T.Metadata }), options, cancellationToken);

        /// <summary>
        /// Creates the tables of every model the generated registries have registered (each assembly with models registers
        /// them from a module initializer), in foreign-key order. No reflection: works under Native AOT.
        /// </summary>
        public Task SyncAsync(SyncOptions? options = null, CancellationToken cancellationToken = default) =>
            SyncModelsAsync(ModelRegistry.All, options, cancellationToken);

        /// <summary>Creates the tables of <paramref name="models"/>, in foreign-key order.</summary>
        public Task SyncModelsAsync(IEnumerable<ModelMetadata> models, SyncOptions? options = null, CancellationToken cancellationToken = default)
        {
            var ordered = Schema.Order(models);
            var statements = Schema.Statements(Dialect, ordered, options?.Force == true);
            return InTransactionAsync(async () =>
            {
                foreach (var statement in statements)
                {
                    LogSyncStatement(statement);
                    await ExecuteAsync(statement, Array.Empty<object?>(), cancellationToken).ConfigureAwait(false);
                }
            }, cancellationToken);
        }

        // ------------------------------------------------------------------ plain SQL (Dapper)

        private const string DapperTrimMessage =
            "Dapper reads the parameter object and maps rows by reflection. Under trimming or Native AOT, pass the parameters as a list (@p0, @p1, …): ExecuteSqlAsync(sql, [..]), ScalarSqlAsync<T>(sql, [..]), and QuerySqlAsync<TModel>(sql, [..]) for model rows.";

        private const string DapperAotMessage =
            "Dapper generates code at run time to bind parameters and map rows. Under Native AOT, pass the parameters as a list (@p0, @p1, …): ExecuteSqlAsync(sql, [..]), ScalarSqlAsync<T>(sql, [..]), and QuerySqlAsync<TModel>(sql, [..]) for model rows.";

        /// <summary>Runs plain SQL through Dapper inside the session's transaction; returns the affected rows.</summary>
        [RequiresUnreferencedCode(DapperTrimMessage)]
        [RequiresDynamicCode(DapperAotMessage)]
        public async Task<int> ExecuteSqlAsync(string sql, object? parameters = null, CancellationToken cancellationToken = default)
        {
            await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            using var trace = StartCommand(sql, null);
            try
            {
                return await Connection.ExecuteAsync(new CommandDefinition(sql, parameters, CurrentTransaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception error) when (CommandFailed(trace, error)) { throw; }
        }

        /// <summary>Runs a plain SQL query through Dapper inside the session's transaction.</summary>
        [RequiresUnreferencedCode(DapperTrimMessage)]
        [RequiresDynamicCode(DapperAotMessage)]
        public async Task<List<TRow>> QuerySqlAsync<TRow>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
        {
            await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            using var trace = StartCommand(sql, null);
            try
            {
                var rows = await Connection.QueryAsync<TRow>(new CommandDefinition(sql, parameters, CurrentTransaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return rows.AsList();
            }
            catch (Exception error) when (CommandFailed(trace, error)) { throw; }
        }

        /// <summary>Runs a plain SQL scalar query through Dapper inside the session's transaction.</summary>
        [RequiresUnreferencedCode(DapperTrimMessage)]
        [RequiresDynamicCode(DapperAotMessage)]
        public async Task<TValue?> ScalarSqlAsync<TValue>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
        {
            await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            using var trace = StartCommand(sql, null);
            try
            {
                return await Connection.ExecuteScalarAsync<TValue>(new CommandDefinition(sql, parameters, CurrentTransaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception error) when (CommandFailed(trace, error)) { throw; }
        }

        // ------------------------------------------------------------------ disposal

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            ClearCommands();
            if (CurrentTransaction is not null)
            {
                await CurrentTransaction.DisposeAsync().ConfigureAwait(false);
                CurrentTransaction = null;
            }
            if (_ownsConnection) await Connection.DisposeAsync().ConfigureAwait(false);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            ClearCommands();
            CurrentTransaction?.Dispose();
            CurrentTransaction = null;
            if (_ownsConnection) Connection.Dispose();
        }
    }

    /// <summary>Options of <c>SyncAsync</c>.</summary>
    public sealed class SyncOptions
    {
        /// <summary>Drop the tables first (in reverse dependency order), then create them.</summary>
        public bool Force { get; set; }
    }
}
