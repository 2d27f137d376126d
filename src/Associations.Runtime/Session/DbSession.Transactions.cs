using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace Associations
{
    // The ambient transaction: InTransactionAsync and BeginTransactionAsync open it (or a savepoint
    // inside it when one is already open); every command of the session joins it. A transaction the
    // caller began (UseTransaction) or an enlisted System.Transactions scope is joined, never ended:
    // the session's own work inside it runs in savepoints.
    public sealed partial class DbSession
    {
        /// <summary>The innermost transaction or savepoint the session began (its undo log is the current one).</summary>
        private DbSessionTransaction? _innermost;

        /// <summary>A transaction the caller began and handed over with <see cref="UseTransaction"/>.</summary>
        private DbTransaction? _external;

        /// <summary>The System.Transactions transaction the connection is enlisted in.</summary>
        private System.Transactions.Transaction? _enlisted;

        /// <summary>Runs <paramref name="work"/> in a transaction: commits when it returns, rolls back when it throws.
        /// Nested calls use savepoints, so an inner failure undoes only the inner work. In-memory values the
        /// library set inside (keys, foreign keys, navigations) are put back when it rolls back.</summary>
        public Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken = default)
        {
            if (work is null) throw new ArgumentNullException(nameof(work));
            return AtomicAsync(async _ =>
            {
                await work().ConfigureAwait(false);
                return true;
            }, cancellationToken);
        }

        /// <summary>Runs <paramref name="work"/> in a transaction and returns its result.</summary>
        public Task<TResult> InTransactionAsync<TResult>(Func<Task<TResult>> work, CancellationToken cancellationToken = default)
        {
            if (work is null) throw new ArgumentNullException(nameof(work));
            return AtomicAsync(_ => work(), cancellationToken);
        }

        /// <summary>
        /// Makes every command of the session run inside <paramref name="transaction"/>, a transaction the caller began on
        /// the session's connection (plain ADO.NET, Dapper, another library). Accessors and <c>InTransactionAsync</c> use
        /// savepoints inside it; the session never commits or rolls it back. <c>null</c> detaches it. A transaction that
        /// has ended (its connection is null) is detached by itself.
        /// </summary>
        public void UseTransaction(DbTransaction? transaction)
        {
            using var op = EnterOperation();
            if (transaction is null)
            {
                if (_external is not null && ReferenceEquals(CurrentTransaction, _external))
                {
                    if (_innermost is not null)
                        throw new InvalidOperationException("Cannot detach the transaction: a transaction or savepoint the session began inside it is still open.");
                    CurrentTransaction = null;
                }
                _external = null;
                return;
            }
            if (HasEnded(transaction))
                throw new InvalidOperationException("The transaction has already been committed or rolled back.");
            if (!ReferenceEquals(transaction.Connection, Connection))
                throw new InvalidOperationException("The transaction was begun on another connection; UseTransaction needs one begun on this session's connection.");
            if (CurrentTransaction is not null && !ReferenceEquals(CurrentTransaction, _external))
                throw new InvalidOperationException("The session already has a transaction of its own open; end it before joining another.");
            _external = transaction;
            CurrentTransaction = transaction;
        }

        /// <summary>Opens a transaction (a savepoint when one is open) that the session's commands join until it ends.
        /// Dispose without <c>CommitAsync</c> rolls it back.</summary>
        public async Task<DbSessionTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
        {
            using var op = EnterOperation();
            await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            DbSessionTransaction opened;
            if (CurrentTransaction is null && _enlisted is null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                CurrentTransaction = await Connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
                LogTransaction(AssociationsEvents.TransactionStarted, null);
                opened = new DbSessionTransaction(this, CurrentTransaction, null, _innermost);
            }
            else
            {
                var name = "assoc_sp" + (++_savepoints).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (CurrentTransaction is not null) await CurrentTransaction.SaveAsync(name, cancellationToken).ConfigureAwait(false);
                else await ExecuteAsync("SAVEPOINT " + name, Array.Empty<object?>(), cancellationToken).ConfigureAwait(false);
                LogTransaction(AssociationsEvents.SavepointCreated, name);
                opened = new DbSessionTransaction(this, CurrentTransaction, name, _innermost);
            }
            _innermost = opened;
            return opened;
        }

        internal void EndTransaction(DbSessionTransaction ended)
        {
            if (ReferenceEquals(_innermost, ended)) _innermost = ended.Parent;
            if (ended.IsRoot && ReferenceEquals(CurrentTransaction, ended.Transaction)) CurrentTransaction = null;
        }

        internal bool IsDisposed => _disposed;

        /// <summary>Runs <paramref name="work"/> atomically: in its own transaction, or in a savepoint of the ambient one.
        /// When it throws (or is cancelled), its writes are rolled back and the in-memory values it set are put back.</summary>
        internal async Task<TResult> AtomicAsync<TResult>(Func<CancellationToken, Task<TResult>> work, CancellationToken cancellationToken = default)
        {
            if (work is null) throw new ArgumentNullException(nameof(work));
            using var op = EnterOperation();
            await using var transaction = await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }

        /// <summary>Enlists the connection in the ambient <see cref="System.Transactions.Transaction"/>, if there is one;
        /// a provider that cannot take part makes every command throw, so nothing commits outside the scope.</summary>
        private void JoinAmbientTransaction()
        {
            var ambient = System.Transactions.Transaction.Current;
            if (ambient is null)
            {
                _enlisted = null;
                return;
            }
            if (_enlisted is not null && _enlisted.Equals(ambient)) return;
            if (CurrentTransaction is not null)
                throw new NotSupportedException("A System.Transactions scope is active while the session has a transaction open; the session cannot take part in both.");
            try
            {
                Connection.EnlistTransaction(ambient);
            }
            catch (NotSupportedException error)
            {
                throw new NotSupportedException(
                    $"A System.Transactions scope is active, but the {Dialect.Kind} provider cannot enlist the connection in it, so this command would " +
                    "commit outside the scope. Use db.InTransactionAsync, db.BeginTransactionAsync or db.UseTransaction instead.", error);
            }
            _enlisted = ambient;
        }
    }

    /// <summary>A transaction (or savepoint) of a <see cref="DbSession"/>; rolled back on dispose unless committed.
    /// It carries the undo log of the in-memory values set inside it.</summary>
    public sealed class DbSessionTransaction : IAsyncDisposable
    {
        private readonly DbSession _session;
        private readonly DbTransaction? _transaction;
        private readonly string? _savepoint;
        private bool _completed;

        internal DbSessionTransaction(DbSession session, DbTransaction? transaction, string? savepoint, DbSessionTransaction? parent)
        {
            _session = session;
            _transaction = transaction;
            _savepoint = savepoint;
            Parent = parent;
        }

        /// <summary>The provider transaction (shared with enclosing ones when this is a savepoint; null in a System.Transactions scope).</summary>
        public DbTransaction? Transaction => _transaction;

        internal DbSessionTransaction? Parent { get; }

        internal bool IsRoot => _savepoint is null;

        /// <summary>How to put back the in-memory values set inside this transaction, in the order they were set.</summary>
        internal List<Action> Undo { get; } = new List<Action>();

        /// <summary>Commits (or releases the savepoint). A cancelled token is honoured before the commit, never during it,
        /// so the commit either happens and this returns, or it does not happen and this throws.</summary>
        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (_completed) throw new InvalidOperationException("The transaction has already been committed or rolled back.");
            using var op = _session.EnterOperation();
            cancellationToken.ThrowIfCancellationRequested();
            if (_savepoint is null)
            {
                await _transaction!.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                _session.LogTransaction(AssociationsEvents.TransactionCommitted, null);
                _completed = true;
                _session.EndTransaction(this);
                await _transaction.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                if (_transaction is not null) await _transaction.ReleaseAsync(_savepoint, CancellationToken.None).ConfigureAwait(false);
                else await _session.ExecuteAsync("RELEASE SAVEPOINT " + _savepoint, Array.Empty<object?>(), CancellationToken.None).ConfigureAwait(false);
                _session.LogTransaction(AssociationsEvents.SavepointReleased, _savepoint);
                _completed = true;
                _session.EndTransaction(this);
                // The enclosing transaction may still roll back: it inherits the undo log.
                Parent?.Undo.AddRange(Undo);
            }
            Undo.Clear();
        }

        /// <summary>Rolls back (to the savepoint, when this is one) and puts back the in-memory values set inside it.</summary>
        public async Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            if (_completed) return;
            _completed = true;
            try
            {
                if (_session.IsDisposed) return;
                using var op = _session.EnterOperation();
                if (_savepoint is null)
                {
                    try
                    {
                        await _transaction!.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                        _session.LogTransaction(AssociationsEvents.TransactionRolledBack, null);
                    }
                    finally
                    {
                        _session.EndTransaction(this);
                        await _transaction!.DisposeAsync().ConfigureAwait(false);
                    }
                }
                else
                {
                    try
                    {
                        if (_transaction is not null)
                        {
                            await _transaction.RollbackAsync(_savepoint, CancellationToken.None).ConfigureAwait(false);
                            await _transaction.ReleaseAsync(_savepoint, CancellationToken.None).ConfigureAwait(false);
                        }
                        else
                        {
                            await _session.ExecuteAsync("ROLLBACK TO SAVEPOINT " + _savepoint, Array.Empty<object?>(), CancellationToken.None).ConfigureAwait(false);
                            await _session.ExecuteAsync("RELEASE SAVEPOINT " + _savepoint, Array.Empty<object?>(), CancellationToken.None).ConfigureAwait(false);
                        }
                        _session.LogTransaction(AssociationsEvents.SavepointRolledBack, _savepoint);
                    }
                    finally
                    {
                        _session.EndTransaction(this);
                    }
                }
            }
            finally
            {
                for (var i = Undo.Count - 1; i >= 0; i--) Undo[i]();
                Undo.Clear();
            }
        }

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            if (!_completed) await RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
