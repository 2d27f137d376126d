using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Associations.Metadata;

namespace Associations
{
    // Running commands: every statement of the library goes through here, so parameters, logging,
    // the ambient transaction and error wrapping are handled in one place.
    public sealed partial class DbSession
    {
        /// <summary>Opens the connection if needed and prepares it (SQLite: foreign keys on).</summary>
        public async Task EnsureOpenAsync(CancellationToken cancellationToken = default)
        {
            using var op = EnterStatement();
            await EnsureOpenCoreAsync(cancellationToken).ConfigureAwait(false);
        }

        private async Task EnsureOpenCoreAsync(CancellationToken cancellationToken)
        {
            if (Connection.State != ConnectionState.Open)
            {
                await Connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                _prepared = false;
            }
            JoinAmbientTransaction();
            if (_prepared) return;
            _prepared = true;
            if (Dialect.Kind == DialectKind.Sqlite)
            {
                using var pragma = Connection.CreateCommand();
                pragma.CommandText = "PRAGMA foreign_keys = ON";
                using var trace = StartCommand(pragma);
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                // decimal columns compare numerically through this collation (see SqliteTypeMap).
                if (Connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
                    sqlite.CreateCollation(SqliteTypeMap.DecimalCollation, SqliteTypeMap.CompareDecimalText);
            }
        }

        /// <summary>Runs a statement; returns the affected rows.</summary>
        internal async Task<int> ExecuteAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
        {
            RequireCommand(sql, parameters);
            using var op = EnterStatement();
            await EnsureOpenCoreAsync(cancellationToken).ConfigureAwait(false);
            var command = await RentPreparedAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            using var trace = StartCommand(command.Command);
            try
            {
                return await command.Command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (CommandFailed(trace, error)) { throw; }
            catch (DbException error) when (ForgetLostPreparedStatements(error, rethrow: true))
            {
                throw;
            }
            finally
            {
                ReturnCommand(command);
            }
        }

        /// <summary>Runs a statement; returns the first column of the first row (null when none).</summary>
        internal async Task<object?> ScalarAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
        {
            RequireCommand(sql, parameters);
            using var op = EnterStatement();
            await EnsureOpenCoreAsync(cancellationToken).ConfigureAwait(false);
            var command = await RentPreparedAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            using var trace = StartCommand(command.Command);
            try
            {
                var value = await command.Command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return value is DBNull ? null : value;
            }
            catch (Exception error) when (CommandFailed(trace, error)) { throw; }
            catch (DbException error) when (ForgetLostPreparedStatements(error, rethrow: true))
            {
                throw;
            }
            finally
            {
                ReturnCommand(command);
            }
        }

        /// <summary>Runs a COUNT statement.</summary>
        internal async Task<int> CountAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default) =>
            Convert.ToInt32(await ScalarAsync(sql, parameters, cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Runs a SELECT of every column of <paramref name="metadata"/> and reads the rows.</summary>
        internal async Task<List<T>> QueryAsync<T>(ModelMetadata<T> metadata, string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
            where T : class
        {
            if (metadata is null) throw new ArgumentNullException(nameof(metadata));
            RequireCommand(sql, parameters);
            using var op = EnterStatement();
            await EnsureOpenCoreAsync(cancellationToken).ConfigureAwait(false);
            var command = await RentPreparedAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            using var trace = StartCommand(command.Command);
            try
            {
                using var reader = await command.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    rows.Add(metadata.Read(reader, 0));
                return rows;
            }
            catch (Exception error) when (CommandFailed(trace, error)) { throw; }
            catch (DbException error) when (ForgetLostPreparedStatements(error, rethrow: true))
            {
                throw;
            }
            finally
            {
                ReturnCommand(command);
            }
        }

        /// <summary>Runs a SELECT and reads each row with <paramref name="read"/>.</summary>
        internal async Task<List<TRow>> ReadAsync<TRow>(string sql, IReadOnlyList<object?> parameters, Func<DbDataReader, TRow> read, CancellationToken cancellationToken = default)
        {
            if (read is null) throw new ArgumentNullException(nameof(read));
            RequireCommand(sql, parameters);
            using var op = EnterStatement();
            await EnsureOpenCoreAsync(cancellationToken).ConfigureAwait(false);
            var command = await RentPreparedAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            using var trace = StartCommand(command.Command);
            try
            {
                using var reader = await command.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var rows = new List<TRow>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    rows.Add(read(reader));
                return rows;
            }
            catch (Exception error) when (CommandFailed(trace, error)) { throw; }
            catch (DbException error) when (ForgetLostPreparedStatements(error, rethrow: true))
            {
                throw;
            }
            finally
            {
                ReturnCommand(command);
            }
        }

        /// <summary>Runs a SELECT and hands each row to <paramref name="read"/>, keeping nothing.</summary>
        internal async Task ReadEachAsync(string sql, IReadOnlyList<object?> parameters, Action<DbDataReader> read, CancellationToken cancellationToken = default)
        {
            if (read is null) throw new ArgumentNullException(nameof(read));
            RequireCommand(sql, parameters);
            using var op = EnterStatement();
            await EnsureOpenCoreAsync(cancellationToken).ConfigureAwait(false);
            var command = await RentPreparedAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            using var trace = StartCommand(command.Command);
            try
            {
                using var reader = await command.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    read(reader);
            }
            catch (Exception error) when (CommandFailed(trace, error)) { throw; }
            catch (DbException error) when (ForgetLostPreparedStatements(error, rethrow: true))
            {
                throw;
            }
            finally
            {
                ReturnCommand(command);
            }
        }

        /// <summary>Runs a SELECT of one column and reads its values.</summary>
        internal async Task<List<object>> QueryValuesAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
        {
            RequireCommand(sql, parameters);
            using var op = EnterStatement();
            await EnsureOpenCoreAsync(cancellationToken).ConfigureAwait(false);
            var command = await RentPreparedAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
            using var trace = StartCommand(command.Command);
            try
            {
                using var reader = await command.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var values = new List<object>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    if (!reader.IsDBNull(0)) values.Add(reader.GetValue(0));
                return values;
            }
            catch (Exception error) when (CommandFailed(trace, error)) { throw; }
            catch (DbException error) when (ForgetLostPreparedStatements(error, rethrow: true))
            {
                throw;
            }
            finally
            {
                ReturnCommand(command);
            }
        }

        /// <summary>A command of the session's cache: one per statement text, reused (and kept prepared by the provider) while not in use.</summary>
        private sealed class PooledCommand
        {
            public PooledCommand(DbCommand command, bool cached)
            {
                Command = command;
                Cached = cached;
            }

            public DbCommand Command { get; }

            public bool Cached { get; }

            public bool InUse { get; set; }

            /// <summary>How often it was rented (counted until it is prepared; see DbSession.Prepare.cs).</summary>
            public int Uses { get; set; }

            /// <summary>The connection opening it was prepared on (0: not prepared).</summary>
            public int PreparedOn { get; set; }

            /// <summary>The types of the parameter values it was prepared with.</summary>
            public Type[]? PreparedTypes { get; set; }
        }

        private const int CommandCacheSize = 256;
        private readonly Dictionary<string, PooledCommand> _commands = new Dictionary<string, PooledCommand>(StringComparer.Ordinal);
        private static readonly string[] ParameterNames = Enumerable.Range(0, 64).Select(i => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        private PooledCommand RentCommand(string sql, IReadOnlyList<object?> parameters)
        {
            if (_commands.TryGetValue(sql, out var pooled) && !pooled.InUse && pooled.Command.Parameters.Count == parameters.Count)
            {
                var command = pooled.Command;
                command.Transaction = CurrentTransaction;
                for (var i = 0; i < parameters.Count; i++) command.Parameters[i].Value = Dialect.ToDbValue(parameters[i]);
                pooled.InUse = true;
                return pooled;
            }
            var cacheIt = pooled is null;
            if (cacheIt && _commands.Count >= CommandCacheSize) ClearCommands();
            var created = new PooledCommand(CreateCommand(sql, parameters), cacheIt) { InUse = true };
            if (cacheIt) _commands[sql] = created;
            return created;
        }

        private static void ReturnCommand(PooledCommand command)
        {
            if (command.Cached) command.InUse = false;
            else command.Command.Dispose();
        }

        private void ClearCommands()
        {
            StopWatchingOpenings();
            foreach (var pooled in _commands.Values)
                if (!pooled.InUse) pooled.Command.Dispose();
            _commands.Clear();
        }

        private DbCommand CreateCommand(string sql, IReadOnlyList<object?> parameters)
        {
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = CurrentTransaction;
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = i < ParameterNames.Length ? ParameterNames[i] : "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameter.Value = Dialect.ToDbValue(parameters[i]);
                command.Parameters.Add(parameter);
            }
            return command;
        }

        /// <summary>
        /// Runs one library operation: atomically when asked (own transaction, or a savepoint in the
        /// ambient one), turning the provider's errors into an <see cref="AssociationException"/> that
        /// names the model, the association and the key.
        /// </summary>
        internal async Task<TResult> RunAsync<TResult>(
            string model, string? association, object? key, string operation,
            Func<CancellationToken, Task<TResult>> work, bool atomic, CancellationToken cancellationToken)
        {
            if (work is null) throw new ArgumentNullException(nameof(work));
            using var op = EnterOperation();
            using var trace = StartOperation(model, association, operation);
            try
            {
                return atomic
                    ? await AtomicAsync(work, cancellationToken).ConfigureAwait(false)
                    : await work(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (OperationFailed(trace, error)) { throw; }
            catch (DbException error) when (CurrentTransaction is null && ForgetLostPreparedStatements(error, rethrow: false))
            {
                // The server dropped our prepared statements (DISCARD ALL); they are forgotten now: run it once more.
                try
                {
                    return atomic
                        ? await AtomicAsync(work, cancellationToken).ConfigureAwait(false)
                        : await work(cancellationToken).ConfigureAwait(false);
                }
                catch (DbException again)
                {
                    throw Wrap(again, model, association, key, operation);
                }
            }
            catch (DbException error)
            {
                throw Wrap(error, model, association, key, operation);
            }
        }

        private AssociationException Wrap(DbException error, string model, string? association, object? key, string operation)
        {
            var reason =
                Dialect.IsForeignKeyViolation(error) ? "a foreign-key constraint was violated (a referenced row is missing, or rows still reference this one)" :
                Dialect.IsUniqueViolation(error) ? "a unique constraint was violated" :
                Dialect.IsNotNullViolation(error) ? "a NOT NULL column was given null" :
                "the database reported an error";
            var what = association is null ? model : model + "." + association;
            var keyText = key is null ? "" : " (key " + key + ")";
            return new AssociationException($"Could not {operation} {what}{keyText}: {reason}. {error.Message}", model, association, key, error);
        }

        /// <summary>Throws when <paramref name="entity"/> has never been inserted.</summary>
        internal static void RequireSaved<T>(ModelMetadata<T> metadata, T entity, string? association, string operation) where T : class
        {
            if (entity is null)
                throw new ArgumentNullException(nameof(entity), $"Cannot {operation} {metadata.Name}{(association is null ? "" : "." + association)}: the instance is null.");
            if (metadata.IsUnsaved(entity))
                throw new AssociationException(
                    $"Cannot {operation} {metadata.Name}{(association is null ? "" : "." + association)}: the {metadata.Name} instance is not saved (its key is {metadata.GetKey(entity) ?? "null"}). Insert it first.",
                    metadata.Name, association, metadata.GetKey(entity));
        }
    }
}
