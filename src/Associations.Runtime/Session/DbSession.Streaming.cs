using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Associations
{
    // Reading a statement's rows one at a time (Query<T>.AsAsyncEnumerable): the reader stays open between rows.
    public sealed partial class DbSession
    {
        /// <summary>
        /// Runs a SELECT and yields each row read with <paramref name="read"/> while the reader is open. The command is
        /// recorded (log, span, duration) until the last row is read or the enumeration is abandoned.
        /// </summary>
        internal async IAsyncEnumerable<TRow> StreamAsync<TRow>(string sql, IReadOnlyList<object?> parameters, Func<DbDataReader, TRow> read,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            var command = RentCommand(sql, parameters);
            using var trace = StartCommand(command.Command);
            try
            {
                DbDataReader reader;
                try
                {
                    reader = await command.Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (CommandFailed(trace, error)) { throw; }
                await using (reader.ConfigureAwait(false))
                {
                    while (true)
                    {
                        bool more;
                        try
                        {
                            cancellationToken.ThrowIfCancellationRequested(); // providers may serve buffered rows without looking
                            more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception error) when (CommandFailed(trace, error)) { throw; }
                        if (!more) yield break;
                        yield return read(reader);
                    }
                }
            }
            finally
            {
                ReturnCommand(command);
            }
        }
    }
}
