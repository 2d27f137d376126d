using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Associations.Internal;

namespace Associations
{
    // Streaming: the rows of one statement, handed out as they are read, for results too large to hold in a list.
    public sealed partial class Query<T>
    {
        /// <summary>
        /// Streams the rows as the database returns them: one statement, each row read (with its to-one includes, which are
        /// JOINs of that statement) and handed out before the next is read, so memory stays flat however many rows match.
        /// <para>
        /// To-many includes need a statement per level for all parents, which cannot run while this one is still being read
        /// (PostgreSQL allows one active command per connection), so they are refused with a <see cref="NotSupportedException"/>:
        /// stream the parents and load their children per batch with <see cref="DbSession.LoadAsync{T}"/> after the stream, or use
        /// <see cref="ToListAsync"/>. While the stream is open, run no other command on the session (as with a
        /// <c>DbDataReader</c>); the connection is opened if needed and the session's transaction is joined.
        /// </para>
        /// </summary>
        public async IAsyncEnumerable<T> AsAsyncEnumerable([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var scoped = Scoped();
            if (!ReferenceEquals(scoped, this))
            {
                await foreach (var row in scoped.AsAsyncEnumerable(cancellationToken).ConfigureAwait(false)) yield return row;
                yield break;
            }
            var refused = _includes.FirstOrDefault(i => i.NeedsMoreStatements);
            if (refused is not null)
                throw new NotSupportedException(
                    $"AsAsyncEnumerable() of {Metadata.Name} cannot stream include '{refused.Name}': " +
                    (refused.IsToOne ? "it has to-many includes below it, which" : "a to-many include") +
                    " needs a statement of its own for all parents, and none can run while the rows are being streamed. " +
                    "Stream without it and load it per batch with db.LoadAsync(batch, q => q.Include…()), or use ToListAsync().");
            var session = RequireSession();
            using var trace = session.StartQuery(Metadata.Name, "stream");
            var plan = new SelectPlan(session.Dialect);
            var read = plan.AddModel(Metadata, Alias, _select, out _);
            var readers = PlanJoins(plan, Alias, countOnly: false);
            var sql = new StringBuilder("SELECT ").Append(plan.ColumnList(aliased: false)).Append(From(plan));
            AppendWhere(plan, sql);
            AppendOrderAndLimit(plan, sql);
            await foreach (var row in session.StreamAsync(sql.ToString(), plan.Parameters, reader =>
                           {
                               var row = read(reader);
                               for (var i = 0; i < readers.Count; i++) readers[i](reader, row);
                               return row;
                           }, cancellationToken).ConfigureAwait(false))
                yield return row;
        }
    }
}
