using System.Threading;
using System.Threading.Tasks;

namespace Associations
{
    // Prepared statements on PostgreSQL. Npgsql parses and plans every command again unless it is prepared
    // (DbCommand.Prepare, or auto-prepare, which depends on the user's connection string). The session's command
    // cache already keeps one command per statement text; on PostgreSQL a cached command is prepared on its second
    // use (a statement run once never pays the extra round trip of preparing), then runs as Bind/Execute only.
    //
    // Correctness, each covered by a test (PreparedStatementTests):
    // - the connection reopened (a pooled connection may come back on another physical connection): the session
    //   prepares again on the new one (Npgsql runs a command prepared elsewhere unprepared, never wrongly);
    // - tables dropped and recreated by SyncAsync(Force): PostgreSQL re-plans a prepared statement whose tables
    //   changed, and Npgsql drops one that fails with 0A000 "cached plan must not change result type";
    //   the session also forgets its commands after a sync, so the next use prepares afresh;
    // - a value of another type than the statement was prepared with (an int, then a long): that call runs unprepared
    //   on a command of its own (Npgsql would send the new type's binary form to the prepared one: 22P03);
    // - DISCARD ALL run on the connection behind Npgsql's back: the next library operation that meets 26000 "prepared
    //   statement does not exist" outside a transaction makes Npgsql and the session forget their prepared statements
    //   and runs once more (RunAsync).
    // SQLite is left alone: Microsoft.Data.Sqlite keeps a command's compiled statements from its first execution.
    public sealed partial class DbSession
    {
        /// <summary>Uses of a cached command before it is prepared.</summary>
        private const int PrepareOnUse = 2;

        /// <summary>Bumped whenever the connection opens (by the session or by its owner), so that commands prepared on an
        /// earlier physical connection are prepared again. Starts at 1: a command with PreparedOn 0 is not prepared.</summary>
        private int _openings = 1;

        private bool _watchingOpenings;

        private void OnConnectionStateChange(object sender, System.Data.StateChangeEventArgs e)
        {
            if (e.CurrentState == System.Data.ConnectionState.Open) _openings++;
        }

        /// <summary>Called when the command cache is emptied (and on dispose): the commands are gone, and the connection
        /// must not keep the session alive through its event.</summary>
        private void StopWatchingOpenings()
        {
            if (!_watchingOpenings) return;
            Connection.StateChange -= OnConnectionStateChange;
            _watchingOpenings = false;
        }

        /// <summary>
        /// True when <paramref name="error"/> says that a statement prepared on the connection no longer exists on the
        /// server (26000, after a DISCARD ALL or DEALLOCATE ALL that Npgsql did not see): Npgsql is told to forget its
        /// prepared statements (NpgsqlConnection.UnprepareAll, found by name: the runtime does not reference Npgsql) and the
        /// session forgets its commands, so that the operation can run again. Only outside a transaction (the failed
        /// statement has aborted any transaction it ran in). Called from exception filters: with <paramref name="rethrow"/>
        /// (the statement level, in or out of a transaction) it forgets when it can and returns false, so the error goes on
        /// unchanged; without it (RunAsync, outside a transaction) it returns whether the operation may run again.
        /// </summary>
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075",
            Justification = "NpgsqlConnection.UnprepareAll is looked up by name; when trimming removed it, the lookup returns null and the error goes on unchanged.")]
        private bool ForgetLostPreparedStatements(System.Data.Common.DbException error, bool rethrow)
        {
            if (Dialect.Kind != DialectKind.PostgreSql || error.SqlState != "26000") return false;
            if (CurrentTransaction is null && Connection.State == System.Data.ConnectionState.Open
                && Connection.GetType().GetMethod("UnprepareAll", System.Type.EmptyTypes) is { } unprepareAll)
            {
                unprepareAll.Invoke(Connection, null);
                ClearCommands();
                return !rethrow;
            }
            return false;
        }

        /// <summary>
        /// <see cref="RentCommand"/>, then, on PostgreSQL, prepares the command when it is due (its second use, or its first
        /// use since the connection was reopened).
        /// </summary>
        private async ValueTask<PooledCommand> RentPreparedAsync(string sql, System.Collections.Generic.IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
        {
            var pooled = RentCommand(sql, parameters);
            if (!pooled.Cached || Dialect.Kind != DialectKind.PostgreSql) return pooled;
            if (!_watchingOpenings)
            {
                Connection.StateChange += OnConnectionStateChange;
                _watchingOpenings = true;
            }
            var values = pooled.Command.Parameters;
            if (pooled.PreparedOn == _openings)
            {
                if (SameTypes(pooled.PreparedTypes!, values)) return pooled;
                // A value of another type than the statement was prepared for (say a long where it had an int): this call
                // runs on a command of its own, unprepared; the prepared one stays for the types it was prepared with.
                pooled.InUse = false;
                return new PooledCommand(CreateCommand(sql, parameters), cached: false) { InUse = true };
            }
            if (++pooled.Uses < PrepareOnUse) return pooled;
            // Prepared with every value given, so that each parameter's type is a real one (a null is typed by none, and
            // is fine later in any slot: it is sent without data).
            var types = new System.Type[values.Count];
            for (var i = 0; i < types.Length; i++)
            {
                if (values[i].Value is not { } value || value is System.DBNull) return pooled;
                types[i] = value.GetType();
            }
            try
            {
                await pooled.Command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                pooled.PreparedOn = _openings;
                pooled.PreparedTypes = types;
            }
            catch
            {
                ReturnCommand(pooled);
                throw;
            }
            return pooled;
        }

        private static bool SameTypes(System.Type[] prepared, System.Data.Common.DbParameterCollection values)
        {
            for (var i = 0; i < prepared.Length; i++)
                if (values[i].Value is { } value && value is not System.DBNull && value.GetType() != prepared[i]) return false;
            return true;
        }
    }
}
