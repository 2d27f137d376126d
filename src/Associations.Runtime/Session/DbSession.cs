using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
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
    /// One operation at a time, like the connection it wraps: an operation started while another one is
    /// running throws <see cref="InvalidOperationException"/> (work the running operation does itself, such
    /// as a hook or an <c>InTransactionAsync</c> body using the session, is part of it).
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

        /// <summary>The ambient transaction every command joins, if one is open: one the session began, or one handed over
        /// with <see cref="UseTransaction"/> (until its owner ends it).</summary>
        public DbTransaction? CurrentTransaction
        {
            get
            {
                if (_external is not null && HasEnded(_external))
                {
                    // The caller ended the transaction it handed over: stop joining it.
                    if (ReferenceEquals(_currentTransaction, _external)) _currentTransaction = null;
                    _external = null;
                }
                return _currentTransaction;
            }
            private set => _currentTransaction = value;
        }

        private DbTransaction? _currentTransaction;

        /// <summary>Whether a transaction was committed or rolled back (providers null its connection; Npgsql may throw once it is disposed).</summary>
        private static bool HasEnded(DbTransaction transaction)
        {
            try
            {
                return transaction.Connection is null;
            }
            catch (ObjectDisposedException)
            {
                return true;
            }
        }

        /// <summary>A query over every row of <typeparamref name="T"/>.</summary>
        public Query<T> Query<T>() where T : class, IModel<T> => new Query<T>(this, T.Metadata);

        // ------------------------------------------------------------------ CRUD

        /// <summary>Inserts <paramref name="entity"/>, writes the generated key back onto it and returns it.
        /// Its <see cref="IBeforeInsert"/>/<see cref="IAfterInsert"/> hooks run in the same transaction.</summary>
        public async Task<T> InsertAsync<T>(T entity, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (entity is null) throw new ArgumentNullException(nameof(entity));
            using var op = EnterOperation();
            var meta = T.Metadata;
            // A graph insert: what the loaded navigations hold is saved too, in the same transaction.
            var links = meta.GraphLinks;
            var graph = false;
            for (var i = 0; i < links.Count && !graph; i++) graph = links[i].HasLoaded(entity);
            await RunAsync(meta.Name, null, null, "insert", async ct =>
            {
                if (entity is IBeforeInsert before) await before.OnBeforeInsertAsync(this, ct).ConfigureAwait(false);
                if (graph)
                    foreach (var link in links) await link.SaveBeforeAsync(this, entity, ct).ConfigureAwait(false);
                var sql = meta.Statements.Insert.For(Dialect.Kind);
                Touch(meta, entity, inserted: true);
                var values = meta.GetInsertValues(entity);
                meta.CheckLengths(values, update: false);
                if (meta.KeyGenerated)
                {
                    var previous = meta.GetKey(entity);
                    var key = await ScalarAsync(sql, values, ct).ConfigureAwait(false);
                    meta.SetGeneratedKey(entity, key!);
                    // Put the key back if the transaction this insert is part of rolls back.
                    if (previous is not null) RecordUndo(() => meta.SetGeneratedKey(entity, previous));
                }
                else
                {
                    await ExecuteAsync(sql, values, ct).ConfigureAwait(false);
                }
                if (graph)
                    foreach (var link in links) await link.SaveAfterAsync(this, entity, ct).ConfigureAwait(false);
                if (entity is IAfterInsert after) await after.OnAfterInsertAsync(this, ct).ConfigureAwait(false);
                return 0;
            }, atomic: HookInfo<T>.Insert || graph, cancellationToken).ConfigureAwait(false);
            return entity;
        }

        /// <summary>Inserts every entity in one transaction (all or none) and returns them with their keys.</summary>
        public async Task<List<T>> InsertManyAsync<T>(IEnumerable<T> entities, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (entities is null) throw new ArgumentNullException(nameof(entities));
            using var op = EnterOperation();
            var list = entities.ToList();
            for (var i = 0; i < list.Count; i++)
                if (list[i] is null) throw new ArgumentNullException(nameof(entities), $"The list of {T.Metadata.Name} instances cannot contain null (index {i}).");
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
            using var op = EnterOperation();
            var meta = T.Metadata;
            RequireSaved(meta, entity, null, "update");
            var key = meta.GetKey(entity);
            await RunAsync(meta.Name, null, key, "update", async ct =>
            {
                if (entity is IBeforeUpdate before) await before.OnBeforeUpdateAsync(this, ct).ConfigureAwait(false);
                Touch(meta, entity, inserted: false);
                var values = meta.GetUpdateValues(entity);
                meta.CheckLengths(values, update: true);
                var affected = await ExecuteAsync(meta.Statements.Update.For(Dialect.Kind), values, ct).ConfigureAwait(false);
                if (affected == 0)
                    throw new AssociationException($"Cannot update {meta.Name} with key {key}: no such row.", meta.Name, null, key);
                if (entity is IAfterUpdate after) await after.OnAfterUpdateAsync(this, ct).ConfigureAwait(false);
                return 0;
            }, atomic: HookInfo<T>.Update, cancellationToken).ConfigureAwait(false);
            return entity;
        }

        /// <summary>Deletes the row of <paramref name="entity"/>; throws when no row has its key. Its delete hooks run,
        /// and children of <c>Hooks = true</c> associations are deleted first through the runtime (running theirs), all in one transaction.</summary>
        public Task DeleteAsync<T>(T entity, CancellationToken cancellationToken = default) where T : class, IModel<T> =>
            DeleteAsync(entity, force: false, cancellationToken);

        /// <summary>Deletes the row of <paramref name="entity"/>. A <c>[Paranoid]</c> model's row is soft-deleted (its <c>DeletedAt</c>
        /// set) unless <paramref name="force"/>; other models' rows are always deleted. Delete hooks run either way.</summary>
        public async Task DeleteAsync<T>(T entity, bool force, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (entity is null) throw new ArgumentNullException(nameof(entity));
            using var op = EnterOperation();
            var meta = T.Metadata;
            RequireSaved(meta, entity, null, "delete");
            var key = meta.GetKey(entity);
            try
            {
                await RunAsync(meta.Name, null, key, "delete", async ct =>
                {
                    if (entity is IBeforeDelete before) await before.OnBeforeDeleteAsync(this, ct).ConfigureAwait(false);
                    int affected;
                    if (meta.DeletedAt is not null && !force)
                    {
                        affected = await SetDeletedAtAsync(meta, entity, key, UtcNow(), ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await meta.DeleteChildrenAsync(this, entity, ct).ConfigureAwait(false);
                        affected = await ExecuteAsync(meta.Statements.Delete.For(Dialect.Kind), KeyValues(key), ct).ConfigureAwait(false);
                    }
                    if (affected == 0)
                        throw new AssociationException($"Cannot delete {meta.Name} with key {key}: no such row.", meta.Name, null, key);
                    if (entity is IAfterDelete after) await after.OnAfterDeleteAsync(this, ct).ConfigureAwait(false);
                    return 0;
                }, atomic: HookInfo<T>.Delete || meta.CascadesThroughRuntime, cancellationToken).ConfigureAwait(false);
            }
            catch (AssociationException error) when (error.Association is null && error.Model == meta.Name
                && error.InnerException is DbException inner && Dialect.IsForeignKeyViolation(inner))
            {
                // SQLite says only "FOREIGN KEY constraint failed": name the models whose rows may still reference this one.
                if (DeleteViolationHint(meta, "it") is not { } hint) throw;
                throw new AssociationException(
                    $"Could not delete {meta.Name} (key {key}): a foreign-key constraint was violated: {hint}. {inner.Message}",
                    meta.Name, null, key, inner);
            }
        }

        /// <summary>The row of <typeparamref name="T"/> with <paramref name="key"/>, or null.</summary>
        public async Task<T?> FindAsync<T>(object key, CancellationToken cancellationToken = default) where T : class, IModel<T>
        {
            if (key is null) throw new ArgumentNullException(nameof(key));
            using var op = EnterOperation();
            var meta = T.Metadata;
            if (meta.NeedsScope && meta.Key.Count == 1)
                return await Query<T>().Where(Conditions.Equal<T>(meta.Key[0], key)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
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
            using var op = EnterOperation();
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

        /// <summary>Creates the tables of <paramref name="models"/>, in foreign-key order (with <see cref="SyncOptions.Alter"/>:
        /// brings their live tables in step, SPEC §11).</summary>
        public async Task SyncModelsAsync(IEnumerable<ModelMetadata> models, SyncOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (models is null) throw new ArgumentNullException(nameof(models));
            if (options is { Alter: true, Force: false })
            {
                try
                {
                    await Schema.AlterAsync(this, models, options, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    ClearCommands(); // statements prepared against the old shape
                }
                return;
            }
            await CreateModelsAsync(models, options, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The key of the lock every SyncAsync takes in its transaction (the first 8 bytes of SHA-256("Associations.Schema")).</summary>
        internal static readonly long SchemaLockKey =
            BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("Associations.Schema")), 0);

        /// <summary>Serializes schema changes with other sessions, in this process or another (see <see cref="Dialect.TransactionLock"/>).</summary>
        internal async Task LockSchemaAsync(CancellationToken cancellationToken)
        {
            if (Dialect.TransactionLock is { } lockSql)
                await ExecuteAsync(lockSql, new object?[] { SchemaLockKey }, cancellationToken).ConfigureAwait(false);
        }

        private async Task CreateModelsAsync(IEnumerable<ModelMetadata> models, SyncOptions? options, CancellationToken cancellationToken)
        {
            if (models is null) throw new ArgumentNullException(nameof(models));
            ThrowIfDisposed();
            var ordered = Schema.Order(models);
            var statements = Schema.Statements(Dialect, ordered, options?.Force == true);
            string? current = null;
            try
            {
                await InTransactionAsync(async () =>
                {
                    await LockSchemaAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var statement in statements)
                    {
                        current = statement;
                        LogSyncStatement(statement);
                        await ExecuteAsync(statement, Array.Empty<object?>(), cancellationToken).ConfigureAwait(false);
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException error)
            {
                // Typically an index on a column an existing, older table does not have: say what to do.
                throw new AssociationException("SyncAsync creates what is missing and changes no existing table, and this statement failed: "
                    + current + " — " + error.Message + ". If a table exists in an older shape, bring it in step with "
                    + "SyncAsync(new SyncOptions { Alter = true }) (Schema.DiffAsync shows what it would do). Nothing was created.",
                    null, null, null, error);
            }
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
            if (sql is null) throw new ArgumentNullException(nameof(sql));
            using var op = EnterOperation();
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
            if (sql is null) throw new ArgumentNullException(nameof(sql));
            using var op = EnterOperation();
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
            if (sql is null) throw new ArgumentNullException(nameof(sql));
            using var op = EnterOperation();
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
        /// <remarks>After disposal every operation throws <see cref="ObjectDisposedException"/>. A transaction the session began and
        /// did not commit is rolled back; one handed over with <see cref="UseTransaction"/> is left to its owner.</remarks>
        public async ValueTask DisposeAsync()
        {
            if (_disposed) return;
            _disposed = true;
            ClearCommands();
            if (CurrentTransaction is not null && !ReferenceEquals(CurrentTransaction, _external))
                await CurrentTransaction.DisposeAsync().ConfigureAwait(false);
            CurrentTransaction = null;
            _external = null;
            if (_ownsConnection) await Connection.DisposeAsync().ConfigureAwait(false);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            ClearCommands();
            if (CurrentTransaction is not null && !ReferenceEquals(CurrentTransaction, _external)) CurrentTransaction.Dispose();
            CurrentTransaction = null;
            _external = null;
            if (_ownsConnection) Connection.Dispose();
        }
    }

    /// <summary>Options of <c>SyncAsync</c>.</summary>
    public sealed class SyncOptions
    {
        /// <summary>Drop the tables first (in reverse dependency order), then create them.</summary>
        public bool Force { get; set; }

        /// <summary>
        /// Bring existing tables in step with the models (SPEC §11): add missing tables, columns, foreign keys, indexes and
        /// unique constraints; change nullability, type (safe conversions only) and referential actions; all in one
        /// transaction, all or nothing. SQLite changes ALTER TABLE cannot make rebuild the table, rows kept.
        /// <see cref="Schema.DiffAsync(DbSession, Type[])"/> shows what it would do. Ignored with <see cref="Force"/> (which recreates).
        /// </summary>
        public bool Alter { get; set; }

        /// <summary>With <see cref="Alter"/>: also drop columns whose property is gone (with their foreign keys and indexes),
        /// foreign keys and library-made indexes the models no longer have. Tables are never dropped.</summary>
        public bool AllowDrop { get; set; }
    }
}
